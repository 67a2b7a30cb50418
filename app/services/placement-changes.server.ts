/**
 * Changes of a placement within the caller's scope: starting, ending with an outcome, cancelling, follow-up calls,
 * school periods (IGU) and the workplace details. Each is one transaction with its status history (through
 * `changeStatus`) and its access-log entry; a place freed opens a filled opening again.
 */
import { eq, sql } from "drizzle-orm";
import { placementFollowUps, placementSchoolPeriods, placements } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { fail, ok, transaction, type Actor, type Result, type Scope } from "./kernel.server";
import { changeStatus } from "./status.server";
import { openingFollowsPlaces } from "./openings.server";
import { placementInScope } from "./placements.server";
import { endsWithOutcome, IGU_SCHOOL_WEEKS, placementMachine, type PlacementEvent } from "../domain/placement-status";
import type { OutcomeType, PlacementEndReason, SchoolKind } from "../domain/enums";
import { today } from "../utils/clock";

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
): Result | null {
  return transaction((t) => {
    const p = placementInScope(t, scope, id);
    if (!p) return null;
    const setStatus = (
      event: PlacementEvent,
      extra: Partial<typeof placements.$inferInsert>,
      reason: string | null = null,
    ): Result => {
      const to = placementMachine.next(p.status, event);
      const r = changeStatus(t, {
        entity: "placement",
        id,
        from: p.status,
        to,
        actor,
        reason,
        set: extra,
        audit: false,
      });
      if (!r.ok) return r;
      const details = { status: to, ...(extra.outcomeType ? { outcomeType: extra.outcomeType } : {}) };
      audit(actor, "update", "placement", id, details, t);
      return ok();
    };
    switch (change.intent) {
      case "start":
        if (!placementMachine.can(p.status, "start")) return fail("companies.placement.notAllowed");
        if (change.startDate > today()) return fail("companies.placement.startInFuture", "startDate");
        return setStatus("start", { startDate: change.startDate });
      case "complete":
      case "end_early": {
        if (!placementMachine.can(p.status, change.intent)) return fail("companies.placement.notAllowed");
        if (change.endedOn < p.startDate) return fail("companies.placement.endBeforeStart", "endedOn");
        if (change.endedOn > today()) return fail("companies.placement.endInFuture", "endedOn");
        if (!endsWithOutcome(change.intent)) return fail("companies.placement.notAllowed");
        const r = setStatus(
          change.intent,
          {
            endedOn: change.endedOn,
            outcomeType: change.outcomeType,
            outcomeDate: change.endedOn,
            endReason: change.intent === "end_early" ? (change.reason ?? "other") : null,
          },
          change.intent === "end_early" ? (change.reason ?? "other") : null,
        );
        if (r.ok) openingFollowsPlaces(t, p.openingId, actor);
        return r;
      }
      case "cancel": {
        if (!placementMachine.can(p.status, "cancel")) return fail("companies.placement.notAllowed");
        const r = setStatus("cancel", {});
        if (r.ok) openingFollowsPlaces(t, p.openingId, actor);
        return r;
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
        return ok();
      }
      case "school": {
        if (p.type !== "igu") return fail("companies.placement.schoolOnlyIgu");
        const weeks = t
          .select({ n: sql<number>`coalesce(sum(${placementSchoolPeriods.weeks}), 0)` })
          .from(placementSchoolPeriods)
          .where(eq(placementSchoolPeriods.placementId, id))
          .get()!.n;
        if (weeks + change.weeks > 2 * IGU_SCHOOL_WEEKS) return fail("companies.placement.tooManySchoolWeeks", "weeks");
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
        return ok();
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
        return ok();
      }
    }
  }, d);
}
