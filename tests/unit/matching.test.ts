import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as matchContext from "../../app/services/match-context.server";
import * as matchPool from "../../app/services/match-pool.server";
import * as matchCandidates from "../../app/services/match-candidates.server";
import * as matchApproval from "../../app/services/match-approval.server";
import { renderMessage } from "../../emails";
import { messageLanguages } from "../../app/domain/enums";
import { templates } from "../../emails";

const matching = { ...matchContext, ...matchPool, ...matchCandidates, ...matchApproval };

const rng = f.createRng(5);
let coordinator: { id: number; role: string };
let caseworker: { id: number; email: string };

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
  caseworker = f.insertUser(db(), { role: "caseworker", municipalityCode: 751 });
});

const newMentor = (o: Parameters<typeof f.insertMentor>[3] = {}) =>
  f.insertMentor(db(), rng, [751], {
    status: "approved",
    municipalityCode: 751,
    capacity: 1,
    industryCode: "41",
    menteeGenderPreference: "none",
    travelKm: 25,
    employer: null,
    ...o,
  });
const newMentee = (o: Parameters<typeof f.insertMentee>[3] = {}) =>
  f.insertMentee(db(), rng, 751, {
    status: "waiting",
    referredBy: caseworker.id,
    mentorGenderPreference: "none",
    wishedIndustryCodes: ["41"],
    currentInternshipEmployer: null,
    ...o,
  });

import { runPoolHere as runPool } from "../support/pool-run";
import { testDb } from "../support/test-db";
import { fail } from "../../app/services/kernel.server";

describe("weights", () => {
  it("seed version 1 once and save new versions", () => {
    const a = matching.currentWeights();
    const b = matching.currentWeights();
    expect(a.version).toBe(1);
    expect(b.version).toBe(1);
    const v = matching.saveWeights({ ...a.weights, industry: 55 }, coordinator);
    expect(v).toBe(2);
    expect(matching.currentWeights().weights.industry).toBe(55);
    expect(matching.weightsHistory().map((w) => w.version)).toEqual([2, 1]);
  });
});

describe("approving a pair", () => {
  it("creates the course, sets statuses, stores score and reasons, and queues the three messages in one go", () => {
    const mentor = newMentor({ firstName: "Mads" });
    const mentee = newMentee({ language: "ar", preferredChannel: "sms", phone: "+4520000001" });
    const c = matching.candidatesFor(mentee.id, coordinator)!;
    expect(c.candidates.some((x) => x.mentorId === mentor.id)).toBe(true);
    const started = () =>
      db()
        .select()
        .from(schema.courseStarts)
        .where(and(eq(schema.courseStarts.year, "2026"), eq(schema.courseStarts.municipalityCode, 751)))
        .get()?.courses ?? 0;
    const startedBefore = started();
    const r = matching.approveMatch({
      menteeId: mentee.id,
      mentorId: mentor.id,
      startDate: "2026-01-31",
      actor: coordinator,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The admin's quota column counts it at once (a trigger keeps course_starts).
    expect(started()).toBe(startedBefore + 1);
    const d = db();
    const course = d.select().from(schema.courses).where(eq(schema.courses.id, r.value.courseId)).get()!;
    expect(course).toMatchObject({
      status: "approved",
      startDate: "2026-01-31",
      plannedEndDate: "2026-07-31",
      targetHoursPerMonth: 4,
      approvedBy: coordinator.id,
      weightsVersion: matching.currentWeights().version,
    });
    expect(course.matchScore).toBeGreaterThan(0);
    expect((course.matchReasons as { key: string }[])[0].key).toBe("industry_division");
    expect(d.select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.status).toBe("matched");
    expect(d.select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.status).toBe("active");
    const changes = d
      .select()
      .from(schema.statusChanges)
      .where(and(eq(schema.statusChanges.entityType, "mentee"), eq(schema.statusChanges.entityId, mentee.id)))
      .all();
    expect(changes.at(-1)?.toStatus).toBe("matched");
    const msgs = d
      .select()
      .from(schema.messages)
      .all()
      .filter((m) => m.idempotencyKey.endsWith(`:${r.value.courseId}`));
    expect(msgs.map((m) => [m.template, m.channel, m.locale, m.recipient]).sort()).toEqual([
      ["match_caseworker", "email", "da", caseworker.email],
      ["match_mentee", "sms", "ar", "+4520000001"],
      ["match_mentor", "email", mentor.locale, mentor.email],
    ]);
    // The link to the citizen's own page (issue 21) is masked for staff.
    // Issue 19: the mentor has said yes by now, so the message carries the mentor's phone and how to reach the coordinator.
    expect(msgs.find((m) => m.template === "match_mentee")!.data).toEqual({
      mentorFirstName: "Mads",
      mentorPhone: mentor.phone,
      coordinatorName: expect.any(String),
      coordinatorEmail: expect.any(String),
      pageUrl: expect.stringMatching(/\/mig\/•••$/),
    });

    // A second approval of the same mentee, or onto the now-full mentor, is refused and changes nothing.
    expect(matching.approveMatch({ menteeId: mentee.id, mentorId: newMentor().id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("mentee_not_waiting")),
    );
    const other = newMentee();
    expect(matching.approveMatch({ menteeId: other.id, mentorId: mentor.id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("rule", ["mentor_at_capacity"])),
    );
    expect(d.select().from(schema.mentees).where(eq(schema.mentees.id, other.id)).get()!.status).toBe("waiting");
  });

  it("stores a manual reason when the coordinator picks another than the top candidate", () => {
    const mentor = newMentor({ capacity: 2 });
    const mentee = newMentee();
    const r = matching.approveMatch({
      menteeId: mentee.id,
      mentorId: mentor.id,
      manualReason: "Kender virksomheden",
      actor: coordinator,
    });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(
        db().select().from(schema.courses).where(eq(schema.courses.id, r.value.courseId)).get()!.manualReason,
      ).toBe("Kender virksomheden");
  });

  it("refuses a bad start date and an excluded pair", () => {
    const mentee = newMentee({ mentorGenderPreference: "female" });
    expect(
      matching.approveMatch({ menteeId: mentee.id, mentorId: newMentor({ gender: "male" }).id, actor: coordinator }),
    ).toEqual(fail(matching.matchRefusal("rule", ["mentee_gender_preference"])));
    expect(
      matching.approveMatch({
        menteeId: mentee.id,
        mentorId: newMentor().id,
        startDate: "2026-02-30",
        actor: coordinator,
      }),
    ).toEqual(fail("matching.errors.bad_start_date", "startDate"));
    expect(matching.approveMatch({ menteeId: 999999, mentorId: newMentor().id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("mentee_not_found")),
    );
  });

  it("refuses a mentor who has not marked the introduction read, and leaves them out of the pool (issue 21)", () => {
    const mentee = newMentee();
    const unread = newMentor({ introductionReadAt: null });
    expect(matching.approveMatch({ menteeId: mentee.id, mentorId: unread.id, actor: coordinator })).toEqual(
      fail(matching.matchRefusal("rule", ["mentor_introduction_unread"])),
    );
    expect(db().select().from(schema.courses).where(eq(schema.courses.mentorId, unread.id)).all()).toHaveLength(0);
    expect(runPool("best_score").pairs.some((p) => p.mentorId === unread.id)).toBe(false);
    const shown = matching.candidatesFor(mentee.id, coordinator, undefined, {
      excluded: "mentor_introduction_unread",
    })!;
    expect(shown.excludedPage?.rows.find((x) => x.mentor.id === unread.id)?.rules).toEqual([
      "mentor_introduction_unread",
    ]);
  });
});

describe("candidates for one mentee", () => {
  it("are the top of ranking the whole pool, and every excluded mentor is counted once under its first reason", async () => {
    const { rankMentorsForMentee, violatedRules, prepareMentee, prepareMentor } =
      await import("../../app/domain/matching");
    const r = f.createRng(11);
    // A pool spread over near and far municipalities, with every kind of mentor state.
    const places = [751, 706, 710, 727, 740, 621, 101, 851, 461, 147];
    for (let i = 0; i < 240; i++) {
      const status = f.pick(r, ["approved", "approved", "approved", "active", "paused", "retired"] as const);
      f.insertMentor(db(), r, places, {
        status,
        travelKm: f.pick(r, [5, 15, 25, 40, 80, 200]),
        capacity: f.pick(r, [1, 1, 2]),
        employer: f.pick(r, [null, "Byg A/S", "Netto"]),
        menteeGenderPreference: f.pick(r, ["none", "none", "none", "female", "male"] as const),
        gender: f.pick(r, ["female", "male", null] as const),
        pausedFrom: r() < 0.1 ? "2020-01-01" : null,
        pausedTo: null,
      });
    }
    const someone = f.insertMentee(db(), r, 751, { status: "waiting" });
    for (const m of db().select().from(schema.mentors).where(eq(schema.mentors.status, "active")).all().slice(0, 20)) {
      f.insertCourse(db(), {
        menteeId: someone.id,
        mentorId: m.id,
        status: "active",
        startDate: "2026-01-01",
        plannedEndDate: "2026-07-01",
      });
    }
    const ctx = matching.matchContext();
    const everyone = matching.loadMentors(db(), { includeUnavailable: true });
    for (const [code, o] of [
      [751, {}],
      [101, { mentorGenderPreference: "female" }],
      [621, { currentInternshipEmployer: "byg a/s" }],
      [851, {}],
    ] as const) {
      const mentee = f.insertMentee(db(), r, code, { status: "waiting", ...o });
      const c = matching.candidatesFor(mentee.id, coordinator)!;
      const row = matching.loadWaitingMentees(db()).find((e) => e.id === mentee.id)!;
      const whole = rankMentorsForMentee(row, everyone, ctx, { limit: matching.CANDIDATES_SHOWN });
      expect(
        c.candidates.map((x) => [x.mentorId, x.score, x.reasons]),
        `mentee in ${code}`,
      ).toEqual(whole.candidates.map((x) => [x.mentorId, x.score, x.reasons]));
      expect(c.total).toBe(whole.total);
      // Each excluded mentor under the first of its rules, and nobody twice.
      const pe = prepareMentee(row, ctx);
      const expected = new Map<string, number>();
      for (const m of everyone) {
        const rules = violatedRules(pe, prepareMentor(m, ctx), ctx);
        if (rules.length)
          expected.set(matching.firstReason(rules), (expected.get(matching.firstReason(rules)) ?? 0) + 1);
      }
      expect(new Map(c.excludedCounts.map((x) => [x.rule, x.count])), `mentee in ${code}`).toEqual(expected);
      expect(c.excludedTotal).toBe(everyone.length - whole.total);
      // A page of the mentors of each reason holds as many as counted, each with that reason first.
      for (const { rule, count } of c.excludedCounts) {
        const page = matching.candidatesFor(mentee.id, coordinator, db(), { excluded: rule })!.excludedPage!;
        expect(page.total, `${code} ${rule}`).toBe(count);
        expect(page.rows.length).toBe(Math.min(count, 50));
        for (const x of page.rows) {
          const m = everyone.find((e) => e.id === x.mentor.id)!;
          expect(
            matching.firstReason(violatedRules(pe, prepareMentor(m, ctx), ctx)),
            `${code} ${rule} mentor ${m.id}`,
          ).toBe(rule);
          expect(x.rules).toEqual(violatedRules(pe, prepareMentor(m, ctx), ctx));
        }
      }
    }
  });
});

describe("pool", () => {
  it("proposes pairs that respect free places and rules", () => {
    const r = runPool("most_matched");
    const perMentor = new Map<number, number>();
    for (const p of r.pairs) perMentor.set(p.mentorId, (perMentor.get(p.mentorId) ?? 0) + 1);
    const mentors = matching.loadMentors(db());
    for (const [id, n] of perMentor) {
      const m = mentors.find((x) => x.id === id)!;
      expect(n).toBeLessThanOrEqual(m.capacity - m.activeCourses);
    }
    expect(new Set(r.pairs.map((p) => p.menteeId)).size).toBe(r.pairs.length);
    expect(r.pairs.length).toBeGreaterThan(0);
    expect(r.summary.pairs).toBe(r.pairs.length);
    expect(r.summary.industryPairs).toBe(r.pairs.filter((p) => p.sharedIndustry).length);
    expect(r.pairs.length).toBeGreaterThanOrEqual(runPool("best_score").pairs.length);
  });
});

describe("messages", () => {
  it("the mentee message exists in all ten languages, SMS without the mentee's name", async () => {
    const t = templates.get("match_mentee")!;
    for (const lang of messageLanguages) {
      expect(t.copies[lang], lang).toBeDefined();
      const r = await renderMessage("match_mentee", lang, { mentorFirstName: "Mads" }, "sms");
      expect(r.fallback).toBe(false);
      expect(r.text).toContain("Mads");
    }
    for (const key of ["match_mentor", "match_caseworker"]) {
      expect(templates.get(key)!.copies.da).toBeDefined();
      expect(templates.get(key)!.copies.en).toBeDefined();
    }
    const mail = await renderMessage(
      "match_mentor",
      "da",
      {
        mentorFirstName: "Mads",
        menteeFirstName: "Amal",
        menteePhone: "+4520000000",
        menteeEmail: null,
        municipality: "Aarhus",
        languages: ["ar"],
        danishLevel: "du2",
        wishedIndustryCodes: ["41"],
        goals: ["cv"],
        startDate: "2026-01-31",
        url: "http://x/mentor",
      },
      "email",
    );
    expect(mail.text).toContain("41 Opførelse af bygninger");
    expect(mail.text).toContain("Arabisk");
  });
});
