/**
 * The coordinator's work lists kept in memory (decision 016): the start page's counts, the follow-up queue's order
 * (the start page's figure and risk list, `/koordinator/opfoelgning`), the course list's counts per filter and a
 * mentee's candidates. On random small data
 * sets, after every one of a long run of random writes of what they rest on (courses, meetings, calls, mentors,
 * citizens, declined requests, weights, the industry setting, the clock's day), the cached answer is exactly a fresh
 * computation; between writes the kept answer is used.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as queues from "../../app/services/course-queues.server";
import * as candidates from "../../app/services/match-candidates.server";
import { countApplications, listApplications } from "../../app/services/mentor-screening.server";
import { waitingQueue } from "../../app/services/waiting-queue.server";
import { listTotalsCacheStats } from "../../app/services/page-cache.server";
import {
  countCoursesByFilter,
  courseFilterCounts,
  courseFilterCountsCacheStats,
} from "../../app/services/course-reads.server";
import { coordinatorCounts } from "../../app/services/dashboard.server";
import { saveWeights, currentWeights } from "../../app/services/match-context.server";
import { getMatchSettings, saveMatchSettings } from "../../app/services/match-settings.server";
import { addDays } from "../../app/domain/dates";
import { getClockOffset, setClockOffset, today } from "../../app/utils/clock";
import { courseStatuses, menteeStatuses, mentorStatuses } from "../../app/domain/enums";
import { testDb } from "../support/test-db";
import {
  addRandomCourse,
  chance,
  commonWrites,
  ids,
  randomOf,
  rowPicker,
  run,
  type Rng,
} from "../support/random-writes";

const { int, pick } = f;

const CODES = [751, 621, 101] as const;
const DIVISIONS = ["41", "47", "56", "86", "62"] as const;
const all = { kind: "all" } as const;
const aarhus = { kind: "municipality", code: 751 } as const;
let coordinator = { id: 0, role: "coordinator" };
const DAY_MS = 86_400_000;

function addMentee(rng: Rng) {
  f.insertMentee(db(), rng, pick(rng, CODES), {
    status: chance(rng, 0.7) ? "waiting" : pick(rng, menteeStatuses),
    wishedIndustryCodes: [pick(rng, DIVISIONS)],
  });
}
function addMentor(rng: Rng) {
  f.insertMentor(db(), rng, CODES, {
    status: chance(rng, 0.7) ? pick(rng, ["approved", "active"] as const) : pick(rng, mentorStatuses),
    industryCode: pick(rng, DIVISIONS),
    municipalityCode: pick(rng, CODES),
    capacity: int(rng, 1, 2),
  });
}
function addCourse(rng: Rng) {
  const course = addRandomCourse(rng, chance(rng, 0.6) ? "active" : pick(rng, courseStatuses), int(rng, 0, 200));
  if (course?.start && chance(rng, 0.6)) addMeeting(rng, course.id);
}
function addMeeting(rng: Rng, courseId: number) {
  db()
    .insert(schema.meetings)
    .values(f.meetingValues(rng, courseId, addDays(today(), -int(rng, 0, 60))))
    .run();
}

/** One random write of something the lists rest on (or, now and then, none). */
function randomWrite(rng: Rng): string {
  const { some, id } = rowPicker(rng);
  return randomOf(rng, {
    ...commonWrites(rng),
    "insert mentee": () => addMentee(rng),
    "insert mentor": () => addMentor(rng),
    "mentor status": () =>
      id("mentors", (x) =>
        run(
          "UPDATE mentors SET status = ?, capacity = ?, travel_km = ? WHERE id = ?",
          pick(rng, mentorStatuses),
          int(rng, 1, 3),
          pick(rng, [10, 40, 98]),
          x,
        ),
      ),
    "insert course": () => addCourse(rng),
    "insert meeting": () => id("courses", (x) => addMeeting(rng, x)),
    "follow-up call": () =>
      id("courses", (x) =>
        db()
          .insert(schema.followUps)
          .values(f.followUpValues(rng, x, addDays(today(), -int(rng, 0, 40)), null))
          .run(),
      ),
    "match request": () => {
      const mentee = some("mentees", "status = 'waiting'");
      const mentor = some("mentors");
      if (mentee != null && mentor != null)
        db()
          .insert(schema.matchRequests)
          .values({
            menteeId: mentee,
            mentorId: mentor,
            status: pick(rng, ["declined", "expired", "requested"] as const),
            deadline: `${addDays(today(), 7)}T12:00:00.000Z`,
            startDate: addDays(today(), 14),
          })
          .run();
    },
    weights: () => {
      const w = currentWeights().weights;
      const key = pick(rng, Object.keys(w)) as keyof typeof w;
      saveWeights({ ...w, [key]: int(rng, 0, 10) }, coordinator);
    },
    "industry setting": () => {
      const s = getMatchSettings();
      saveMatchSettings({ ...s, proposeNoIndustryPairs: !s.proposeNoIndustryPairs }, coordinator);
    },
    "next day": () => setClockOffset(getClockOffset() + DAY_MS),
  });
}

/** Each list as the cache answers it, and as computed fresh. */
function lists() {
  const d = db();
  const queue = (scope: typeof all | typeof aarhus, riskOnly: boolean) => ({
    cached: queues.followUpQueue(scope, riskOnly),
    fresh: queues.followUpQueueIds(d, scope, today(), riskOnly),
  });
  const ranking = (menteeId: number) => {
    const cached = candidates.menteeRanking(d, menteeId);
    const fresh = candidates.computeRanking(d, candidates.rankingInputs(d, menteeId));
    // The context holds functions (distances, sections): compared by what they answer through the rest.
    const plain = (r: typeof cached) => (r ? { ...r, ctx: { ...r.ctx, distanceKm: null, sectionOf: null } } : r);
    return { cached: plain(cached), fresh: plain(fresh) };
  };
  const n = (text: string) => (db().$client.prepare(text).get() as { n: number }).n;
  return {
    counts: {
      cached: coordinatorCounts(),
      fresh: {
        applied: n(
          "SELECT count(*) AS n FROM mentors WHERE email_verified_at IS NOT NULL AND anonymised_at IS NULL AND status IN ('applied', 'screening')",
        ),
        waiting: n("SELECT count(*) AS n FROM mentees WHERE status = 'waiting'"),
        active: n("SELECT count(*) AS n FROM courses WHERE status IN ('active', 'paused')"),
        followUpsDue: queues.followUpQueueIds(d, all, today(), false).length,
        failedMessages: n("SELECT count(*) AS n FROM messages WHERE status = 'failed'"),
        heldMessages: n("SELECT count(*) AS n FROM messages WHERE status = 'held'"),
      },
    },
    queues: [queue(all, false), queue(all, true), queue(aarhus, false)],
    totals: [
      { cached: listApplications({ status: "to_screen" }).total, fresh: countApplications({ status: "to_screen" }) },
      { cached: listApplications({ status: "all" }).total, fresh: countApplications({ status: "all" }) },
      {
        cached: listApplications({ status: "approved", municipality: 751 }).total,
        fresh: countApplications({ status: "approved", municipality: 751 }),
      },
      { cached: waitingQueue().total, fresh: n("SELECT count(*) AS n FROM mentees WHERE status = 'waiting'") },
      {
        cached: waitingQueue({ municipality: 621 }).total,
        fresh: n("SELECT count(*) AS n FROM mentees WHERE status = 'waiting' AND municipality_code = 621"),
      },
      {
        cached: waitingQueue({ industry: "47" }).total,
        fresh: n(
          "SELECT count(*) AS n FROM mentees m WHERE status = 'waiting' AND EXISTS (SELECT 1 FROM json_each(m.wished_industry_codes) WHERE value = '47')",
        ),
      },
    ],
    courseCounts: [all, aarhus].map((scope) => ({
      cached: courseFilterCounts(scope),
      fresh: countCoursesByFilter(d, scope, today()),
    })),
    rankings: ids("mentees").slice(0, 4).map(ranking),
  };
}

beforeAll(() => {
  testDb();
  coordinator = { id: f.insertUser(db(), { role: "coordinator" }).id, role: "coordinator" };
});

describe("cached work lists", () => {
  it("equal a fresh computation after every random write, and are reused between writes", () => {
    const offset = getClockOffset();
    try {
      for (const seed of [1, 2, 3]) {
        const rng = f.createRng(seed);
        for (let i = int(rng, 8, 16); i > 0; i--) addMentee(rng);
        for (let i = int(rng, 6, 12); i > 0; i--) addMentor(rng);
        for (let i = int(rng, 8, 20); i > 0; i--) addCourse(rng);
        for (let step = 0; step < 60; step++) {
          const what = randomWrite(rng);
          const { counts, queues: q, totals, courseCounts, rankings } = lists();
          for (const [n, x] of totals.entries())
            expect(x.cached, `seed ${seed}, step ${step} (${what}), list total ${n}`).toEqual(x.fresh);
          expect(counts.cached, `seed ${seed}, step ${step} (${what}), start page`).toEqual(counts.fresh);
          for (const [n, x] of courseCounts.entries())
            expect(x.cached, `seed ${seed}, step ${step} (${what}), course list counts ${n}`).toEqual(x.fresh);
          for (const [n, x] of q.entries())
            expect(x.cached, `seed ${seed}, step ${step} (${what}), queue ${n}`).toEqual(x.fresh);
          for (const [n, x] of rankings.entries())
            expect(x.cached, `seed ${seed}, step ${step} (${what}), ranking ${n}`).toEqual(x.fresh);
        }
      }
    } finally {
      setClockOffset(offset);
    }
    // Reading again without a write is served from memory.
    lists();
    const before = {
      queue: queues.followUpQueueCacheStats.hits,
      ranking: candidates.rankingCacheStats.hits,
      courseCounts: courseFilterCountsCacheStats.hits,
      totals: listTotalsCacheStats.hits,
    };
    const again = lists();
    // The start page's figure and the three queues read.
    expect(queues.followUpQueueCacheStats.hits).toBe(before.queue + 4);
    expect(courseFilterCountsCacheStats.hits).toBe(before.courseCounts + again.courseCounts.length);
    expect(listTotalsCacheStats.hits).toBe(before.totals + again.totals.length);
    expect(candidates.rankingCacheStats.hits).toBe(before.ranking + again.rankings.length);
  }, 120_000);

  it("pages the queue in its order with the true total, and logs each shown citizen once", () => {
    const rng = f.createRng(7);
    for (let i = 0; i < 30; i++) addMentee(rng);
    for (let i = 0; i < 15; i++) addMentor(rng);
    for (let i = 0; i < 60; i++) addCourse(rng);
    queues.followUpQueue(all, false); // computes the new courses' facts
    const order = queues.followUpQueueIds(db(), all, today(), false);
    expect(order.length).toBeGreaterThan(3);
    const logged = () => db().$client.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number };
    const before = logged().n;
    const second = queues.followUpsDue(all, 2, coordinator, { pageSize: 3 });
    expect(second.total).toBe(order.length);
    expect(second.rows.map((r) => r.id)).toEqual(order.slice(3, 6));
    expect(logged().n).toBe(before + second.rows.length);
    expect(queues.countFollowUpsDue(all)).toBe(order.length);
  });
});
