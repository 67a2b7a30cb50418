/**
 * The computed pages kept in memory (decision 016, `app/services/page-cache.server.ts`): on random small data sets,
 * after every one of a long run of random inserts, updates and deletes of what the pages read, the page's answer is
 * exactly what a fresh computation gives (`/koordinator/behov`'s figures, the coordinator's and the caseworkers'
 * reports with their goal figures), so no write leaves a cached answer behind; between writes the kept answer is
 * used. And a caseworker never gets another municipality's report from the cache.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as demand from "../../app/services/demand.server";
import * as reportsMain from "../../app/services/reports.server";
import * as reportSql from "../../app/services/report-sql.server";
import { buildGoalReport } from "../../app/services/goals.server";
import { Lru } from "../../app/services/page-cache.server";
import { matchableCondition } from "../../app/services/mentor-pool";
import { sql } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { courseStatuses, goalKinds, goalStatuses, menteeStatuses, mentorStatuses } from "../../app/domain/enums";
import { testDb } from "../support/test-db";
import { addRandomCourse, chance, commonWrites, randomOf, rowPicker, run, type Rng } from "../support/random-writes";

const reports = { ...reportsMain, ...reportSql };

const { int, pick } = f;

const CODES = [751, 621, 101] as const;
const DIVISIONS = ["41", "47", "56", "86", "62", "49"] as const;
const all = { kind: "all" } as const;
const aarhus = { kind: "municipality", code: 751 } as const;
const kolding = { kind: "municipality", code: 621 } as const;

let companyId = 0;

function addMentee(rng: Rng) {
  const now = today();
  return f.insertMentee(db(), rng, pick(rng, CODES), {
    status: chance(rng, 0.6) ? "waiting" : pick(rng, menteeStatuses),
    wishedIndustryCodes: [pick(rng, DIVISIONS), ...(chance(rng, 0.4) ? [pick(rng, DIVISIONS)] : [])],
    referredAt: `${addDays(now, -int(rng, 0, 800))}T09:00:00.000Z`,
  });
}
function addMentor(rng: Rng) {
  const paused = chance(rng, 0.2);
  return f.insertMentor(db(), rng, CODES, {
    status: chance(rng, 0.6) ? pick(rng, ["approved", "active"] as const) : pick(rng, mentorStatuses),
    industryCode: pick(rng, DIVISIONS),
    municipalityCode: pick(rng, CODES),
    capacity: int(rng, 1, 2),
    pausedFrom: paused ? addDays(today(), -int(rng, 0, 30)) : null,
    pausedTo: paused && chance(rng, 0.5) ? addDays(today(), int(rng, -5, 30)) : null,
  });
}
function addCourse(rng: Rng) {
  const status = pick(rng, courseStatuses);
  const closed = status === "completed" || status === "ended_early";
  const course = addRandomCourse(rng, status, int(rng, 0, 600), (start) =>
    closed ? addDays(start, int(rng, 0, 240)) : null,
  );
  if (!course) return;
  if (course.start && chance(rng, 0.7)) addMeeting(rng, course.id, course.start);
  if (chance(rng, 0.5)) addGoal(rng, course.id);
}
function addMeeting(rng: Rng, courseId: number, date: string) {
  db()
    .insert(schema.meetings)
    .values(f.meetingValues(rng, courseId, date))
    .run();
}
function addGoal(rng: Rng, courseId: number) {
  db()
    .insert(schema.courseGoals)
    .values({
      courseId,
      kind: pick(
        rng,
        goalKinds.filter((k) => k !== "own"),
      ),
      status: pick(rng, goalStatuses),
      statusOn: today(),
    })
    .run();
}
function addOpening(rng: Rng) {
  db()
    .insert(schema.openings)
    .values({
      companyId,
      type: "internship",
      industryCode: pick(rng, DIVISIONS),
      occupation: "Medhjælper",
      municipalityCode: pick(rng, CODES),
      places: int(rng, 1, 4),
    })
    .run();
}

/** One random write of something a cached page reads (or, now and then, none). */
function randomWrite(rng: Rng): string {
  const { id } = rowPicker(rng);
  return randomOf(rng, {
    ...commonWrites(rng),
    "insert mentee": () => addMentee(rng),
    "mentee wishes": () =>
      id("mentees", (x) =>
        run("UPDATE mentees SET wished_industry_codes = ? WHERE id = ?", JSON.stringify([pick(rng, DIVISIONS)]), x),
      ),
    "delete mentee": () => id("mentees", (x) => run("DELETE FROM mentees WHERE id = ?", x)),
    "insert mentor": () => addMentor(rng),
    "mentor status": () =>
      id("mentors", (x) =>
        run(
          "UPDATE mentors SET status = ?, capacity = ?, introduction_read_at = coalesce(introduction_read_at, ?) WHERE id = ?",
          chance(rng, 0.5) ? pick(rng, ["approved", "active"]) : pick(rng, mentorStatuses),
          int(rng, 1, 3),
          new Date().toISOString(),
          x,
        ),
      ),
    "mentor pause": () =>
      id("mentors", (x) =>
        run("UPDATE mentors SET paused_from = ?, paused_to = NULL WHERE id = ?", chance(rng, 0.5) ? today() : null, x),
      ),
    "insert course": () => addCourse(rng),
    "delete course": () => id("courses", (x) => run("DELETE FROM courses WHERE id = ?", x)),
    "insert meeting": () => id("courses", (x) => addMeeting(rng, x, addDays(today(), -int(rng, 0, 100)))),
    "goal status": () =>
      id("course_goals", (x) => run("UPDATE course_goals SET status = ? WHERE id = ?", pick(rng, goalStatuses), x)),
    "insert opening": () => addOpening(rng),
    opening: () =>
      id("openings", (x) =>
        chance(rng, 0.5)
          ? run(
              "UPDATE openings SET places = ?, status = ? WHERE id = ?",
              int(rng, 1, 5),
              pick(rng, ["open", "closed"]),
              x,
            )
          : run("DELETE FROM openings WHERE id = ?", x),
      ),
  });
}

/** What each cached page answers, and what a fresh computation gives. */
function pages() {
  const d = db();
  const day = today();
  const fresh = (scope: typeof all | typeof aarhus, audience: "outside" | "own_municipality", input = {}) => {
    const filter = reports.resolveFilter(scope, input);
    return {
      cached: reports.reportPage(scope, filter, audience),
      fresh: {
        report: reports.buildReport(scope, filter, d, day, audience),
        goals: buildGoalReport(scope, filter, audience, d),
      },
    };
  };
  return {
    behov: { cached: demand.supplyAndDemand(d, day), fresh: demand.computeSupplyAndDemand(d, day) },
    reports: [
      fresh(all, "outside"),
      fresh(all, "outside", { from: "2000-01-01" }),
      fresh(aarhus, "own_municipality"),
      fresh(aarhus, "outside"),
    ],
  };
}

beforeAll(() => {
  testDb();
  companyId = db()
    .insert(schema.companies)
    .values({ name: "Test ApS", cvr: "12345674", industryCode: "47", municipalityCode: 751 })
    .returning({ id: schema.companies.id })
    .get().id;
});

describe("cached pages", () => {
  it("equal a fresh computation after every random write, and are reused between writes", () => {
    for (const seed of [1, 2, 3]) {
      const rng = f.createRng(seed);
      for (let i = int(rng, 10, 25); i > 0; i--) addMentee(rng);
      for (let i = int(rng, 4, 10); i > 0; i--) addMentor(rng);
      for (let i = int(rng, 5, 15); i > 0; i--) addCourse(rng);
      for (let i = int(rng, 1, 4); i > 0; i--) addOpening(rng);
      for (let step = 0; step < 60; step++) {
        const what = randomWrite(rng);
        const { behov, reports: rest } = pages();
        expect(behov.cached, `seed ${seed}, step ${step} (${what}), behov`).toEqual(behov.fresh);
        for (const [n, p] of rest.entries())
          expect(p.cached, `seed ${seed}, step ${step} (${what}), report ${n}`).toEqual(p.fresh);
        // The free mentors' total is the matching pool's own rule, counted directly.
        const free = db()
          .select({ n: sql<number>`count(*)` })
          .from(schema.mentors)
          .where(matchableCondition(today()))
          .get()!.n;
        expect(behov.fresh.totals.freeMentors).toBe(free);
      }
    }
    // Each comparison above read every page once after a write; reading again without one is served from memory.
    const before = { demand: demand.demandCacheStats.hits, reports: reports.reportCacheStats.hits };
    pages();
    expect(demand.demandCacheStats.hits).toBe(before.demand + 1);
    expect(reports.reportCacheStats.hits).toBe(before.reports + 4);
  }, 120_000);

  it("never gives a caseworker another municipality's report", () => {
    const rng = f.createRng(9);
    for (let i = 0; i < 30; i++) addMentee(rng);
    for (let i = 0; i < 15; i++) addCourse(rng);
    const asked = { from: "2000-01-01" };
    const inAarhus = reports.resolveFilter(aarhus, asked);
    const mine = reports.reportPage(aarhus, inAarhus, "own_municipality");
    expect(mine.report.breakdowns.municipality.map((r) => r.key)).toEqual(["751"]);
    // Kolding's caseworker asks for the same period, even with Aarhus's filter object: Kolding's own figures.
    for (const filter of [reports.resolveFilter(kolding, asked), inAarhus]) {
      const theirs = reports.reportPage(kolding, filter, "own_municipality");
      expect(theirs).not.toEqual(mine);
      expect(theirs.report).toEqual(
        reports.buildReport(kolding, reports.resolveFilter(kolding, asked), db(), today(), "own_municipality"),
      );
      expect(theirs.report.breakdowns.municipality.map((r) => r.key)).toEqual(["621"]);
    }
  });

  it("keeps at most its size, forgetting the least recently used", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c"), lru.count]).toEqual([1, undefined, 3, 2]);
  });
});
