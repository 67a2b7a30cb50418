import { describe, expect, it } from "vitest";
import {
  computeReport,
  type CourseRow,
  type MeetingRow,
  type MenteeRow,
  type OutcomeRow,
  type ReportInput,
  type SurveyRow,
} from "./statistics";
import { addDays } from "./dates";

/* Hand-computed fixture. Period 2026 Q1, as of 2026-06-30 (so stocks are taken on 2026-03-31). */
const PERIOD = { from: "2026-01-01", to: "2026-03-31" };
const AS_OF = "2026-06-30";

const mentee = (id: number, o: Partial<MenteeRow> = {}): MenteeRow => ({
  id,
  municipalityCode: 751,
  group: "refugee",
  danishLevel: "du2",
  status: "in_course",
  referredAt: "2025-06-01T09:00:00.000Z",
  matchedAt: "2025-07-01T11:00:00.000Z",
  withdrawnAt: null,
  ...o,
});
const course = (id: number, o: Partial<CourseRow> = {}): CourseRow => ({
  id,
  menteeId: id,
  mentorId: 100 + id,
  status: "active",
  approvedAt: null,
  startDate: null,
  plannedEndDate: null,
  endedOn: null,
  targetHoursPerMonth: 4,
  industrySection: "F",
  ...o,
});
/** `count` two-hour meetings a week apart from `start`. */
const meetings = (courseId: number, start: string, count: number): MeetingRow[] =>
  Array.from({ length: count }, (_, k) => ({ courseId, date: addDays(start, 7 * k), minutes: 120 }));
const out = (
  courseId: number,
  type: OutcomeRow["type"],
  phase: OutcomeRow["phase"] = "end",
  confirmed = true,
): OutcomeRow => ({ courseId, type, phase, outcomeDate: "2026-02-15", confirmed });
const survey = (
  courseId: number,
  respondent: SurveyRow["respondent"],
  satisfaction: number | null,
  answeredAt: string | null = "2026-02-20T10:00:00Z",
): SurveyRow => ({ courseId, respondent, satisfaction, answeredAt });

const done = { status: "completed" as const, startDate: "2025-08-15", endedOn: "2026-02-15" };
const fixture: ReportInput = {
  mentees: [
    ...[1, 2, 3, 4, 5, 6].map((id) => mentee(id, { status: "completed" })),
    mentee(7, {
      municipalityCode: 621,
      group: "family_reunified",
      danishLevel: "du3",
      referredAt: "2026-01-10T09:00:00Z",
      matchedAt: "2026-01-20T09:00:00Z",
    }),
    mentee(8, {
      municipalityCode: 621,
      danishLevel: "du1",
      referredAt: "2026-02-01T09:00:00Z",
      matchedAt: "2026-02-21T09:00:00Z",
    }),
    mentee(9, {
      municipalityCode: 621,
      danishLevel: "du1",
      status: "matched",
      referredAt: "2026-02-10T09:00:00Z",
      matchedAt: "2026-03-12T09:00:00Z",
    }),
    mentee(10, { municipalityCode: 621, status: "waiting", referredAt: "2026-03-01T09:00:00Z", matchedAt: null }),
    mentee(11, {
      municipalityCode: 621,
      status: "withdrawn",
      referredAt: "2026-03-05T09:00:00Z",
      matchedAt: null,
      withdrawnAt: "2026-03-20T09:00:00Z",
    }),
    mentee(12, { referredAt: "2026-01-05T09:00:00Z", matchedAt: "2026-01-15T09:00:00Z" }),
    mentee(13, { status: "matched", referredAt: "2026-01-06T09:00:00Z", matchedAt: "2026-03-26T09:00:00Z" }),
    mentee(14, { status: "waiting", referredAt: "2025-12-01T09:00:00Z", matchedAt: null }),
    mentee(15, { status: "ended_early", referredAt: "2025-05-01T09:00:00Z", matchedAt: "2025-06-01T09:00:00Z" }),
  ],
  courses: [
    course(1, { ...done }),
    course(2, { ...done }),
    course(3, { ...done }),
    course(4, { ...done, industrySection: "G" }),
    course(5, { ...done, industrySection: "G" }),
    course(6, { ...done, industrySection: "G" }),
    course(7, { mentorId: 101, startDate: "2026-02-01" }),
    course(8, { mentorId: 102, startDate: "2026-03-01" }),
    course(9, { status: "approved", startDate: "2026-04-15", approvedAt: "2026-03-12T10:00:00Z" }),
    course(12, { startDate: "2026-01-25" }),
    course(13, { status: "approved", approvedAt: "2026-03-26T10:00:00Z" }),
    course(15, { status: "ended_early", startDate: "2025-06-15", endedOn: "2026-02-01" }),
  ],
  outcomes: [
    out(1, "job_full_time"),
    out(2, "job_full_time"),
    out(2, "education"),
    out(3, "education"),
    out(4, "wage_subsidy"),
    out(5, "closer_to_job"),
    out(6, "igu", "end", false), // unconfirmed: a mentor's proposal does not count
    out(1, "job_full_time", "followup_3m"),
    out(2, "job_full_time", "followup_3m"),
    out(3, "closer_to_job", "followup_3m"),
    out(4, "wage_subsidy", "followup_3m"),
    out(5, "internship_paid", "followup_3m"),
  ],
  meetings: [
    ...meetings(1, "2025-08-15", 12),
    ...meetings(2, "2025-08-15", 6),
    ...meetings(3, "2025-08-15", 15),
    ...meetings(4, "2025-08-15", 3),
    ...meetings(5, "2025-08-15", 9),
    ...meetings(7, "2026-02-02", 2),
    ...meetings(12, "2026-01-26", 2),
  ],
  pauses: [{ courseId: 12, fromDate: "2026-02-10", toDate: "2026-03-10" }],
  surveys: [
    survey(1, "mentee", 5),
    survey(1, "mentor", 4),
    survey(2, "mentee", 3),
    survey(3, "mentee", 4),
    survey(4, "mentor", 2),
    survey(5, "mentee", 5),
    survey(6, "mentee", 1, "2025-12-01T10:00:00Z"),
    survey(6, "mentor", null),
  ],
};

const v = (value: number, n: number) => ({ kind: "value", value, n });
const tooFew = { kind: "too_few" };
const none = { kind: "none" };
const hidden = { kind: "hidden" };

describe("computeReport on the hand-computed fixture (arithmetic: every figure shown, minGroup 1)", () => {
  const r = computeReport(fixture, PERIOD, AS_OF, 1);

  it("counts by status: events in the period, stocks at its end", () => {
    expect(r.counts.referred).toEqual(v(7, 7)); // 7-13
    expect(r.counts.matched).toEqual(v(5, 5)); // 7, 8, 9, 12, 13
    expect(r.counts.completed).toEqual(v(6, 6));
    expect(r.counts.waiting).toEqual(v(2, 2)); // 10 and 14 on 31 March
    expect(r.counts.active).toEqual(v(3, 3)); // 7, 8, 12
    expect(r.counts.endedEarly).toEqual(v(1, 1)); // 15
    expect(r.counts.withdrawn).toEqual(v(1, 1)); // 11
  });

  it("outcome rate and distribution among completed courses (confirmed outcomes only)", () => {
    expect(r.outcomes.base).toEqual(v(6, 6));
    expect(r.outcomes.positive).toEqual(v(4, 6));
    expect(r.outcomes.rate).toEqual(v(4 / 6, 6));
    const d = Object.fromEntries(
      r.outcomes.distribution.map((x) => [x.type, x.count.kind === "value" ? x.count.value : x.count.kind]),
    );
    expect(d).toEqual({
      job_full_time: 2,
      job_part_time: 0,
      education: 2,
      wage_subsidy: 1,
      internship_unpaid: 0,
      internship_paid: 0,
      igu: 0,
      closer_to_job: 1,
      none_registered: 1,
    });
    expect(r.outcomes.distribution.find((x) => x.type === "education")!.share).toEqual(v(2 / 6, 6));
  });

  it("the same at the 3-month follow-up", () => {
    expect(r.followup.base).toEqual(v(5, 5));
    expect(r.followup.rate).toEqual(v(4 / 5, 5)); // 1, 2, 4, 5 (paid internship counts)
    expect(r.followup.awaiting).toEqual(v(1, 6)); // course 6
    expect(r.followup.distribution.find((x) => x.type === "internship_paid")!.count).toEqual(v(1, 5));
    expect(r.followup.distribution.some((x) => x.type === "none_registered")).toBe(false);
  });

  it("days from referral to match, hours per course, on track, retention, satisfaction", () => {
    expect(r.daysToMatch.median).toEqual(v(20, 5)); // 10, 10, 20, 30, 79
    expect(r.daysToMatch.p90).toEqual(v(79, 5));
    expect(r.hoursPerCourse.median).toEqual(v(15, 6)); // 0, 6, 12, 18, 24, 30
    // The course pages' definition (75 % of the target of the complete course months): 1-6 (6 months, need 18 of
    // 24 h), 7 (1 month, 4 h of 4), 12 (1 month, moved by its pause, 4 h), 15 (6 planned months by its end, 0 h);
    // 8 has no complete month yet.
    expect(r.onTrack.base).toEqual(v(9, 9));
    expect(r.onTrack.onTrack).toEqual(v(5, 9)); // 1 (24 h), 3 (30 h), 5 (18 h), 7, 12
    expect(r.onTrack.share).toEqual(v(5 / 9, 9));
    // first course ended by 31 March: mentors 101-106 and 115; 101 and 102 took a second mentee
    expect(r.mentorRetention.base).toEqual(v(7, 7));
    expect(r.mentorRetention.share).toEqual(v(2 / 7, 7));
    expect(r.satisfaction.all).toEqual(v(23 / 6, 6));
    expect(r.satisfaction.mentee).toEqual(v(17 / 4, 4)); // 5, 3, 4, 5
    expect(r.satisfaction.mentor).toEqual(v(3, 2)); // 4, 2
    expect(r.satisfaction.satisfiedShare).toEqual(v(4 / 6, 6));
  });

  it("breakdowns", () => {
    expect(r.breakdowns.municipality).toEqual([
      { key: "621", referred: v(5, 5), completed: v(0, 0), positive: v(0, 0), rate: none, rateFollowup: none },
      {
        key: "751",
        referred: v(2, 2),
        completed: v(6, 6),
        positive: v(4, 6),
        rate: v(4 / 6, 6),
        rateFollowup: v(4 / 5, 5),
      },
    ]);
    expect(r.breakdowns.industry.map((b) => [b.key, b.completed, b.positive])).toEqual([
      ["F", v(3, 3), v(3, 3)],
      ["G", v(3, 3), v(1, 3)],
    ]);
    expect(r.breakdowns.quarter).toEqual([
      {
        key: "2026-Q1",
        referred: v(7, 7),
        completed: v(6, 6),
        positive: v(4, 6),
        rate: v(4 / 6, 6),
        rateFollowup: v(4 / 5, 5),
      },
    ]);
  });
});

describe("the small-group rule on the same fixture (as the pages and exports get it)", () => {
  const r = computeReport(fixture, PERIOD, AS_OF);

  it("hides every count, part and share of 1-4 people", () => {
    expect(r.counts.waiting).toEqual(tooFew);
    expect(r.counts.withdrawn).toEqual(tooFew);
    expect(r.outcomes.base).toEqual(v(6, 6));
    expect(r.outcomes.positive).toEqual(tooFew); // 4 of 6
    expect(r.outcomes.rate).toEqual(tooFew);
    expect(r.followup.awaiting).toEqual(tooFew); // 1 of 6
    expect(r.outcomes.distribution.find((x) => x.type === "job_full_time")!.count).toEqual(tooFew); // 2 of 6
    expect(r.outcomes.distribution.find((x) => x.type === "job_part_time")!.count).toEqual(v(0, 6));
    expect(r.onTrack.onTrack).toEqual(v(5, 9));
    expect(r.mentorRetention.retained).toEqual(tooFew); // 2 of 7
    expect(r.satisfaction.mentee).toEqual(tooFew); // 4 answers
  });

  it("breakdowns: small groups too few to show, their complements hidden", () => {
    expect(r.breakdowns.municipality).toEqual([
      // 751's referred count is too few, and 7 in total minus 621's 5 would give it away: 621's is hidden too
      { key: "621", referred: hidden, completed: v(0, 0), positive: v(0, 0), rate: none, rateFollowup: none },
      { key: "751", referred: tooFew, completed: v(6, 6), positive: tooFew, rate: tooFew, rateFollowup: tooFew },
    ]);
    expect(r.breakdowns.industry.map((b) => [b.key, b.completed, b.positive, b.rate])).toEqual([
      ["F", tooFew, tooFew, tooFew],
      ["G", tooFew, tooFew, tooFew],
    ]);
    expect(r.breakdowns.quarter).toEqual([
      { key: "2026-Q1", referred: v(7, 7), completed: v(6, 6), positive: tooFew, rate: tooFew, rateFollowup: tooFew },
    ]);
    expect(r.breakdowns.group.map((b) => [b.key, b.referred, b.rate])).toEqual([
      ["family_reunified", tooFew, none],
      ["refugee", hidden, tooFew],
    ]);
    expect(r.breakdowns.danishLevel.map((b) => [b.key, b.referred])).toEqual([
      ["du1", tooFew],
      ["du2", tooFew],
      ["du3", tooFew],
    ]);
  });

  it("no count of people anywhere in the report is 1-4", () => {
    const counts: unknown[] = [];
    const walk = (x: unknown, key = ""): void => {
      if (!x || typeof x !== "object") return;
      const o = x as Record<string, unknown>;
      if (o.kind === "value") {
        if (
          /^(referred|matched|waiting|active|completed|endedEarly|withdrawn|positive|base|awaiting|count|onTrack|retained)$/.test(
            key,
          )
        )
          counts.push(o.value);
        counts.push(o.n);
        return;
      }
      for (const [k, v] of Object.entries(o)) walk(v, Array.isArray(o) ? key : k);
    };
    walk(r);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((n) => typeof n === "number" && n > 0 && n < 5)).toEqual([]);
    const json = JSON.stringify(r);
    expect(json).toContain('"too_few"');
    expect(json).not.toMatch(/"too_few"[^}]*"value"/);
  });
});

describe("empty periods", () => {
  it("no data at all: zero counts, no rates, quarter rows of zeros", () => {
    const r = computeReport(
      { mentees: [], courses: [], outcomes: [], meetings: [], surveys: [] },
      { from: "2026-01-01", to: "2026-06-30" },
      AS_OF,
    );
    expect(Object.values(r.counts)).toEqual(Array(7).fill(v(0, 0)));
    expect(r.outcomes.rate).toEqual(none);
    expect(r.outcomes.base).toEqual(v(0, 0));
    expect(r.followup.rate).toEqual(none);
    expect(r.daysToMatch).toEqual({ median: none, p90: none });
    expect(r.hoursPerCourse.median).toEqual(none);
    expect(r.onTrack.share).toEqual(none);
    expect(r.mentorRetention.share).toEqual(none);
    expect(r.satisfaction.all).toEqual(none);
    expect(r.breakdowns.quarter.map((q) => [q.key, q.referred, q.rate])).toEqual([
      ["2026-Q1", v(0, 0), none],
      ["2026-Q2", v(0, 0), none],
    ]);
    expect(r.breakdowns.municipality).toEqual([]);
  });
  it("a period before anything happened", () => {
    const r = computeReport(fixture, { from: "2024-01-01", to: "2024-12-31" }, AS_OF);
    expect(r.counts.referred).toEqual(v(0, 0));
    expect(r.counts.completed).toEqual(v(0, 0));
    expect(r.counts.active).toEqual(v(0, 0));
    expect(r.outcomes.rate).toEqual(none);
    expect(r.onTrack.base).toEqual(v(0, 0));
    expect(r.mentorRetention.base).toEqual(v(0, 0));
  });
  it("a period in the future takes stocks today", () => {
    const r = computeReport(fixture, { from: "2026-04-01", to: "2026-12-31" }, "2026-03-31");
    expect(r.counts.referred).toEqual(v(0, 0));
    expect(r.counts.active).toEqual(tooFew); // same three as at the end of Q1
  });
});
