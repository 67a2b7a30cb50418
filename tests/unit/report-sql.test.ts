/**
 * The property the reports rest on (decision 016): on random small data sets, the report added up in SQL from the
 * facts tables equals `computeReport` (app/domain/statistics.ts, the reference) over every row in scope, for every
 * kind of filter and scope: what they add up (every count, histogram and sum), every figure with the small-group rule,
 * and the course list of the exports. The data is random but of shapes the app can leave: withdrawals with and
 * without a status change, matches before referrals, open and closed pauses, unconfirmed outcomes, surveys of courses
 * that started, mentors with several courses in several municipalities, courses ended early by a withdrawal.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as reportsMain from "../../app/services/reports.server";
import * as reportSql from "../../app/services/report-sql.server";
import {
  aggregateReport,
  computeReport,
  quarterOf,
  quarterRange,
  reportFromAggregates,
} from "../../app/domain/statistics";
import { addDays, addMonths } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { courseStatuses, danishLevels, menteeGroups, menteeStatuses, outcomeTypes } from "../../app/domain/enums";
import { loadReportInput, referenceCourseList } from "../support/report-reference";
import { testDb } from "../support/test-db";

const reports = { ...reportsMain, ...reportSql };

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const chance = (rng: Rng, p: number) => rng() < p;

const CODES = [751, 621, 101, 147] as const;
const DIVISIONS = ["41", "47", "56", "86", "62", "49"] as const;

function clear() {
  const d = db();
  for (const t of [
    "surveys",
    "outcomes",
    "meetings",
    "course_pauses",
    "follow_ups",
    "courses",
    "status_changes",
    "mentees",
    "mentors",
  ])
    d.run(sql.raw(`DELETE FROM ${t}`));
}

/** A random programme of `size` citizens over the last three years, up to today. */
function randomProgramme(rng: Rng, size: number) {
  const d = db();
  const now = today();
  const day = (back: number) => addDays(now, -back);
  const mentors = Array.from({ length: int(rng, 1, Math.max(2, Math.round(size / 3))) }, () =>
    f.insertMentor(d, rng, CODES, {
      status: "active",
      industryCode: pick(rng, DIVISIONS),
      municipalityCode: pick(rng, CODES),
    }),
  );
  for (let i = 0; i < size; i++) {
    const referred = day(int(rng, 0, 1100));
    const status = pick(rng, menteeStatuses);
    const matched = chance(rng, 0.6) ? addDays(referred, int(rng, -3, 200)) : null;
    const mentee = f.insertMentee(d, rng, pick(rng, CODES), {
      status,
      group: pick(rng, menteeGroups),
      danishLevel: pick(rng, danishLevels),
      referredAt: `${referred}T0${int(rng, 7, 9)}:00:00.000Z`,
      matchedAt: matched && matched <= now ? `${matched}T11:00:00.000Z` : null,
      updatedAt: `${addDays(referred, int(rng, 0, 300)) > now ? now : addDays(referred, int(rng, 0, 300))}T12:00:00.000Z`,
    });
    if (status === "withdrawn") {
      for (let k = int(rng, 0, 2); k > 0; k--) {
        const at = addDays(referred, int(rng, 0, 400));
        d.insert(schema.statusChanges)
          .values({
            entityType: "mentee",
            entityId: mentee.id,
            fromStatus: "waiting",
            toStatus: "withdrawn",
            at: `${at > now ? now : at}T10:00:00.000Z`,
          })
          .run();
      }
    }
    for (let k = int(rng, 0, 2); k > 0; k--) randomCourse(rng, mentee.id, pick(rng, mentors).id, referred, now);
  }
}

function randomCourse(rng: Rng, menteeId: number, mentorId: number, referred: string, now: string) {
  const d = db();
  const status = pick(rng, courseStatuses);
  const approved = addDays(referred, int(rng, 0, 90));
  const approvedOn = approved > now ? now : approved;
  const start =
    status === "proposed" || (status === "approved" && chance(rng, 0.3)) ? null : addDays(approvedOn, int(rng, -5, 30));
  const planned = start ? addMonths(start, chance(rng, 0.8) ? 6 : int(rng, 7, 9)) : null;
  const closed = status === "completed" || status === "ended_early";
  const endedRaw = closed ? addDays(start ?? approvedOn, int(rng, 0, 240)) : null;
  const endedOn = endedRaw && endedRaw > now ? now : endedRaw;
  const course = f.insertCourse(d, {
    menteeId,
    mentorId,
    status,
    approvedAt: status === "proposed" ? null : `${approvedOn}T10:00:00.000Z`,
    startDate: start,
    plannedEndDate: chance(rng, 0.9) ? planned : null,
    endedOn,
    targetHoursPerMonth: pick(rng, [4, 4, 3]),
  });
  if (!start) return;
  const last = endedOn ?? now;
  for (let k = int(rng, 0, 10); k > 0; k--) {
    const date = addDays(start, int(rng, -14, 260));
    if (date <= now)
      d.insert(schema.meetings)
        .values({ courseId: course.id, date, minutes: pick(rng, [30, 45, 60, 90, 120, 150]), form: "in_person" })
        .run();
  }
  if (chance(rng, 0.3)) {
    const from = addDays(start, int(rng, 5, 90));
    if (from <= now)
      d.insert(schema.coursePauses)
        .values({
          courseId: course.id,
          fromDate: from,
          toDate: status === "paused" || chance(rng, 0.15) ? null : addDays(from, int(rng, 1, 40)),
        })
        .run();
  }
  for (let k = int(rng, 0, closed ? 3 : 1); k > 0; k--) {
    d.insert(schema.outcomes)
      .values({
        courseId: course.id,
        type: pick(rng, outcomeTypes),
        phase: closed && chance(rng, 0.4) ? "followup_3m" : "end",
        outcomeDate: last,
        confirmed: chance(rng, 0.85),
      })
      .run();
  }
  for (const respondent of ["mentee", "mentor"] as const) {
    if (!chance(rng, 0.6)) continue;
    const answered = chance(rng, 0.8) ? addDays(start, int(rng, 20, 300)) : null;
    d.insert(schema.surveys)
      .values({
        courseId: course.id,
        kind: pick(rng, ["day30", "closure"] as const),
        respondent,
        sentAt: `${start}T09:00:00.000Z`,
        answeredAt: answered && answered <= now ? `${answered}T15:30:00.000Z` : null,
        satisfaction: chance(rng, 0.9) ? int(rng, 1, 5) : null,
      })
      .run();
  }
}

/** Maps as sorted entries, so that a difference shows as one. */
function plain(v: unknown): unknown {
  if (v instanceof Map)
    return [...v.entries()]
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
      .map(([k, x]) => [k, plain(x)]);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Changes after the fact, as people make them: every fact and count must follow (out of the old group, into the new). */
function randomChanges(rng: Rng) {
  const d = db();
  const now = today();
  const ids = (table: string) => d.all<{ id: number }>(sql.raw(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
  const some = (xs: number[], share: number) => xs.filter(() => chance(rng, share));
  for (const id of some(ids("mentees"), 0.15)) {
    d.update(schema.mentees)
      .set({ municipalityCode: pick(rng, CODES), group: pick(rng, menteeGroups), danishLevel: pick(rng, danishLevels) })
      .where(sql`id = ${id}`)
      .run();
  }
  for (const id of some(ids("mentees"), 0.05)) {
    d.update(schema.mentees)
      .set({ status: "withdrawn" })
      .where(sql`id = ${id}`)
      .run();
    d.insert(schema.statusChanges)
      .values({
        entityType: "mentee",
        entityId: id,
        fromStatus: "waiting",
        toStatus: "withdrawn",
        at: `${now}T08:00:00.000Z`,
      })
      .run();
  }
  for (const id of some(ids("mentors"), 0.2))
    d.update(schema.mentors)
      .set({ industryCode: pick(rng, DIVISIONS) })
      .where(sql`id = ${id}`)
      .run();
  for (const id of some(ids("outcomes"), 0.2))
    d.delete(schema.outcomes)
      .where(sql`id = ${id}`)
      .run();
  for (const id of some(ids("outcomes"), 0.2))
    d.update(schema.outcomes)
      .set({ confirmed: chance(rng, 0.5) })
      .where(sql`id = ${id}`)
      .run();
  for (const id of some(ids("meetings"), 0.1))
    d.delete(schema.meetings)
      .where(sql`id = ${id}`)
      .run();
  for (const id of some(ids("surveys"), 0.2)) {
    d.update(schema.surveys)
      .set({
        satisfaction: chance(rng, 0.8) ? int(rng, 1, 5) : null,
        answeredAt: chance(rng, 0.8) ? `${addDays(now, -int(rng, 0, 500))}T12:00:00.000Z` : null,
      })
      .where(sql`id = ${id}`)
      .run();
  }
  for (const id of some(
    d.all<{ id: number }>(sql`SELECT id FROM courses WHERE status IN ('active', 'paused')`).map((r) => r.id),
    0.3,
  )) {
    d.update(schema.courses)
      .set({ status: pick(rng, ["completed", "ended_early"] as const), endedOn: addDays(now, -int(rng, 0, 20)) })
      .where(sql`id = ${id}`)
      .run();
  }
}

type Scope = { kind: "all" } | { kind: "municipality"; code: number };

/**
 * Filters of every kind the pages and exports make: default, quarters, from/to (reversed, into the future), narrowed;
 * and periods that begin or end on the very days the data changes (a referral, a match, an end, a course month's end),
 * where a < for a <= would show.
 */
function randomFilters(rng: Rng): { scope: Scope; input: Record<string, unknown> }[] {
  const now = today();
  const dates = db()
    .all<{ day: string | null }>(
      sql`
    SELECT substr(referred_at, 1, 10) AS day FROM mentees UNION SELECT substr(matched_at, 1, 10) FROM mentees
    UNION SELECT ended_on FROM courses UNION SELECT start_date FROM courses UNION SELECT substr(approved_at, 1, 10) FROM courses
    UNION SELECT substr(at, 1, 10) FROM status_changes`,
    )
    .map((r) => r.day)
    .filter((x): x is string => !!x && x <= now);
  const starts = db()
    .all<{ start: string }>(sql`SELECT start_date AS start FROM courses WHERE start_date IS NOT NULL`)
    .map((r) => r.start);
  // Days an on-track answer changes (one stretch ends, the next begins).
  reports.buildReport({ kind: "all" }, reports.resolveFilter({ kind: "all" }, {}));
  const turns = db()
    .all<{ day: string }>(
      sql`SELECT DISTINCT to_on AS day FROM course_on_track WHERE to_on <= ${now}
    UNION SELECT mentor_next_start FROM course_facts WHERE mentor_next_start <= ${now} UNION SELECT mentor_next_start_local FROM course_facts WHERE mentor_next_start_local <= ${now}`,
    )
    .map((r) => r.day);
  const dataDay = () => (dates.length ? pick(rng, dates) : now);
  const turn = () => (turns.length ? pick(rng, turns) : monthEnd());
  const localTurns = db().all<{
    day: string;
    code: number;
  }>(sql`SELECT mentor_next_start_local AS day, municipality_code AS code FROM course_facts
    WHERE mentor_next_start_local <= ${now}`);
  const localTurn = localTurns.length ? pick(rng, localTurns) : { day: now, code: pick(rng, CODES) };
  const monthEnd = () => (starts.length ? addMonths(pick(rng, starts), int(rng, 1, 7)) : now);
  const q = (back: number) => quarterOf(addDays(now, -back));
  const d = (back: number) => addDays(now, -back);
  return [
    { scope: { kind: "all" }, input: {} },
    { scope: { kind: "all" }, input: { municipality: pick(rng, CODES) } },
    { scope: { kind: "municipality", code: pick(rng, CODES) }, input: { municipality: pick(rng, CODES) } },
    { scope: { kind: "all" }, input: { quarter: q(int(rng, 0, 900)) } },
    { scope: { kind: "municipality", code: pick(rng, CODES) }, input: { quarter: q(int(rng, 0, 900)) } },
    { scope: { kind: "all" }, input: { from: d(int(rng, 0, 1200)), to: d(int(rng, -200, 1200)) } },
    { scope: { kind: "all" }, input: { from: "2000-01-01", to: addMonths(now, 12) } },
    {
      scope: { kind: "municipality", code: pick(rng, CODES) },
      input: { from: d(int(rng, 0, 1200)), to: d(int(rng, 0, 600)) },
    },
    { scope: { kind: "all" }, input: { from: dataDay(), to: dataDay() } },
    { scope: { kind: "municipality", code: pick(rng, CODES) }, input: { from: dataDay(), to: dataDay() } },
    { scope: { kind: "all" }, input: { from: d(int(rng, 300, 1200)), to: monthEnd() } },
    { scope: { kind: "all" }, input: { from: monthEnd(), to: monthEnd() } },
    { scope: { kind: "all" }, input: { from: d(int(rng, 300, 1200)), to: turn() } },
    {
      scope: { kind: "municipality", code: localTurn.code },
      input: { from: d(int(rng, 300, 1200)), to: localTurn.day },
    },
  ];
}

beforeAll(() => {
  testDb();
});

describe("the report from SQL equals computeReport", () => {
  it("on random data sets, for every kind of filter and scope: what adds up, every figure, the course list", () => {
    const rng = f.createRng(1616);
    let compared = 0;
    let tooFew = 0;
    for (let round = 0; round < 30; round++) {
      clear();
      randomProgramme(rng, int(rng, 0, 45));
      // Half the rounds read the facts once (so they exist), then change things under them.
      if (round % 2) {
        reports.buildReport({ kind: "all" }, reports.resolveFilter({ kind: "all" }, {}));
        randomChanges(rng);
      }
      const asOf = today();
      for (const { scope, input } of randomFilters(rng)) {
        const filter = reports.resolveFilter(scope, input as never);
        const label = `round ${round}, ${JSON.stringify(scope)} ${JSON.stringify(filter)}`;
        const report = reports.buildReport(scope, filter);
        const rows = loadReportInput(db(), scope, filter.municipality);
        const added = reports.aggregateReportInSql(db(), scope, filter, asOf);
        expect(plain(added), label).toEqual(plain(aggregateReport(rows, filter, asOf)));
        expect(report, label).toEqual(computeReport(rows, filter, asOf));
        // The arithmetic alone (every figure shown) as well, so a suppressed figure cannot hide a difference.
        expect(reportFromAggregates(added, filter, asOf, 1), label).toEqual(computeReport(rows, filter, asOf, 1));
        const labels = { municipalities: Object.fromEntries(CODES.map((c) => [String(c), `K${c}`])), sections: {} };
        expect([...reports.courseListChunks(scope, filter, labels)].flat(), label).toEqual(
          referenceCourseList(rows, filter, labels, asOf),
        );
        compared++;
        if (JSON.stringify(report).includes("too_few")) tooFew++;
      }
    }
    expect(compared).toBe(420);
    // The small-group rule was exercised, not only large groups.
    expect(tooFew).toBeGreaterThan(100);
  }, 120_000);

  it("reads the course list a chunk at a time, in id order, whatever the chunk size", () => {
    clear();
    randomProgramme(f.createRng(7), 40);
    const all = { kind: "all" } as const;
    const filter = reports.resolveFilter(all, { from: "2000-01-01" });
    const labels = { municipalities: {}, sections: {} };
    const whole = reports.courseListChunk(all, filter, labels, 0, db(), 10_000);
    const pieces: number[] = [];
    for (let after = 0; ;) {
      const part = reports.courseListChunk(all, filter, labels, after, db(), 3);
      if (!part.length) break;
      expect(part.length).toBeLessThanOrEqual(3);
      pieces.push(...part.map((r) => r.course_id));
      after = part.at(-1)!.course_id;
    }
    expect(pieces).toEqual(whole.map((r) => r.course_id));
    expect(whole.length).toBeGreaterThan(10);
  });

  it("a quarter key and its dates agree (the SQL groups months into quarters)", () => {
    for (const m of ["2026-01", "2026-03", "2026-04", "2026-12"]) {
      const r = quarterRange(quarterOf(`${m}-01`))!;
      expect(r.from <= `${m}-01` && `${m}-28` <= r.to).toBe(true);
    }
  });
});

describe("a period's whole months and edge days", () => {
  it("splits at month boundaries, and leaves a period within one month to its days", () => {
    expect(reports.splitPeriod("2025-01-01", "2026-11-30")).toEqual({ months: ["2025-01", "2026-11"], edges: [] });
    expect(reports.splitPeriod("2025-01-01", "2026-11-29")).toEqual({
      months: ["2025-01", "2026-10"],
      edges: [["2026-11-01", "2026-11-29"]],
    });
    expect(reports.splitPeriod("2025-01-15", "2025-03-31")).toEqual({
      months: ["2025-02", "2025-03"],
      edges: [["2025-01-15", "2025-01-31"]],
    });
    expect(reports.splitPeriod("2025-01-15", "2025-02-10")).toEqual({
      months: null,
      edges: [["2025-01-15", "2025-02-10"]],
    });
    expect(reports.splitPeriod("2024-02-01", "2024-02-29")).toEqual({ months: ["2024-02", "2024-02"], edges: [] });
    expect(reports.splitPeriod("2025-03-31", "2025-04-01")).toEqual({
      months: null,
      edges: [["2025-03-31", "2025-04-01"]],
    });
  });
});
