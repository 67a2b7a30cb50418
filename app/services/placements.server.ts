/**
 * Placements (praktikforløb / placeringer): a citizen in an opening, from the accepted proposal to the outcome. Read
 * and changed within the caller's scope only (a caseworker: their own municipality's citizens); every read is in the
 * access log. Status changes go through the pure state machine in app/domain/placement-status.ts.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  companies,
  courses,
  mentees,
  municipalities,
  openings,
  outcomes,
  placementFollowUps,
  placementSchoolPeriods,
  placements,
  statusChanges,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import { audit } from "./audit.server";
import { paged, type Page } from "../domain/paging";
import {
  endsWithOutcome,
  IGU_SCHOOL_WEEKS,
  openingStatusForPlaces,
  placementMachine,
  type PlacementEvent,
} from "../domain/placement-status";
import type { OpeningType, OutcomeType, PlacementEndReason, PlacementStatus, SchoolKind } from "../domain/enums";
import { mergeHistory } from "../domain/citizen-history";
import { today } from "../utils/clock";

type Actor = { id: number; role: string };

const menteeScope = (scope: Scope): SQL | undefined =>
  scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined;

/* ------------------------------------------------------------------ list */

export type PlacementFilter = { status?: PlacementStatus | "running" | "all"; type?: OpeningType };

/** Placements of citizens within scope, newest start first (then id); running ones by default; 50 a page with the true total. */
export function listPlacements(
  scope: Scope,
  filter: PlacementFilter,
  page: number,
  d: Db = db(),
): Page<{
  id: number;
  type: OpeningType;
  status: PlacementStatus;
  startDate: string;
  plannedEndDate: string | null;
  endedOn: string | null;
  outcomeType: OutcomeType | null;
  companyName: string;
  occupation: string;
  firstName: string;
  lastName: string;
  municipalityName: string;
}> {
  const status = filter.status ?? "running";
  const where = and(
    menteeScope(scope),
    status === "all"
      ? undefined
      : status === "running"
        ? inArray(placements.status, ["planned", "active"])
        : eq(placements.status, status),
    filter.type ? eq(placements.type, filter.type) : undefined,
  );
  const total = () =>
    d
      .select({ n: count() })
      .from(placements)
      .innerJoin(mentees, eq(mentees.id, placements.menteeId))
      .where(where)
      .get()!.n;
  return paged(page, total, (limit, offset) =>
    d
      .select({
        id: placements.id,
        type: placements.type,
        status: placements.status,
        startDate: placements.startDate,
        plannedEndDate: placements.plannedEndDate,
        endedOn: placements.endedOn,
        outcomeType: placements.outcomeType,
        companyName: companies.name,
        occupation: openings.occupation,
        firstName: mentees.firstName,
        lastName: mentees.lastName,
        municipalityName: municipalities.name,
      })
      .from(placements)
      .innerJoin(mentees, eq(mentees.id, placements.menteeId))
      .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
      .innerJoin(companies, eq(companies.id, placements.companyId))
      .innerJoin(openings, eq(openings.id, placements.openingId))
      .where(where)
      .orderBy(desc(placements.startDate), desc(placements.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

/* ------------------------------------------------------------------ one placement */

function inScope(d: Db, scope: Scope, id: number) {
  return d
    .select({ placement: placements })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(and(eq(placements.id, id), menteeScope(scope)))
    .get()?.placement;
}

/** A placement of a citizen within scope with its opening, company, schooling, follow-ups and history; a logged read. */
export function getPlacement(scope: Scope, id: number, actor: Actor, d: Db = db()) {
  const row = d
    .select({
      placement: placements,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      menteeMunicipality: municipalities.name,
      companyName: companies.name,
      occupation: openings.occupation,
      places: openings.places,
      openingStatus: openings.status,
    })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .innerJoin(openings, eq(openings.id, placements.openingId))
    .where(and(eq(placements.id, id), menteeScope(scope)))
    .get();
  if (!row) return null;
  audit(actor, "view", "mentee", row.placement.menteeId, { view: "placement", placementId: id }, d);
  const school = d
    .select()
    .from(placementSchoolPeriods)
    .where(eq(placementSchoolPeriods.placementId, id))
    .orderBy(asc(placementSchoolPeriods.fromDate), asc(placementSchoolPeriods.id))
    .limit(100)
    .all();
  const followUps = d
    .select({
      id: placementFollowUps.id,
      date: placementFollowUps.date,
      onTrack: placementFollowUps.onTrack,
      note: placementFollowUps.note,
      byName: users.name,
    })
    .from(placementFollowUps)
    .leftJoin(users, eq(users.id, placementFollowUps.createdBy))
    .where(eq(placementFollowUps.placementId, id))
    .orderBy(desc(placementFollowUps.date), desc(placementFollowUps.id))
    .limit(100)
    .all();
  const history = d
    .select({
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      reason: statusChanges.reason,
      at: statusChanges.at,
    })
    .from(statusChanges)
    .where(and(eq(statusChanges.entityType, "placement"), eq(statusChanges.entityId, id)))
    .orderBy(asc(statusChanges.at), asc(statusChanges.id))
    .limit(100)
    .all();
  return {
    ...row.placement,
    citizen: {
      id: row.placement.menteeId,
      firstName: row.firstName,
      lastName: row.lastName,
      municipalityName: row.menteeMunicipality,
    },
    companyName: row.companyName,
    occupation: row.occupation,
    events: placementMachine.allowed(row.placement.status),
    school,
    schoolWeeks: school.reduce((s, p) => s + p.weeks, 0),
    followUps,
    history,
  };
}

/* ------------------------------------------------------------------ changes */

export type PlacementChange =
  | { intent: "start"; startDate: string }
  | { intent: "complete" | "end_early"; endedOn: string; outcomeType: OutcomeType; reason?: PlacementEndReason }
  | { intent: "cancel" }
  | { intent: "follow_up"; date: string; onTrack: "yes" | "no"; note?: string }
  | { intent: "school"; kind: SchoolKind; title?: string; fromDate: string; weeks: number }
  | {
      intent: "details";
      plannedEndDate?: string;
      workplaceMentorName: string;
      workplaceMentorPhone: string;
      completionAdviserName?: string;
      completionAdviserPhone?: string;
    };

export type PlacementResult = { ok: true } | { ok: false; message: string; field?: string } | null;

/**
 * One change of a placement within scope, in one transaction with its status history and access-log entry. Ending a
 * placement (completed or ended early) records its outcome; an end before the start, an outcome in the future or more
 * schooling than two years hold are refused next to the field. Null when the placement is not in scope.
 */
export function changePlacement(
  scope: Scope,
  id: number,
  change: PlacementChange,
  actor: Actor,
  d: Db = db(),
): PlacementResult {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const p = inScope(t, scope, id);
      if (!p) return null;
      const fail = (message: string, field?: string) => ({ ok: false as const, message, field });
      const setStatus = (
        event: PlacementEvent,
        extra: Partial<typeof placements.$inferInsert>,
        reason: string | null = null,
      ) => {
        const to = placementMachine.next(p.status, event);
        t.update(placements)
          .set({ status: to, ...extra })
          .where(eq(placements.id, id))
          .run();
        t.insert(statusChanges)
          .values({
            entityType: "placement",
            entityId: id,
            fromStatus: p.status,
            toStatus: to,
            reason,
            byUserId: actor.id,
          })
          .run();
        audit(
          actor,
          "update",
          "placement",
          id,
          { status: to, ...(extra.outcomeType ? { outcomeType: extra.outcomeType } : {}) },
          t,
        );
      };
      switch (change.intent) {
        case "start":
          if (!placementMachine.can(p.status, "start")) return fail("companies.placement.notAllowed");
          if (change.startDate > today()) return fail("companies.placement.startInFuture", "startDate");
          setStatus("start", { startDate: change.startDate });
          return { ok: true as const };
        case "complete":
        case "end_early": {
          if (!placementMachine.can(p.status, change.intent)) return fail("companies.placement.notAllowed");
          if (change.endedOn < p.startDate) return fail("companies.placement.endBeforeStart", "endedOn");
          if (change.endedOn > today()) return fail("companies.placement.endInFuture", "endedOn");
          if (!endsWithOutcome(change.intent)) return fail("companies.placement.notAllowed");
          setStatus(
            change.intent,
            {
              endedOn: change.endedOn,
              outcomeType: change.outcomeType,
              outcomeDate: change.endedOn,
              endReason: change.intent === "end_early" ? (change.reason ?? "other") : null,
            },
            change.intent === "end_early" ? (change.reason ?? "other") : null,
          );
          placeFreed(t, p.openingId, actor);
          return { ok: true as const };
        }
        case "cancel": {
          if (!placementMachine.can(p.status, "cancel")) return fail("companies.placement.notAllowed");
          setStatus("cancel", {});
          placeFreed(t, p.openingId, actor);
          return { ok: true as const };
        }
        case "follow_up": {
          if (change.date > today()) return fail("companies.placement.followUpInFuture", "date");
          const row = t
            .insert(placementFollowUps)
            .values({
              placementId: id,
              date: change.date,
              onTrack: change.onTrack === "yes",
              note: change.note || null,
              createdBy: actor.id,
            })
            .returning({ id: placementFollowUps.id })
            .get();
          audit(
            actor,
            "create",
            "placement_follow_up",
            row.id,
            { placementId: id, onTrack: change.onTrack === "yes" },
            t,
          );
          return { ok: true as const };
        }
        case "school": {
          if (p.type !== "igu") return fail("companies.placement.schoolOnlyIgu");
          const weeks = t
            .select({ n: sql<number>`coalesce(sum(${placementSchoolPeriods.weeks}), 0)` })
            .from(placementSchoolPeriods)
            .where(eq(placementSchoolPeriods.placementId, id))
            .get()!.n;
          if (weeks + change.weeks > 2 * IGU_SCHOOL_WEEKS)
            return fail("companies.placement.tooManySchoolWeeks", "weeks");
          const row = t
            .insert(placementSchoolPeriods)
            .values({
              placementId: id,
              kind: change.kind,
              title: change.title || null,
              fromDate: change.fromDate,
              weeks: change.weeks,
              createdBy: actor.id,
            })
            .returning({ id: placementSchoolPeriods.id })
            .get();
          audit(actor, "create", "placement_school", row.id, { placementId: id }, t);
          return { ok: true as const };
        }
        case "details": {
          if (change.plannedEndDate && change.plannedEndDate < p.startDate)
            return fail("companies.form.endBeforeStart", "plannedEndDate");
          t.update(placements)
            .set({
              plannedEndDate: change.plannedEndDate ?? p.plannedEndDate,
              workplaceMentorName: change.workplaceMentorName,
              workplaceMentorPhone: change.workplaceMentorPhone,
              completionAdviserName: change.completionAdviserName || null,
              completionAdviserPhone: change.completionAdviserPhone ?? null,
            })
            .where(eq(placements.id, id))
            .run();
          audit(actor, "update", "placement", id, { fields: ["details"] }, t);
          return { ok: true as const };
        }
      }
    },
    { behavior: "immediate" },
  );
}

/** Places are held at the same time: when a placement ends or is cancelled, a filled opening has a place again. */
function placeFreed(t: Db, openingId: number, actor: Actor): void {
  const o = t
    .select({ status: openings.status, places: openings.places })
    .from(openings)
    .where(eq(openings.id, openingId))
    .get()!;
  const taken = t
    .select({ n: count() })
    .from(placements)
    .where(and(eq(placements.openingId, openingId), inArray(placements.status, ["planned", "active"])))
    .get()!.n;
  const next = openingStatusForPlaces(o.status, o.places, taken);
  if (next === o.status) return;
  t.update(openings).set({ status: next }).where(eq(openings.id, openingId)).run();
  t.insert(statusChanges)
    .values({
      entityType: "opening",
      entityId: openingId,
      fromStatus: o.status,
      toStatus: next,
      byUserId: actor.id,
      reason: "places",
    })
    .run();
}

/* ------------------------------------------------------------------ a citizen's history */

export const HISTORY_SHOWN = 50;

/** A citizen's courses and placements together, newest first (the citizen must be within scope; the caller checked). */
export function citizenHistory(scope: Scope, menteeId: number, d: Db = db()) {
  const courseRows = d
    .select({
      id: courses.id,
      status: courses.status,
      startDate: courses.startDate,
      endedOn: courses.endedOn,
      proposedAt: courses.proposedAt,
      outcome: sql<OutcomeType | null>`(select ${outcomes.type} from ${outcomes} where ${outcomes.courseId} = ${courses.id} and ${outcomes.phase} = 'end' and ${outcomes.confirmed} = 1 order by ${outcomes.id} desc limit 1)`,
    })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(and(eq(courses.menteeId, menteeId), menteeScope(scope)))
    .orderBy(desc(courses.id))
    .limit(HISTORY_SHOWN)
    .all();
  const placementRows = d
    .select({
      id: placements.id,
      type: placements.type,
      status: placements.status,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      outcome: placements.outcomeType,
      companyName: companies.name,
      occupation: openings.occupation,
    })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .innerJoin(openings, eq(openings.id, placements.openingId))
    .where(and(eq(placements.menteeId, menteeId), menteeScope(scope)))
    .orderBy(desc(placements.id))
    .limit(HISTORY_SHOWN)
    .all();
  return mergeHistory(
    courseRows.map((c) => ({
      kind: "course" as const,
      id: c.id,
      status: c.status,
      startDate: c.startDate ?? c.proposedAt.slice(0, 10),
      endedOn: c.endedOn,
      outcome: c.outcome,
    })),
    placementRows.map((p) => ({
      kind: "placement" as const,
      id: p.id,
      status: p.status,
      startDate: p.startDate,
      endedOn: p.endedOn,
      outcome: p.outcome,
      type: p.type,
      companyName: p.companyName,
      occupation: p.occupation,
    })),
  );
}
