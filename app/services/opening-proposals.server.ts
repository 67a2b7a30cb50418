/**
 * Proposing a citizen to an opening and the company's answer: declined, withdrawn, or accepted, which makes the
 * placement. Citizens are read within the caller's scope only; each step is one transaction with its status history
 * (through `changeStatus`) and its access-log entry.
 */
import { and, eq, inArray } from "drizzle-orm";
import { mentees, openingProposals, placements } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { fail, ok, scopeWhere, transaction, type Actor, type Result, type Scope } from "./kernel.server";
import { changeStatus, mustChangeStatus } from "./status.server";
import { citizenOf, citizenQuery, matchOpening, openingContext } from "./opening-candidates.server";
import { OCCUPYING, openingFollowsPlaces, openingRow } from "./openings.server";
import { evaluateOpening } from "../domain/opening-match";
import { acceptsProposals, initialPlacementStatus, proposalMachine } from "../domain/placement-status";
import type { DeclineReason } from "../domain/enums";
import { addDays } from "../domain/dates";
import { nowIso, today } from "../utils/clock";

/** The i18n key of a refusal by the hard rules, with the rules that refused (the page names them). */
export const ruleRefusal = (rules: string[]) => `companies.errors.rule|${JSON.stringify({ rules: rules.join(",") })}`;

/**
 * Proposes a citizen (within scope) to an open opening: the score and reasons are kept with the proposal. A citizen
 * the hard rules exclude (placed already, too far, Danish below the requirement) is refused with the rule. Null when
 * the opening or the citizen (within scope) does not exist.
 */
export function proposeCitizen(
  scope: Scope,
  openingId: number,
  menteeId: number,
  actor: Actor,
  d: Db = db(),
): Result<{ id: number }> | null {
  return transaction((t) => {
    const row = openingRow(t, openingId);
    const r = citizenQuery(t, and(eq(mentees.id, menteeId), scopeWhere(scope, mentees.municipalityCode))).get();
    if (!row || !r) return null;
    if (!acceptsProposals(row.opening.status)) return fail("companies.errors.opening_not_open");
    const live = t
      .select({ id: openingProposals.id })
      .from(openingProposals)
      .where(
        and(
          eq(openingProposals.openingId, openingId),
          eq(openingProposals.menteeId, menteeId),
          inArray(openingProposals.status, ["proposed", "accepted"]),
        ),
      )
      .get();
    if (live) return fail("companies.errors.already_proposed");
    const ev = evaluateOpening(citizenOf(r), matchOpening(row.opening, row.municipalityName), openingContext(t));
    if (!ev.allowed) return fail(ruleRefusal(ev.rules));
    const p = t
      .insert(openingProposals)
      .values({ openingId, menteeId, status: "proposed", score: ev.score, reasons: ev.reasons, proposedBy: actor.id })
      .returning({ id: openingProposals.id })
      .get();
    mustChangeStatus(t, { entity: "proposal", id: p.id, from: null, to: "proposed", actor, audit: false });
    audit(actor, "create", "opening_proposal", p.id, { openingId, menteeId, score: ev.score }, t);
    return ok({ id: p.id });
  }, d);
}

export type Answer =
  | {
      intent: "accept";
      startDate: string;
      plannedEndDate?: string;
      workplaceMentorName: string;
      workplaceMentorPhone: string;
      completionAdviserName?: string;
      completionAdviserPhone?: string;
    }
  | { intent: "decline"; reason: DeclineReason; note?: string }
  | { intent: "withdraw" };

/** A proposal to the opening, if its citizen is within scope. */
function proposalInScope(d: Db, scope: Scope, openingId: number, proposalId: number) {
  const where = and(
    eq(openingProposals.id, proposalId),
    eq(openingProposals.openingId, openingId),
    scopeWhere(scope, mentees.municipalityCode),
  );
  return d
    .select({ proposal: openingProposals })
    .from(openingProposals)
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .where(where)
    .get()?.proposal;
}

/**
 * Records the company's answer to a proposal of a citizen within scope. Accepting makes the placement (planned, or
 * running when it starts today or earlier) with the workplace mentor, and fills the opening when its places are
 * taken; there must be a free place, and the citizen must not be in another placement. One transaction. Null when
 * there is no such proposal within scope.
 */
export function answerProposal(
  scope: Scope,
  openingId: number,
  proposalId: number,
  answer: Answer,
  actor: Actor,
  d: Db = db(),
): Result<{ placementId?: number }> | null {
  return transaction((t) => {
    const p = proposalInScope(t, scope, openingId, proposalId);
    if (!p) return null;
    if (!proposalMachine.can(p.status, answer.intent)) return fail("companies.errors.not_allowed");
    const at = nowIso();
    if (answer.intent === "withdraw" || answer.intent === "decline") {
      const declined = answer.intent === "decline" ? answer : null;
      const r = changeStatus(t, {
        entity: "proposal",
        id: p.id,
        from: p.status,
        to: proposalMachine.next(p.status, answer.intent),
        actor,
        reason: declined?.reason ?? null,
        set: {
          answeredAt: at,
          answeredBy: actor.id,
          declineReason: declined?.reason ?? null,
          declineNote: declined?.note || null,
        },
        audit: false,
      });
      if (!r.ok) return r;
      audit(actor, "update", "opening_proposal", p.id, { status: r.value.to }, t);
      return ok({});
    }
    return acceptProposal(t, p, answer, at, actor);
  }, d);
}

/** The placement from an accepted proposal: a free place and no other placement of the citizen, or a refusal. */
function acceptProposal(
  t: Db,
  p: typeof openingProposals.$inferSelect,
  answer: Extract<Answer, { intent: "accept" }>,
  at: string,
  actor: Actor,
): Result<{ placementId?: number }> {
  const row = openingRow(t, p.openingId)!;
  if (row.taken >= row.opening.places) return fail("companies.errors.no_place");
  const elsewhere = t
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.menteeId, p.menteeId), inArray(placements.status, OCCUPYING)))
    .get();
  if (elsewhere) return fail("companies.errors.placed_elsewhere");
  const accepted = changeStatus(t, {
    entity: "proposal",
    id: p.id,
    from: p.status,
    to: "accepted",
    actor,
    set: { answeredAt: at, answeredBy: actor.id },
    audit: false,
  });
  if (!accepted.ok) return accepted;
  const plannedEnd =
    answer.plannedEndDate ??
    (row.opening.durationWeeks ? addDays(answer.startDate, row.opening.durationWeeks * 7 - 1) : null);
  const status = initialPlacementStatus(answer.startDate, today());
  const placement = t
    .insert(placements)
    .values({
      proposalId: p.id,
      openingId: p.openingId,
      companyId: row.opening.companyId,
      menteeId: p.menteeId,
      type: row.opening.type,
      status,
      startDate: answer.startDate,
      plannedEndDate: plannedEnd,
      workplaceMentorName: answer.workplaceMentorName,
      workplaceMentorPhone: answer.workplaceMentorPhone,
      completionAdviserName: answer.completionAdviserName || null,
      completionAdviserPhone: answer.completionAdviserPhone ?? null,
      createdBy: actor.id,
    })
    .returning({ id: placements.id })
    .get();
  mustChangeStatus(t, { entity: "placement", id: placement.id, from: null, to: status, actor, audit: false });
  openingFollowsPlaces(t, p.openingId, actor);
  audit(
    actor,
    "create",
    "placement",
    placement.id,
    { proposalId: p.id, openingId: p.openingId, menteeId: p.menteeId },
    t,
  );
  return ok({ placementId: placement.id });
}
