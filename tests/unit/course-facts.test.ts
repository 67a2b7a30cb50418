/**
 * The stored course facts (decision 016) equal what the pure modules compute, on random histories lived through the
 * use cases with a moving clock: meetings logged, changed and deleted, pauses and resumptions, extensions, follow-up
 * calls, proposed and registered outcomes, completion or an early end, then time passing (the facts that move with
 * the date are recomputed by reads and by the course job). After every step each course's row is compared with
 * `commitment`, `followUpDue` (commitment.ts) and the report's `courseFacts`/`onTrack` (statistics.ts) over the
 * course's own rows, read straight from the tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as courseActions from "../../app/services/course-actions.server";
import * as courseReads from "../../app/services/course-reads.server";
import * as meetingLog from "../../app/services/meeting-log.server";
import { runCourseJobs } from "../../app/jobs/courses.server";
import { freshenFacts } from "../../app/services/course-facts.server";
import { commitment, followUpDue } from "../../app/domain/commitment";
import { courseFacts, onTrack } from "../../app/domain/statistics";
import { addDays, addMonths } from "../../app/domain/dates";
import { today, setClockOffset } from "../../app/utils/clock";
import { outcomeTypes } from "../../app/domain/enums";

const courses = { ...courseActions, ...courseReads, ...meetingLog };

process.env.APP_URL = "http://localhost:3000";

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const DAY = 86_400_000;
const all = { kind: "all" } as const;
let coordinator: { id: number; role: string };

/** What the pure modules say about a course today, from its rows in the tables. */
function expected(courseId: number) {
  const d = db();
  const c = d.select().from(schema.courses).where(eq(schema.courses.id, courseId)).get()!;
  const section =
    d
      .select({ s: schema.industries.section })
      .from(schema.mentors)
      .innerJoin(schema.industries, eq(schema.industries.code, schema.mentors.industryCode))
      .where(eq(schema.mentors.id, c.mentorId))
      .get()?.s ?? null;
  const ms = d.select().from(schema.meetings).where(eq(schema.meetings.courseId, courseId)).all();
  const ps = d.select().from(schema.coursePauses).where(eq(schema.coursePauses.courseId, courseId)).all();
  const calls = d
    .select()
    .from(schema.followUps)
    .where(eq(schema.followUps.courseId, courseId))
    .all()
    .map((x) => x.calledOn);
  const os = d
    .select()
    .from(schema.outcomes)
    .where(eq(schema.outcomes.courseId, courseId))
    .orderBy(asc(schema.outcomes.id))
    .all();
  const day = today();
  const com =
    c.startDate && c.plannedEndDate
      ? commitment(
          {
            startDate: c.startDate,
            plannedEndDate: c.plannedEndDate,
            targetHoursPerMonth: c.targetHoursPerMonth,
            meetings: ms,
            pauses: ps,
            endedOn: c.endedOn,
            paused: c.status === "paused",
          },
          day,
        )
      : null;
  const row = { ...c, industrySection: section };
  const meetingRows = ms.map((m) => ({ courseId, date: m.date, minutes: m.minutes }));
  const pauseRows = ps.map((p) => ({ courseId, fromDate: p.fromDate, toDate: p.toDate }));
  const [rf] = courseFacts(
    {
      mentees: [],
      courses: [row],
      meetings: meetingRows,
      pauses: pauseRows,
      surveys: [],
      outcomes: os.map((o) => ({
        courseId,
        type: o.type,
        phase: o.phase,
        outcomeDate: o.outcomeDate,
        confirmed: o.confirmed,
      })),
    },
    day,
  );
  const call = c.startDate ? followUpDue(c.startDate, calls, day) : null;
  const mask = (types: readonly string[]) => types.reduce((m, t) => m | (1 << outcomeTypes.indexOf(t as never)), 0);
  return {
    facts: {
      status: c.status,
      startDate: c.startDate,
      endedOn: c.endedOn,
      industrySection: section,
      commitmentStatus: com?.status ?? null,
      totalLogged: com?.totalLogged ?? 0,
      totalTarget: com?.totalTarget ?? 0,
      daysWithoutContact: com?.daysWithoutContact ?? null,
      followUpDueOn: call?.dueOn ?? null,
      followUpOverdueOn: call?.overdueOn ?? null,
      followUpKind: call?.kind ?? null,
      followUpOutcomeDueOn:
        (c.status === "completed" || c.status === "ended_early") && c.endedOn ? addMonths(c.endedOn, 3) : null,
      hasFollowUpOutcome: os.some((o) => o.phase === "followup_3m"),
      meetings: rf.meetings,
      hours: rf.hours,
      onTrack: rf.onTrack,
      endOutcomes: rf.endOutcomes.join(";"),
      followUpOutcomes: rf.followupOutcomes.join(";"),
      endMask: mask(rf.endOutcomes),
      followUpMask: mask(rf.followupOutcomes),
      positiveEnd: rf.positiveAtEnd,
      positiveFollowUp: rf.positiveAtFollowup,
    },
    onTrackOn: (day: string) => onTrack(row, meetingRows, pauseRows, day),
  };
}

function stored(courseId: number) {
  const d = db();
  const r = d.select().from(schema.courseFacts).where(eq(schema.courseFacts.courseId, courseId)).get()!;
  const stretches = d.select().from(schema.courseOnTrack).where(eq(schema.courseOnTrack.courseId, courseId)).all();
  return {
    facts: {
      status: r.status,
      startDate: r.startDate,
      endedOn: r.endedOn,
      industrySection: r.industrySection,
      commitmentStatus: r.commitmentStatus,
      totalLogged: r.totalLogged,
      totalTarget: r.totalTarget,
      daysWithoutContact: r.daysWithoutContact,
      followUpDueOn: r.followUpDueOn,
      followUpOverdueOn: r.followUpOverdueOn,
      followUpKind: r.followUpKind,
      followUpOutcomeDueOn: r.followUpOutcomeDueOn,
      hasFollowUpOutcome: r.hasFollowUpOutcome,
      meetings: r.meetings,
      hours: r.minutes / 60,
      onTrack: r.onTrack,
      endOutcomes: r.endOutcomes,
      followUpOutcomes: r.followUpOutcomes,
      endMask: r.endMask,
      followUpMask: r.followUpMask,
      positiveEnd: r.positiveEnd,
      positiveFollowUp: r.positiveFollowUp,
    },
    onTrackOn: (day: string) => stretches.find((s) => s.fromOn <= day && day < s.toOn)?.onTrack ?? null,
    factsOn: r.factsOn,
    final: r.freshUntil === "9999-12-31",
  };
}

/** One random step of a course's life through the use cases; illegal or badly dated steps are refused, as in the app. */
function step(rng: Rng, c: { id: number; user: { id: number } }) {
  const day = today();
  const course = db().select().from(schema.courses).where(eq(schema.courses.id, c.id)).get()!;
  const start = course.startDate ?? day;
  const back = (max: number) => {
    const x = addDays(day, -int(rng, 0, max));
    return x < start ? start : x;
  };
  const own = db().select().from(schema.meetings).where(eq(schema.meetings.courseId, c.id)).all();
  const meeting = () => ({
    date: back(10),
    minutes: pick(rng, [30, 45, 60, 90, 120, 180]),
    form: "in_person" as const,
    topics: [],
  });
  switch (
    pick(rng, [
      "meet",
      "meet",
      "meet",
      "edit",
      "delete",
      "pause",
      "resume",
      "extend",
      "call",
      "propose",
      "outcome",
      "confirm",
      "close",
      "wait",
    ] as const)
  ) {
    case "meet":
      return courses.logMeeting(c.user.id, c.id, meeting());
    case "edit":
      return own.length ? courses.updateMeeting(c.user.id, c.id, pick(rng, own).id, meeting()) : null;
    case "delete":
      return own.length ? courses.deleteMeeting(c.user.id, c.id, pick(rng, own).id) : null;
    case "pause":
      return courses.applyCoordinatorAction(all, c.id, coordinator, {
        intent: "pause",
        fromDate: addDays(day, int(rng, -5, 5)),
      });
    case "resume":
      return courses.applyCoordinatorAction(all, c.id, coordinator, {
        intent: "resume",
        toDate: addDays(day, int(rng, -3, 10)),
      });
    case "extend":
      return course.plannedEndDate
        ? courses.applyCoordinatorAction(all, c.id, coordinator, {
            intent: "extend",
            plannedEndDate: addDays(course.plannedEndDate, int(rng, 7, 60)),
          })
        : null;
    case "call":
      return courses.applyCoordinatorAction(all, c.id, coordinator, {
        intent: "follow_up",
        calledOn: back(5),
        target: "mentor",
        status: "on_track",
        escalate: false,
      });
    case "propose":
      return courses.proposeOutcome(c.user.id, c.id, {
        type: pick(rng, outcomeTypes),
        outcomeDate: back(5),
        viaMentorNetwork: false,
      });
    case "outcome":
      return courses.applyCoordinatorAction(all, c.id, coordinator, {
        intent: "outcome",
        phase: pick(rng, ["end", "followup_3m"] as const),
        type: pick(rng, outcomeTypes),
        outcomeDate: back(5),
        viaMentorNetwork: false,
      });
    case "confirm": {
      const open = db()
        .select()
        .from(schema.outcomes)
        .where(eq(schema.outcomes.courseId, c.id))
        .all()
        .find((o) => !o.confirmed);
      return open
        ? courses.applyCoordinatorAction(all, c.id, coordinator, { intent: "confirm_outcome", outcomeId: open.id })
        : null;
    }
    case "close":
      return rng() < 0.3
        ? courses.applyCoordinatorAction(
            all,
            c.id,
            coordinator,
            rng() < 0.5
              ? { intent: "complete", endedOn: back(20) }
              : { intent: "end_early", endedOn: back(20), reason: "moved" },
          )
        : null;
    case "wait":
      return null;
  }
}

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
});
afterAll(() => setClockOffset(0));

describe("stored course facts", () => {
  it("equal the pure modules after every step of random histories, and as days pass (reads and the course job)", async () => {
    const rng = f.createRng(2016);
    let checks = 0;
    const seen = new Set<string>();
    for (let history = 0; history < 12; history++) {
      let offsetDays = -int(rng, 150, 400);
      setClockOffset(offsetDays * DAY);
      const d = db();
      const list = Array.from({ length: 3 }, () => {
        const user = f.insertUser(d, { role: "mentor" });
        const mentor = f.insertMentor(d, rng, [751], {
          status: "approved",
          userId: user.id,
          industryCode: pick(rng, ["41", "47", "86"]),
        });
        const mentee = f.insertMentee(d, rng, 751, { status: "matched" });
        const course = f.insertCourse(d, {
          menteeId: mentee.id,
          mentorId: mentor.id,
          status: "approved",
          approvedAt: `${addDays(today(), -3)}T10:00:00.000Z`,
        });
        expect(
          courses.applyCoordinatorAction(all, course.id, coordinator, {
            intent: "start",
            startDate: addDays(today(), -int(rng, 0, 20)),
          }).ok,
        ).toBe(true);
        return { id: course.id, user };
      });
      for (let k = 0; k < 40; k++) {
        offsetDays += int(rng, 0, 9);
        setClockOffset(offsetDays * DAY);
        for (const c of list) {
          const r = step(rng, c);
          // A change through a use case leaves the course's facts computed (same transaction), not merely stale.
          if (r?.ok)
            expect(
              db()
                .select({ f: schema.courseFacts.freshUntil })
                .from(schema.courseFacts)
                .where(eq(schema.courseFacts.courseId, c.id))
                .get()!.f,
            ).not.toBe("");
        }
        // Days have passed: what moves with the date is brought up to date by a read, or by the course job.
        if (k % 3 === 0) await runCourseJobs(db(), today());
        else freshenFacts(db());
        for (const c of list) {
          const want = expected(c.id);
          const got = stored(c.id);
          // Computed today, unless nothing of it moves with the date any more (an ended course).
          if (!got.final) expect(got.factsOn, `course ${c.id} on ${today()}`).toBe(today());
          expect(got.facts, `course ${c.id} on ${today()}`).toEqual(want.facts);
          for (let day = addDays(got.facts.startDate!, -2); day <= today(); day = addDays(day, 3)) {
            expect(got.onTrackOn(day), `course ${c.id}: on track on ${day} (today ${today()})`).toBe(
              want.onTrackOn(day),
            );
          }
          seen.add(`${got.facts.status}/${got.facts.commitmentStatus}`);
          checks++;
        }
      }
    }
    expect(checks).toBe(12 * 40 * 3);
    // The histories reached the states that matter.
    for (const s of [
      "active/on_track",
      "active/behind",
      "active/no_contact",
      "paused/paused",
      "completed/ended",
      "ended_early/ended",
    ])
      expect(seen).toContain(s);
  }, 120_000);
});
