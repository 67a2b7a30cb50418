import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as matchContext from "../../app/services/match-context.server";
import * as matchPool from "../../app/services/match-pool.server";
import * as matchCandidates from "../../app/services/match-candidates.server";
import * as matchApproval from "../../app/services/match-approval.server";
import * as requestCommands from "../../app/services/match-requests.server";
import * as requestReads from "../../app/services/match-request-reads.server";
import * as settings from "../../app/services/match-settings.server";
import * as secondChance from "../../app/services/second-chance.server";
import { runPoolHere } from "../support/pool-run";
import { renderTemplate, templateFor } from "../../emails";
import { testDb } from "../support/test-db";
import { fail, ok } from "../../app/services/kernel.server";
import * as poolRuns from "../../app/services/pool-runs.server";
import { addDays, localDateOf } from "../../app/domain/dates";

const matching = { ...matchContext, ...matchPool, ...matchCandidates, ...matchApproval };
const requests = { ...requestCommands, ...requestReads };

const rng = f.createRng(19);
let coordinator: { id: number; role: string };
let caseworker: { id: number; email: string };

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator", name: "Sofie Koordinator" });
  caseworker = f.insertUser(db(), { role: "caseworker", municipalityCode: 751 });
});

function newMentor(o: Parameters<typeof f.insertMentor>[3] = {}) {
  const user = f.insertUser(db(), { role: "mentor" });
  const m = f.insertMentor(db(), rng, [751], {
    status: "approved",
    municipalityCode: 751,
    capacity: 1,
    industryCode: "41",
    networkIndustryCodes: [],
    menteeGenderPreference: "none",
    travelKm: 25,
    employer: null,
    userId: user.id,
    ...o,
  });
  return { ...m, user: { id: user.id, role: "mentor" } };
}
const newMentee = (o: Parameters<typeof f.insertMentee>[3] = {}) =>
  f.insertMentee(db(), rng, 751, {
    status: "waiting",
    referredBy: caseworker.id,
    mentorGenderPreference: "none",
    wishedIndustryCodes: ["41"],
    currentInternshipEmployer: null,
    ...o,
  });
const courseCount = (menteeId: number) =>
  db().select().from(schema.courses).where(eq(schema.courses.menteeId, menteeId)).all().length;
const messagesFor = (prefix: string) =>
  db()
    .select()
    .from(schema.messages)
    .all()
    .filter((m) => m.idempotencyKey.startsWith(prefix));

describe("the mentor says yes", () => {
  it("approval asks the mentor (email and SMS, minimal profile); acceptance creates the course and tells the citizen in Arabic", async () => {
    const mentor = newMentor({ firstName: "Mads", phone: "+4522334455" });
    const mentee = newMentee({ firstName: "Amal", language: "ar", preferredChannel: "sms", phone: "+4520000019" });
    const r = requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(courseCount(mentee.id)).toBe(0);
    const asked = messagesFor(`match_request_mentor:${r.value.requestId}:`);
    expect(asked.map((m) => [m.channel, m.recipient]).sort()).toEqual([
      ["email", mentor.email],
      ["sms", "+4522334455"],
    ]);
    // The minimal profile: no phone, email or last name of the citizen before the mentor said yes.
    expect(JSON.stringify(asked[0].data)).not.toContain(mentee.phone!);
    expect(JSON.stringify(asked[0].data)).not.toContain(mentee.lastName);
    // The citizen is not proposed to others meanwhile, and a second approval is refused.
    expect(matching.loadWaitingMentees().some((e) => e.id === mentee.id)).toBe(false);
    expect(requests.requestMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("request_open")),
    );

    const a = requests.answerRequest(mentor.user, r.value.requestId, { accept: true });
    expect(a).toMatchObject({ ok: true, value: { status: "accepted" } });
    if (!a.ok || a.value.status !== "accepted") return;
    expect(courseCount(mentee.id)).toBe(1);
    const course = db().select().from(schema.courses).where(eq(schema.courses.id, a.value.courseId)).get()!;
    expect(course).toMatchObject({ status: "approved", approvedBy: coordinator.id, mentorId: mentor.id });
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.status).toBe("matched");
    const sms = messagesFor(`match_mentee:${a.value.courseId}`)[0];
    expect(sms).toMatchObject({ channel: "sms", locale: "ar", recipient: "+4520000019" });
    const text = (await renderTemplate(templateFor("match_mentee"), "ar", sms.data, "sms")).text;
    expect(text).toContain("Mads");
    expect(text).toContain("+4522334455");
    expect(text).toContain("مرشد");
    // The mentor gets the citizen's number.
    expect(messagesFor(`match_mentor:${a.value.courseId}`)[0].data).toMatchObject({ menteePhone: "+4520000019" });

    // Answering twice changes nothing: one course, one set of messages.
    expect(requests.answerRequest(mentor.user, r.value.requestId, { accept: true })).toMatchObject(
      fail("volunteer.request.errors.answered"),
    );
    expect(requests.answerRequest(mentor.user, r.value.requestId, { accept: false })).toMatchObject(
      fail("volunteer.request.errors.answered"),
    );
    expect(courseCount(mentee.id)).toBe(1);
    expect(messagesFor("match_mentee:").filter((m) => m.subjectId === mentee.id)).toHaveLength(1);
  });

  it("only the mentor asked can answer", () => {
    const mentor = newMentor();
    const other = newMentor();
    const mentee = newMentee();
    const r = requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    if (!r.ok) throw new Error(r.formErrors.join());
    expect(requests.answerRequest(other.user, r.value.requestId, { accept: true })).toEqual(
      fail("volunteer.request.errors.not_found"),
    );
    expect(requests.requestForMentor(other.user.id, r.value.requestId)).toBeNull();
    expect(requests.requestForMentor(mentor.user.id, r.value.requestId)).toMatchObject({
      menteeFirstName: mentee.firstName,
      answerable: true,
    });
  });

  it("a request is withdrawn with the citizen's referral: the mentor can no longer answer, the pair stays allowed", async () => {
    const { withdrawReferral } = await import("../../app/services/referrals.server");
    const mentor = newMentor();
    const mentee = newMentee();
    const r = requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    if (!r.ok) throw new Error(r.formErrors.join());
    expect(withdrawReferral({ kind: "all" }, mentee.id, "Flyttet", coordinator)).toMatchObject({ ok: true });
    const req = db().select().from(schema.matchRequests).where(eq(schema.matchRequests.id, r.value.requestId)).get()!;
    expect(req).toMatchObject({ status: "withdrawn", handledAt: expect.any(String) });
    expect(requests.answerRequest(mentor.user, r.value.requestId, { accept: true })).toMatchObject(
      fail("volunteer.request.errors.withdrawn"),
    );
    expect(courseCount(mentee.id)).toBe(0);
    // Not a decline: nobody is told the mentor failed to answer, and the pair is not excluded.
    expect(requests.closedRequestsToHandle().rows.some((x) => x.id === r.value.requestId)).toBe(false);
    expect(matching.declinedPairsOfWaiting(db()).has(`${mentee.id}:${mentor.id}`)).toBe(false);
    expect(
      db()
        .select()
        .from(schema.statusChanges)
        .where(
          and(
            eq(schema.statusChanges.entityType, "match_request"),
            eq(schema.statusChanges.entityId, r.value.requestId),
          ),
        )
        .all()
        .map((x) => x.toStatus),
    ).toEqual(["requested", "withdrawn"]);
  });

  it("a decline leaves the citizen waiting, excludes the pair everywhere and tells the coordinator", () => {
    const mentor = newMentor({ lastName: "Nejsen" });
    const mentee = newMentee();
    const r = requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    if (!r.ok) throw new Error(r.formErrors.join());
    expect(
      requests.answerRequest(mentor.user, r.value.requestId, { accept: false, reason: "Travlt på arbejdet" }),
    ).toEqual(ok({ status: "declined" }));
    expect(courseCount(mentee.id)).toBe(0);
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.status).toBe("waiting");
    expect(messagesFor(`match_request_closed:${r.value.requestId}:`)[0]).toMatchObject({
      recipient: expect.any(String),
      template: "match_request_closed",
    });
    expect(
      requests
        .closedRequestsToHandle()
        .rows.some((x) => x.id === r.value.requestId && x.declineReason === "Travlt på arbejdet"),
    ).toBe(true);
    // Candidates (SQL rules) and the pool leave the pair out; the rule is named.
    const c = matching.candidatesFor(mentee.id, coordinator, undefined, { excluded: "pair_declined" })!;
    expect(c.candidates.some((x) => x.mentorId === mentor.id)).toBe(false);
    expect(c.excludedCounts.find((x) => x.rule === "pair_declined")?.count).toBe(1);
    expect(c.excludedPage?.rows.map((x) => x.mentor.id)).toEqual([mentor.id]);
    const pool = runPoolHere("best_score");
    expect(pool.pairs.some((p) => p.menteeId === mentee.id && p.mentorId === mentor.id)).toBe(false);
    expect(requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("rule", ["pair_declined"])),
    );
    // Asking another mentor deals with the notice.
    const next = requests.requestMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator });
    expect(next.ok).toBe(true);
    expect(requests.closedRequestsToHandle().rows.some((x) => x.id === r.value.requestId)).toBe(false);
  });

  it("an unanswered request expires after the deadline (the daily job), with the same effect as a decline", () => {
    const mentor = newMentor();
    const mentee = newMentee();
    const r = requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    if (!r.ok) throw new Error(r.formErrors.join());
    const req = db().select().from(schema.matchRequests).where(eq(schema.matchRequests.id, r.value.requestId)).get()!;
    expect(requests.expireOverdue(db(), { at: req.deadline })).toBe(0);
    const later = new Date(Date.parse(req.deadline) + 1000).toISOString();
    expect(requests.expireOverdue(db(), { at: later })).toBeGreaterThanOrEqual(1);
    expect(
      db().select().from(schema.matchRequests).where(eq(schema.matchRequests.id, r.value.requestId)).get()!.status,
    ).toBe("expired");
    expect(requests.expireOverdue(db(), { at: later })).toBe(0);
    expect(messagesFor(`match_request_closed:${r.value.requestId}:`)).toHaveLength(1);
    expect(matching.declinedMentorIds(db(), mentee.id)).toEqual([mentor.id]);
  });

  it("the deadline is the admin's setting", () => {
    settings.saveMatchSettings({ proposeNoIndustryPairs: true, requestDays: 2 }, coordinator);
    const r = requests.requestMatch({ menteeId: newMentee().id, mentorId: newMentor().id, actor: coordinator });
    if (!r.ok) throw new Error(r.formErrors.join());
    const req = db().select().from(schema.matchRequests).where(eq(schema.matchRequests.id, r.value.requestId)).get()!;
    // Two days from the Copenhagen day the request was made (which is the next UTC day for the last hour or two).
    expect(req.deadline.slice(0, 10)).toBe(addDays(localDateOf(req.requestedAt), 2));
    settings.saveMatchSettings({ proposeNoIndustryPairs: true, requestDays: 5 }, coordinator);
  });
});

describe("industry first", () => {
  it("a pair without a shared industry needs a reason, which the course keeps", () => {
    const mentor = newMentor({ industryCode: "56" });
    const mentee = newMentee({ wishedIndustryCodes: ["41"] });
    const c = matching.candidatesFor(mentee.id, coordinator)!;
    expect(c.candidates.find((x) => x.mentorId === mentor.id)?.sharedIndustry).toBe(false);
    expect(requests.requestMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator })).toEqual(
      fail("matching.errors.noIndustryReason", "manualReason"),
    );
    const r = requests.requestMatch({
      menteeId: mentee.id,
      mentorId: mentor.id,
      reason: "Kender mange håndværkere",
      actor: coordinator,
    });
    if (!r.ok) throw new Error(r.formErrors.join());
    const a = requests.answerRequest(mentor.user, r.value.requestId, { accept: true });
    if (!a.ok || a.value.status !== "accepted") throw new Error("not accepted");
    expect(
      db().select().from(schema.courses).where(eq(schema.courses.id, a.value.courseId)).get()!.noIndustryReason,
    ).toBe("Kender mange håndværkere");
  });

  it("the admin setting leaves such pairs out of the proposals entirely", () => {
    const mentor = newMentor({ industryCode: "56", municipalityCode: 751 });
    const mentee = newMentee({ wishedIndustryCodes: ["41"] });
    settings.saveMatchSettings({ proposeNoIndustryPairs: false, requestDays: 5 }, coordinator);
    try {
      const c = matching.candidatesFor(mentee.id, coordinator, undefined, { excluded: "no_shared_industry" })!;
      expect(c.candidates.every((x) => x.sharedIndustry)).toBe(true);
      expect(c.excludedPage?.rows.some((x) => x.mentor.id === mentor.id)).toBe(true);
      expect(runPoolHere("best_score").pairs.every((p) => p.sharedIndustry)).toBe(true);
      expect(
        requests.requestMatch({
          menteeId: mentee.id,
          mentorId: mentor.id,
          reason: "En god grund til det",
          actor: coordinator,
        }),
      ).toMatchObject({ ok: false, formErrors: [expect.stringContaining("no_shared_industry")] });
    } finally {
      settings.saveMatchSettings({ proposeNoIndustryPairs: true, requestDays: 5 }, coordinator);
    }
  });
});

describe("second chances", () => {
  it("a citizen whose mentor stopped goes back in the queue with the referral date kept, and gets a second course", () => {
    const mentor = newMentor();
    const mentee = newMentee({ referredAt: "2025-06-01T09:00:00.000Z" });
    const first = matching.approveMatch({ menteeId: mentee.id, mentorId: mentor.id, actor: coordinator });
    if (!first.ok) throw new Error(first.formErrors.join());
    db()
      .update(schema.courses)
      .set({ status: "ended_early", endedOn: "2025-09-01", endReason: "mentor_withdrew" })
      .where(eq(schema.courses.id, first.value.courseId))
      .run();
    db().update(schema.mentees).set({ status: "ended_early" }).where(eq(schema.mentees.id, mentee.id)).run();
    expect(secondChance.requeueAllowed(mentee.id)).toBe(true);
    expect(secondChance.requeueMentee(coordinator, mentee.id)).toBe(true);
    expect(secondChance.requeueMentee(coordinator, mentee.id)).toBe(false);
    const after = db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!;
    expect(after).toMatchObject({ status: "waiting", referredAt: "2025-06-01T09:00:00.000Z" });
    expect(
      db()
        .select()
        .from(schema.statusChanges)
        .where(and(eq(schema.statusChanges.entityType, "mentee"), eq(schema.statusChanges.entityId, mentee.id)))
        .all()
        .at(-1),
    ).toMatchObject({ fromStatus: "ended_early", toStatus: "waiting" });
    const second = matching.approveMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator });
    expect(second.ok).toBe(true);
    expect(courseCount(mentee.id)).toBe(2);
  });

  it("not when the citizen ended it", () => {
    const mentee = newMentee();
    const first = matching.approveMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator });
    if (!first.ok) throw new Error(first.formErrors.join());
    db()
      .update(schema.courses)
      .set({ status: "ended_early", endedOn: "2025-09-01", endReason: "mentee_withdrew" })
      .where(eq(schema.courses.id, first.value.courseId))
      .run();
    db().update(schema.mentees).set({ status: "ended_early" }).where(eq(schema.mentees.id, mentee.id)).run();
    expect(secondChance.requeueMentee(coordinator, mentee.id)).toBe(false);
  });
});

describe("a refusal from a pool run", () => {
  it("is stored on the pair as the refusal's i18n key, and a run that does not exist cannot be cancelled", () => {
    const mentee = newMentee();
    newMentor();
    const run = runPoolHere("best_score");
    const pair = run.pairs.find((p) => p.menteeId === mentee.id && p.sharedIndustry);
    if (!pair) throw new Error("the run proposed no industry pair for the citizen");
    // Meanwhile a coordinator asks another mentor about the same citizen: the run's pair is refused.
    const asked = requests.requestMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator });
    expect(asked.ok).toBe(true);
    expect(poolRuns.approveFromRun(pair.jobId, [mentee.id], coordinator)).toEqual({ approved: 0, failed: 1 });
    const stored = db()
      .select({ refusal: schema.poolRunPairs.refusal })
      .from(schema.poolRunPairs)
      .where(and(eq(schema.poolRunPairs.jobId, pair.jobId), eq(schema.poolRunPairs.menteeId, mentee.id)))
      .get();
    expect(stored?.refusal).toBe(matching.matchRefusal("request_open"));
    expect(poolRuns.cancelPoolRun(999_999, coordinator)).toEqual(fail(poolRuns.RUN_NOT_FOUND));
  });
});
