import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as courseActions from "../../app/services/course-actions.server";
import * as courseReads from "../../app/services/course-reads.server";
import * as meetingLog from "../../app/services/meeting-log.server";
import * as surveysSvc from "../../app/services/surveys.server";
import { runCourseJobs } from "../../app/jobs/courses.server";
import { runDailyJobs } from "../../app/jobs.server";
import { addDays, addMonths } from "../../app/domain/dates";
import { today, setClockOffset } from "../../app/utils/clock";
import { templates } from "../../emails";
import { messageLanguages } from "../../app/domain/enums";

const courses = { ...courseActions, ...courseReads, ...meetingLog };

process.env.APP_URL = "http://localhost:3000";

const rng = f.createRng(11);
const all = { kind: "all" } as const;
let coordinator: { id: number; role: string };

function mentorWithAccount() {
  const d = db();
  const user = f.insertUser(d, { role: "mentor" });
  const mentor = f.insertMentor(d, rng, [751], { status: "approved", userId: user.id });
  return { user: { id: user.id, role: "mentor" }, mentor };
}

/** An approved course, started by the coordinator `startedDaysAgo` days ago. */
function startedCourse(startedDaysAgo: number) {
  const d = db();
  const { user, mentor } = mentorWithAccount();
  const mentee = f.insertMentee(d, rng, 751, {
    status: "matched",
    phone: "+4511223344",
    preferredChannel: "sms",
    language: "so",
  });
  const course = f.insertCourse(d, { menteeId: mentee.id, mentorId: mentor.id, status: "approved" });
  const r = courses.applyCoordinatorAction(all, course.id, coordinator, {
    intent: "start",
    startDate: addDays(today(), -startedDaysAgo),
  });
  expect(r.ok).toBe(true);
  return { user, mentor, mentee, course };
}

const messagesFor = (template: string) =>
  db().select().from(schema.messages).where(eq(schema.messages.template, template)).all();

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
});

describe("starting and the meeting log", () => {
  it("starts a course: active, six months planned, citizen told, mentor active, day-30 surveys prepared unsent", () => {
    const { course, mentor, mentee } = startedCourse(0);
    const c = db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!;
    expect(c.status).toBe("active");
    expect(c.plannedEndDate).toBe(addMonths(today(), 6));
    expect(db().select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.status).toBe("active");
    expect(messagesFor("course_started_mentee").filter((m) => m.subjectId === mentee.id)).toHaveLength(1);
    const s = db().select().from(schema.surveys).where(eq(schema.surveys.courseId, course.id)).all();
    expect(s.map((x) => [x.kind, x.respondent, x.sentAt]).sort()).toEqual([
      ["day30", "mentee", null],
      ["day30", "mentor", null],
    ]);
  });

  it("refuses an illegal transition", () => {
    const { course } = startedCourse(0);
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "start", startDate: today() }),
    ).toMatchObject({ ok: false, formErrors: ["courses.errors.illegalTransition"] });
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "resume", toDate: today() }),
    ).toMatchObject({ ok: false });
  });

  it("a mentor logs, edits and deletes only their own meetings, within the window", () => {
    const { course, user } = startedCourse(10);
    const other = mentorWithAccount();
    const input = { date: today(), minutes: 90, form: "in_person" as const, topics: ["cv" as const] };
    const logged = courses.logMeeting(user.id, course.id, input);
    expect(logged.ok).toBe(true);
    if (!logged.ok) throw new Error(logged.formErrors.join());
    const id = logged.value.id;
    expect(courses.logMeeting(other.user.id, course.id, input)).toMatchObject({
      ok: false,
      formErrors: ["courses.errors.notFound"],
    });
    expect(courses.updateMeeting(other.user.id, course.id, id, input)).toMatchObject({ ok: false });
    expect(courses.deleteMeeting(other.user.id, course.id, id)).toMatchObject({ ok: false });
    expect(courses.logMeeting(user.id, course.id, { ...input, date: addDays(today(), 1) })).toMatchObject({
      ok: false,
      fieldErrors: { date: expect.any(Array) },
    });
    expect(courses.updateMeeting(user.id, course.id, id, { ...input, minutes: 120 })).toEqual({ ok: true });
    // Past the 14-day window the entry is locked.
    setClockOffset(15 * 86_400_000);
    try {
      expect(courses.updateMeeting(user.id, course.id, id, input)).toMatchObject({
        ok: false,
        formErrors: ["courses.meeting.notEditable"],
      });
      expect(courses.deleteMeeting(user.id, course.id, id)).toMatchObject({ ok: false });
    } finally {
      setClockOffset(0);
    }
    expect(courses.deleteMeeting(user.id, course.id, id)).toEqual({ ok: true });
    expect(courses.getMentorCourse(other.user.id, course.id)).toBeNull();
  });

  it("a caseworker cannot act on courses and sees only their municipality's summaries", () => {
    const { course, mentee } = startedCourse(0);
    expect(
      courses.applyCoordinatorAction({ kind: "municipality", code: 751 }, course.id, coordinator, {
        intent: "complete",
        endedOn: today(),
      }),
    ).toMatchObject({ ok: false });
    expect(courses.courseSummariesForMentee({ kind: "municipality", code: 621 }, mentee.id)).toEqual([]);
    expect(courses.courseSummariesForMentee({ kind: "municipality", code: 751 }, mentee.id)).toHaveLength(1);
    expect(courses.getCourseForStaff({ kind: "municipality", code: 621 }, course.id, coordinator)).toBeNull();
  });
});

describe("outcomes", () => {
  it("a mentor proposes, a coordinator confirms; the caseworker sees only confirmed outcomes", () => {
    const { course, user, mentee } = startedCourse(60);
    expect(
      courses.proposeOutcome(user.id, course.id, {
        type: "job_part_time",
        outcomeDate: today(),
        employerIndustryCode: "56",
        viaMentorNetwork: true,
      }).ok,
    ).toBe(true);
    expect(
      courses.proposeOutcome(user.id, course.id, {
        type: "education",
        outcomeDate: addDays(today(), -365),
        viaMentorNetwork: false,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { outcomeDate: expect.any(Array) } });
    const scope = { kind: "municipality", code: 751 } as const;
    expect(courses.courseSummariesForMentee(scope, mentee.id)[0].outcomes).toEqual([]);
    const proposed = db().select().from(schema.outcomes).where(eq(schema.outcomes.courseId, course.id)).get()!;
    expect(proposed.confirmed).toBe(false);
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "confirm_outcome", outcomeId: proposed.id })
        .ok,
    ).toBe(true);
    expect(courses.courseSummariesForMentee(scope, mentee.id)[0].outcomes.map((o) => o.type)).toEqual([
      "job_part_time",
    ]);
    // A 3-month follow-up outcome needs a closed course.
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, {
        intent: "outcome",
        phase: "followup_3m",
        type: "job_full_time",
        outcomeDate: today(),
        viaMentorNetwork: false,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { phase: expect.any(Array) } });
  });
});

describe("pauses and extensions", () => {
  it("resuming moves the planned end by the pause's length; extending needs a later date", () => {
    const { course } = startedCourse(20);
    const planned = db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!.plannedEndDate!;
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "pause", fromDate: addDays(today(), -10) })
        .ok,
    ).toBe(true);
    expect(courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "resume", toDate: today() }).ok).toBe(
      true,
    );
    const after = db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!;
    expect(after.status).toBe("active");
    expect(after.plannedEndDate).toBe(addDays(planned, 10));
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "extend", plannedEndDate: planned }),
    ).toMatchObject({ ok: false, fieldErrors: { plannedEndDate: expect.any(Array) } });
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, {
        intent: "extend",
        plannedEndDate: addMonths(planned, 2),
      }).ok,
    ).toBe(true);
  });
});

describe("closing", () => {
  it("frees the mentor only when no other course runs, tells citizen and caseworker, sends closure surveys", () => {
    const d = db();
    const caseworker = f.insertUser(d, { role: "caseworker", municipalityCode: 751 });
    const { course, mentor, mentee } = startedCourse(40);
    d.update(schema.mentees).set({ referredBy: caseworker.id }).where(eq(schema.mentees.id, mentee.id)).run();
    const second = f.insertCourse(d, {
      menteeId: f.insertMentee(d, rng, 751, { status: "in_course" }).id,
      mentorId: mentor.id,
      status: "active",
      startDate: today(),
      plannedEndDate: addMonths(today(), 6),
    });
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "complete", endedOn: today() }).ok,
    ).toBe(true);
    expect(d.select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.status).toBe("active");
    expect(
      courses.applyCoordinatorAction(all, second.id, coordinator, {
        intent: "end_early",
        endedOn: today(),
        reason: "moved",
      }).ok,
    ).toBe(true);
    expect(d.select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.status).toBe("approved");
    expect(d.select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.status).toBe("completed");
    expect(
      messagesFor("course_closed_caseworker").filter(
        (m) => m.recipient === caseworker.email && (m.data as { courseId: number }).courseId === course.id,
      ),
    ).toHaveLength(1);
    expect(messagesFor("course_ended_mentee").filter((m) => m.subjectId === mentee.id)).toHaveLength(1);
    const closure = d
      .select()
      .from(schema.surveys)
      .where(and(eq(schema.surveys.courseId, course.id), eq(schema.surveys.kind, "closure")))
      .all();
    expect(closure.every((s) => s.sentAt)).toBe(true);
    expect(
      courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "pause", fromDate: today() }),
    ).toMatchObject({ ok: false });
  });
});

describe("the scheduler", () => {
  it("running a day twice sends nothing twice (job_runs and idempotency keys)", async () => {
    const { course, mentor } = startedCourse(33);
    const count = () => db().select().from(schema.messages).all().length;
    const day = today();
    await runCourseJobs(db(), day);
    const after1 = count();
    expect(messagesFor("course_monthly_reminder").filter((m) => m.subjectId === mentor.id)).toHaveLength(1);
    expect(messagesFor("course_mentor_nudge").filter((m) => m.subjectId === mentor.id)).toHaveLength(1);
    expect(messagesFor("survey_mentee").some((m) => m.idempotencyKey.startsWith("survey:"))).toBe(true);
    expect(
      db()
        .select()
        .from(schema.surveys)
        .where(eq(schema.surveys.courseId, course.id))
        .all()
        .every((s) => s.sentAt),
    ).toBe(true);
    // Same day again, directly and through the scheduler (twice): nothing new.
    await runCourseJobs(db(), day);
    await runDailyJobs(day);
    await runDailyJobs(day);
    expect(count()).toBe(after1);
    // Next day: the nudge for the same silence is not repeated.
    await runCourseJobs(db(), addDays(day, 1));
    expect(messagesFor("course_mentor_nudge").filter((m) => m.subjectId === mentor.id)).toHaveLength(1);
  });

  it("flags the coordinators after 5 weeks without contact", async () => {
    const { course } = startedCourse(36);
    await runCourseJobs(db(), today());
    expect(
      messagesFor("course_coordinator_flag").filter((m) => (m.data as { courseId: number }).courseId === course.id)
        .length,
    ).toBeGreaterThan(0);
  });
});

describe("the citizen's survey link", () => {
  async function inviteToken(courseId: number) {
    // Create a fresh link for the course's day-30 survey and return the raw token (the outbox row holds the URL apart
    // from the message's data, until the message is sent).
    await runCourseJobs(db(), today());
    const s = db()
      .select()
      .from(schema.surveys)
      .where(
        and(
          eq(schema.surveys.courseId, courseId),
          eq(schema.surveys.respondent, "mentee"),
          eq(schema.surveys.kind, "day30"),
        ),
      )
      .get()!;
    const msg = db()
      .select()
      .from(schema.messages)
      .where(eq(schema.messages.idempotencyKey, `survey:${s.id}:invite`))
      .get()!;
    return { survey: s, token: String(msg.secrets!.url).split("/s/")[1] };
  }

  it("works without login, only for its own survey, once, and expires", async () => {
    const a = startedCourse(31);
    const b = startedCourse(31);
    const ta = await inviteToken(a.course.id);
    const tb = await inviteToken(b.course.id);
    expect(surveysSvc.surveyByToken(ta.token)).toMatchObject({ state: "open", language: "so", surveyId: ta.survey.id });
    expect(surveysSvc.answerSurveyByToken(ta.token, { satisfaction: 5, closerToJob: "yes", comment: "Godt" }).ok).toBe(
      true,
    );
    // Answering with A's token touched only A's survey; B's is still open.
    expect(db().select().from(schema.surveys).where(eq(schema.surveys.id, tb.survey.id)).get()!.answeredAt).toBeNull();
    expect(surveysSvc.answerSurveyByToken(ta.token, { satisfaction: 1, closerToJob: "no" })).toMatchObject({
      formErrors: ["answered"],
    });
    expect(db().select().from(schema.surveys).where(eq(schema.surveys.id, ta.survey.id)).get()!.satisfaction).toBe(5);
    expect(surveysSvc.surveyByToken("not-a-token").state).toBe("invalid");
    setClockOffset(31 * 86_400_000);
    try {
      expect(surveysSvc.surveyByToken(tb.token).state).toBe("expired");
      expect(surveysSvc.answerSurveyByToken(tb.token, { satisfaction: 3, closerToJob: "unsure" })).toMatchObject({
        formErrors: ["expired"],
      });
    } finally {
      setClockOffset(0);
    }
  });
});

describe("message templates", () => {
  it("citizen templates exist in all ten languages, staff ones in Danish and English", () => {
    for (const key of ["course_started_mentee", "course_ended_mentee", "survey_mentee"]) {
      expect(Object.keys(templates.get(key)!.copies).sort()).toEqual([...messageLanguages].sort());
    }
    for (const key of [
      "course_monthly_reminder",
      "course_mentor_nudge",
      "course_end_prompt",
      "survey_mentor",
      "course_coordinator_flag",
      "course_followup_outcome",
      "course_closed_caseworker",
      "course_concern_caseworker",
    ]) {
      expect(Object.keys(templates.get(key)!.copies).sort()).toEqual(["da", "en"]);
    }
    expect(templates.get("survey_mentee")!.copies.ar!.sms!({ url: "https://x/s/abc" })).toContain("https://x/s/abc");
  });
});
