/**
 * The demo's company side (issue 20): competence assessments for most citizens (built from what their referral says,
 * some with a second version), a dozen companies in the partner municipalities (metal, care, transport, retail,
 * hotels and a kitchen) with contacts and notes, openings of every type and status, and citizens proposed and placed
 * by the same scoring the app uses — so a nurse who wishes elderly care lands in care, a driver at the bus company.
 * Placements in every state, among them a two-year IGU with school weeks and a completion adviser. A mentor's tip
 * waits for confirmation. Deterministic: its own random stream, dates relative to today.
 */
import { and, asc, isNull, ne } from "drizzle-orm";
import type { Db } from "../client";
import {
  mentees,
  municipalities,
  openingProposals,
  openings,
  placementFollowUps,
  placements,
  placementSchoolPeriods,
} from "../schema";
import { createRng, int } from "../factories";
import { sectionOf } from "../reference/db07";
import { addDays } from "../../app/domain/dates";
import { distanceTable } from "../../app/domain/matching";
import {
  OPENING_WEIGHTS,
  rankCitizensForOpening,
  type MatchCitizen,
  type MatchOpening,
} from "../../app/domain/opening-match";
import { mustChangeStatus } from "../../app/services/status.server";
import { seedProfiles, type CompanySideCtx } from "./company/profiles";
import { dayAt, seedCompanies, seedMentorTip } from "./company/companies";
import { IGU_SCHOOL, OPENINGS, PLAN } from "./company/openings-data";

export function seedCompanySide(t: Db, seed: number, ctx: CompanySideCtx): void {
  const rng = createRng(seed);
  const profiles = seedProfiles(t, rng, ctx);
  const at = dayAt(ctx);
  const { companyIds, companyOf } = seedCompanies(t, ctx);
  /**
   * The demo's history of openings, proposals and placements goes through the one status path (decision 021), with
   * the day each change happened (`at`); a seed writes no access-log entries, so `audit: false`.
   */
  const history = { actor: { id: ctx.coordinatorId, role: "coordinator" }, audit: false } as const;

  // ---- openings
  const openingIds = new Map<string, number>();
  for (const o of OPENINGS) {
    const c = companyOf.get(o.company)!;
    const row = t
      .insert(openings)
      .values({
        companyId: companyIds.get(o.company)!,
        type: o.type,
        industryCode: o.industry,
        occupation: o.occupation,
        municipalityCode: c.municipality,
        startDate: o.startIn == null ? null : addDays(ctx.now, o.startIn),
        durationWeeks: o.weeks,
        weeklyHours: o.hours,
        danishLevel: o.danish,
        places: o.places,
        deadline: o.startIn != null && o.startIn > 7 ? addDays(ctx.now, o.startIn - 7) : null,
        description: o.description,
        // Created open; a closed or filled one is moved on below, through the one status path.
        status: "open",
        createdBy: ctx.coordinatorId,
        createdAt: at(o.created),
        updatedAt: at(o.created),
      })
      .returning({ id: openings.id })
      .get();
    openingIds.set(o.key, row.id);
    mustChangeStatus(t, { ...history, entity: "opening", id: row.id, from: null, to: "open", at: at(o.created) });
    if (o.status === "closed")
      mustChangeStatus(t, {
        ...history,
        entity: "opening",
        id: row.id,
        from: "open",
        to: "closed",
        reason: "close",
        at: at(-20),
        set: { updatedAt: at(o.created) },
      });
  }

  // ---- citizens for the openings, ranked by the app's own scoring (a nurse lands in care)
  const centroids = t
    .select({ code: municipalities.code, lat: municipalities.lat, lng: municipalities.lng })
    .from(municipalities)
    .all();
  const matchCtx = { today: ctx.now, weights: OPENING_WEIGHTS, distanceKm: distanceTable(centroids), sectionOf };
  const people = t
    .select({ id: mentees.id, municipalityCode: mentees.municipalityCode, status: mentees.status })
    .from(mentees)
    .where(and(ne(mentees.status, "withdrawn"), isNull(mentees.anonymisedAt)))
    .orderBy(asc(mentees.id))
    .all();
  const busy = new Set<number>(); // placed (planned or running) or used in the demo's story already
  const citizens = (): MatchCitizen[] =>
    people
      .filter((p) => profiles.has(p.id) && !busy.has(p.id))
      .map((p) => ({
        id: p.id,
        municipalityCode: p.municipalityCode,
        profile: profiles.get(p.id)!,
        assessed: true,
        placed: false,
      }));

  for (const o of OPENINGS) {
    const plan = PLAN[o.key];
    const openingId = openingIds.get(o.key)!;
    const c = companyOf.get(o.company)!;
    const match: MatchOpening = {
      id: openingId,
      type: o.type,
      industryCode: o.industry,
      occupation: o.occupation,
      municipalityCode: c.municipality,
      startDate: o.startIn == null ? null : addDays(ctx.now, o.startIn),
      weeklyHours: o.hours,
      danishLevel: o.danish,
    };
    const ranked = rankCitizensForOpening(match, citizens(), matchCtx, {
      limit: plan.placements.length + plan.proposals.length,
    }).candidates;
    let k = 0;
    for (const pl of plan.placements) {
      const who = ranked[k++];
      if (!who) break;
      busy.add(who.citizenId);
      const start = addDays(ctx.now, pl.start);
      const proposal = t
        .insert(openingProposals)
        .values({
          openingId,
          menteeId: who.citizenId,
          status: "accepted",
          score: who.score,
          reasons: who.reasons,
          proposedBy:
            ctx.caseworkers.get(people.find((p) => p.id === who.citizenId)!.municipalityCode) ?? ctx.coordinatorId,
          proposedAt: at(pl.start - 21),
          answeredAt: at(pl.start - 10),
          answeredBy: ctx.coordinatorId,
          createdAt: at(pl.start - 21),
        })
        .returning({ id: openingProposals.id })
        .get();
      const ended = pl.status === "completed" || pl.status === "ended_early";
      const begun = pl.start <= 0 && pl.status !== "cancelled" ? "active" : "planned";
      const p = t
        .insert(placements)
        .values({
          proposalId: proposal.id,
          openingId,
          companyId: companyIds.get(o.company)!,
          menteeId: who.citizenId,
          type: o.type,
          // Created as it began; an ended or cancelled one is moved on below, through the one status path.
          status: begun,
          startDate: start,
          plannedEndDate: o.weeks ? addDays(start, o.weeks * 7 - 1) : null,
          endedOn: ended ? addDays(ctx.now, pl.end!) : null,
          endReason: pl.reason ?? null,
          outcomeType: ended ? pl.outcome! : null,
          outcomeDate: ended ? addDays(ctx.now, pl.end!) : null,
          workplaceMentorName: c.contacts[0][0],
          workplaceMentorPhone: c.contacts[0][2],
          completionAdviserName: o.type === "igu" ? "Lene Kirkegaard (gennemførselsvejleder)" : null,
          completionAdviserPhone: o.type === "igu" ? "+4596281099" : null,
          createdBy: ctx.coordinatorId,
          createdAt: at(pl.start - 10),
        })
        .returning({ id: placements.id })
        .get();
      const placement = { ...history, entity: "placement", id: p.id } as const;
      mustChangeStatus(t, { ...placement, from: null, to: begun, at: at(pl.start - 10) });
      if (ended)
        mustChangeStatus(t, { ...placement, from: "active", to: pl.status, reason: pl.reason, at: at(pl.end!) });
      if (pl.status === "cancelled")
        mustChangeStatus(t, { ...placement, from: "planned", to: "cancelled", at: at(pl.start) });
      if (!ended && pl.status !== "cancelled" && pl.status !== begun)
        throw new Error(`placement plan ${o.key}: ${pl.status} from day ${pl.start} is not reached from ${begun}`);
      // Follow-ups every month or so while it ran.
      const until = ended ? pl.end! : 0;
      for (
        let d = pl.start + 14;
        d <= until && pl.status !== "cancelled" && pl.status !== "planned";
        d += int(rng, 25, 40)
      ) {
        const onTrack = rng() < 0.8;
        t.insert(placementFollowUps)
          .values({
            placementId: p.id,
            date: addDays(ctx.now, d),
            onTrack,
            note: onTrack
              ? "Godt i gang; virksomhedsmentoren er tilfreds."
              : "Aftalt ekstra samtale med virksomhedsmentoren om arbejdstider.",
            createdBy: ctx.coordinatorId,
            createdAt: at(d),
          })
          .run();
      }
      if (o.type === "igu") {
        for (const s of IGU_SCHOOL)
          t.insert(placementSchoolPeriods)
            .values({
              placementId: p.id,
              kind: s.kind,
              title: s.title,
              fromDate: addDays(start, s.from),
              weeks: s.weeks,
              createdBy: ctx.coordinatorId,
              createdAt: at(pl.start),
            })
            .run();
      }
      if (pl.status === "cancelled") busy.delete(who.citizenId);
      if (ended) busy.delete(who.citizenId);
    }
    for (const pr of plan.proposals) {
      const who = ranked[k++];
      if (!who) break;
      busy.add(who.citizenId);
      const row = t
        .insert(openingProposals)
        .values({
          openingId,
          menteeId: who.citizenId,
          status: pr.status,
          score: who.score,
          reasons: who.reasons,
          proposedBy: ctx.coordinatorId,
          proposedAt: at(-int(rng, 3, 20)),
          answeredAt: pr.status === "proposed" ? null : at(-2),
          answeredBy: pr.status === "proposed" ? null : ctx.coordinatorId,
          declineReason: pr.decline ?? null,
          declineNote: pr.note ?? null,
          createdAt: at(-20),
        })
        .returning({ id: openingProposals.id })
        .get();
      mustChangeStatus(t, { ...history, entity: "proposal", id: row.id, from: null, to: "proposed", at: at(-20) });
      if (pr.status !== "proposed") busy.delete(who.citizenId);
    }
    if (o.status === "filled") {
      mustChangeStatus(t, {
        ...history,
        entity: "opening",
        id: openingId,
        from: "open",
        to: "filled",
        reason: "places",
        at: at(-10),
      });
    }
  }

  seedMentorTip(t, ctx);
}
