/**
 * Issue 21's use cases against a real database: planning a meeting sends invites with a parseable .ics; changing and
 * cancelling update them and move or cancel the reminder; the daily job queues the reminder the day before at an
 * allowed hour and asks the mentor to log a passed meeting; confirming it logs a meeting that counts. The goal plan
 * and its report aggregate (scoped). The citizen's page: link states, the access log, the code for a new number.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as courseActions from "../../app/services/course-actions.server";
import * as courseReads from "../../app/services/course-reads.server";
import * as meetingLog from "../../app/services/meeting-log.server";
import * as plannedMeetings from "../../app/services/planned-meetings.server";
import * as plannedMeetingJobs from "../../app/services/planned-meeting-jobs.server";
import * as goals from "../../app/services/goals.server";
import * as citizenPage from "../../app/services/citizen-page.server";
import * as citizenLinks from "../../app/services/citizen-links.server";
import * as citizenRequests from "../../app/services/citizen-requests.server";
import { addDays } from "../../app/domain/dates";
import { isAllowedHour, localDateTime } from "../../app/domain/planned-meetings";
import { today, setClockOffset } from "../../app/utils/clock";
import { renderTemplate, templateFor } from "../../emails";
import { drainOutbox } from "../../app/messaging/outbox-sender.server";
import { fail, ok } from "../../app/services/kernel.server";
import * as privacyScope from "../../app/services/privacy.server";
import * as privacyExport from "../../app/services/privacy-export.server";
import * as privacyErasure from "../../app/services/privacy-erasure.server";
import * as privacyConsents from "../../app/services/privacy-consents.server";
import * as retention from "../../app/services/retention.server";

const courses = { ...courseActions, ...courseReads, ...meetingLog };
const planned = { ...plannedMeetings, ...plannedMeetingJobs };
const page = { ...citizenPage, ...citizenLinks, ...citizenRequests };
const privacy = { ...privacyScope, ...privacyExport, ...privacyErasure, ...privacyConsents, ...retention };

process.env.APP_URL = "http://localhost:3000";

const rng = f.createRng(21);
const all = { kind: "all" } as const;
let coordinator: { id: number; role: string };

function startedCourse(o: { language?: "ar" | "da"; email?: string | null } = {}) {
  const d = db();
  const user = f.insertUser(d, { role: "mentor" });
  const mentor = f.insertMentor(d, rng, [751], { status: "approved", userId: user.id, industryCode: "56" });
  const mentee = f.insertMentee(d, rng, 751, {
    status: "matched",
    phone: "+4520304050",
    email: o.email === undefined ? "amal@eksempel.dk" : o.email,
    preferredChannel: "sms",
    language: o.language ?? "ar",
    smsOptOutAt: null,
    emailOptOutAt: null,
  });
  const course = f.insertCourse(d, {
    menteeId: mentee.id,
    mentorId: mentor.id,
    status: "approved",
    approvedBy: coordinator.id,
  });
  expect(courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "start", startDate: today() }).ok).toBe(
    true,
  );
  return { mentorUser: { id: user.id, role: "mentor" }, mentor, mentee, course };
}
const msgs = (template: string) =>
  db().select().from(schema.messages).where(eq(schema.messages.template, template)).all();
/** A date N days ahead at a wall-clock time in Copenhagen. */
const ahead = (days: number, time = "10:00") => ({ date: addDays(today(), days), time });

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
});

describe("planning a meeting", () => {
  it("sends both an invite: the mentor's email and the citizen's carry an .ics in Europe/Copenhagen; the citizen who reads SMS gets one too", async () => {
    const { mentorUser, course, mentee, mentor } = startedCourse();
    const r = planned.planMeeting(mentorUser, course.id, {
      ...ahead(10),
      minutes: 60,
      form: "in_person",
      place: "Café Havnen",
      agenda: "CV",
    });
    expect(r.ok).toBe(true);
    const mentorMsg = msgs("meeting_planned_mentor").find((m) => m.subjectId === mentor.id)!;
    const menteeMsgs = msgs("meeting_planned_mentee").filter((m) => m.subjectId === mentee.id);
    expect(menteeMsgs.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    const rendered = await renderTemplate(templateFor("meeting_planned_mentor"), "da", mentorMsg.data, "email");
    expect(rendered.attachments?.[0].content).toContain(
      `DTSTART;TZID=Europe/Copenhagen:${ahead(10).date.replace(/-/g, "")}T100000`,
    );
    expect(rendered.attachments?.[0].content).toContain("BEGIN:VTIMEZONE");
    expect(rendered.attachments?.[0].content.replace(/\r\n[ \t]/g, "").toLowerCase()).toContain(
      `mailto:${mentor.email}`,
    );
    const sms = await renderTemplate(
      templateFor("meeting_planned_mentee"),
      "ar",
      menteeMsgs.find((m) => m.channel === "sms")!.data,
      "sms",
    );
    expect(sms.text).toContain("10:00");
    expect(sms.attachments).toBeUndefined();
  });
  it("refuses a time that does not exist, lies behind, or a course that is not running, with nothing written", () => {
    const { mentorUser, course } = startedCourse();
    const before = db().select().from(schema.plannedMeetings).all().length;
    expect(
      planned.planMeeting(mentorUser, course.id, {
        date: addDays(today(), -1),
        time: "10:00",
        minutes: 60,
        form: "phone",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { date: [expect.any(String)] } });
    expect(
      planned.planMeeting(mentorUser, course.id, { date: "2027-03-28", time: "02:30", minutes: 60, form: "phone" }),
    ).toMatchObject({ ok: false });
    expect(
      planned.planMeeting({ id: 999_999, role: "mentor" }, course.id, { ...ahead(3), minutes: 60, form: "phone" }),
    ).toMatchObject({ ok: false, formErrors: ["courses.errors.notFound"] });
    expect(db().select().from(schema.plannedMeetings).all().length).toBe(before);
  });
});

describe("the reminder the day before, at an allowed hour", () => {
  it("is queued by the daily job of the day before, for 17:00 Copenhagen; moving the meeting moves it; cancelling cancels it", () => {
    const { mentorUser, course, mentee } = startedCourse();
    const r = planned.planMeeting(mentorUser, course.id, { ...ahead(5, "09:30"), minutes: 60, form: "video" });
    if (!r.ok) throw new Error(r.formErrors.join());
    const reminder = () =>
      db()
        .select()
        .from(schema.messages)
        .where(and(eq(schema.messages.template, "meeting_reminder_mentee"), eq(schema.messages.subjectId, mentee.id)))
        .all();
    // Days before: nothing queued.
    planned.runPlannedMeetingJobs(db(), today());
    expect(reminder()).toHaveLength(0);
    // The day before (the test clock moved, to 10:00 Copenhagen so the result does not depend on when the test
    // runs): queued for 17:00 local that day, by SMS in Arabic.
    const { time } = localDateTime(new Date().toISOString());
    const [hh, mm] = time.split(":").map(Number);
    const at10 = (days: number) => days * 86_400_000 + (10 * 60 - (hh * 60 + mm)) * 60_000;
    setClockOffset(at10(4));
    try {
      planned.runPlannedMeetingJobs(db(), today());
      const [q] = reminder();
      expect(q).toMatchObject({ channel: "sms", locale: "ar", status: "queued" });
      expect(localDateTime(q.nextAttemptAt)).toEqual({ date: today(), time: "17:00" });
      expect(isAllowedHour(new Date(q.nextAttemptAt))).toBe(true);
      // Running again queues nothing more.
      planned.runPlannedMeetingJobs(db(), today());
      expect(reminder()).toHaveLength(1);
      // Moving the meeting to the day after: the queued reminder is cancelled; the new one waits for its own day.
      expect(
        planned.changeMeeting(mentorUser, course.id, r.value.id, { ...ahead(2, "09:30"), minutes: 60, form: "video" })
          .ok,
      ).toBe(true);
      expect(reminder().map((m) => m.status)).toEqual(["cancelled"]);
      expect(msgs("meeting_changed_mentee").filter((m) => m.subjectId === mentee.id).length).toBeGreaterThan(0);
      expect(
        db().select().from(schema.plannedMeetings).where(eq(schema.plannedMeetings.id, r.value.id)).get()!.sequence,
      ).toBe(1);
      setClockOffset(at10(5));
      planned.runPlannedMeetingJobs(db(), today());
      expect(reminder().map((m) => m.status)).toEqual(["cancelled", "queued"]);
      expect(planned.cancelMeeting(mentorUser, course.id, r.value.id).ok).toBe(true);
      expect(reminder().map((m) => m.status)).toEqual(["cancelled", "cancelled"]);
      expect(msgs("meeting_cancelled_mentor").length).toBeGreaterThan(0);
    } finally {
      setClockOffset(0);
    }
  });
});

describe("after the meeting", () => {
  it("asks the mentor once, and confirming logs a meeting that counts", () => {
    const { mentorUser, course } = startedCourse();
    const r = planned.planMeeting(mentorUser, course.id, { ...ahead(1, "12:00"), minutes: 90, form: "in_person" });
    if (!r.ok) throw new Error(r.formErrors.join());
    expect(planned.confirmHeld(mentorUser.id, course.id, r.value.id, { minutes: 90, topics: ["cv"] })).toMatchObject({
      ok: false,
      formErrors: ["between.meeting.errors.notPassed"],
    });
    setClockOffset(2 * 86_400_000);
    try {
      const job = planned.runPlannedMeetingJobs(db(), today());
      expect(job.prompts).toBeGreaterThanOrEqual(1);
      expect(planned.runPlannedMeetingJobs(db(), today()).prompts).toBe(0);
      const view = planned.plannedForCourse(course.id).find((p) => p.id === r.value.id)!;
      expect(view.awaitsLogging).toBe(true);
      const c = planned.confirmHeld(mentorUser.id, course.id, r.value.id, { minutes: 90, topics: ["cv", "network"] });
      expect(c.ok).toBe(true);
      const logged = db().select().from(schema.meetings).where(eq(schema.meetings.courseId, course.id)).all();
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ minutes: 90, form: "in_person", date: addDays(today(), -1) });
      expect(courses.getMentorCourse(mentorUser.id, course.id)!.commitment!.totalLogged).toBe(1.5);
      expect(planned.confirmHeld(mentorUser.id, course.id, r.value.id, { minutes: 90, topics: [] }).ok).toBe(false);
    } finally {
      setClockOffset(0);
    }
  });
});

describe("the goal plan and the report", () => {
  it("takes 1-5 goals, moves their status by the rules, and counts goals reached per completed course by section, in scope", () => {
    const made = Array.from({ length: 5 }, () => startedCourse({ language: "da" }));
    for (const [i, { mentorUser, course }] of made.entries()) {
      expect(goals.addGoal(mentorUser, course.id, { kind: "cv_danish" }).ok).toBe(true);
      expect(goals.addGoal(mentorUser, course.id, { kind: "own", text: "Truckcertifikat" }).ok).toBe(true);
      expect(goals.addGoal(mentorUser, course.id, { kind: "cv_danish" })).toMatchObject({
        ok: false,
        fieldErrors: { kind: expect.any(Array) },
      });
      const [g1, g2] = goals.goalsForCourse(course.id);
      expect(goals.updateGoal(coordinator, course.id, { goalId: g1.id, status: "reached" }).ok).toBe(true);
      if (i < 2) expect(goals.updateGoal(coordinator, course.id, { goalId: g2.id, status: "reached" }).ok).toBe(true);
      expect(goals.updateGoal(coordinator, course.id, { goalId: g1.id, status: "planned" })).toMatchObject({
        ok: false,
        fieldErrors: { status: expect.any(Array) },
      });
      expect(
        courses.applyCoordinatorAction(all, course.id, coordinator, { intent: "complete", endedOn: today() }).ok,
      ).toBe(true);
    }
    const period = { from: addDays(today(), -1), to: today(), municipality: null };
    const sums = goals.goalSums(all, period).find((s) => s.section === "I")!;
    expect(sums).toMatchObject({ courses: 5, withPlan: 5, goalsSet: 10, goalsReached: 7, coursesReached: 5 });
    const report = goals.buildGoalReport(all, period);
    expect(report.rows.find((r) => r.key === "I")!.reachedPerCourse).toEqual({ kind: "value", value: 7 / 5, n: 5 });
    // A caseworker of another municipality sees none of them.
    expect(goals.goalSums({ kind: "municipality", code: 101 }, period)).toEqual([]);
    // A mentor cannot edit after the course closed; a coordinator still can.
    const [{ mentorUser, course }] = made;
    const g = goals.goalsForCourse(course.id)[1];
    expect(goals.updateGoal(mentorUser, course.id, { goalId: g.id, status: "dropped" })).toMatchObject({ ok: false });
    expect(goals.updateGoal(coordinator, course.id, { goalId: g.id, status: "in_progress" }).ok).toBe(true);
  });
});

describe("the citizen's page", () => {
  it("opens with the link, logs each view as the citizen's, shows what they know, and dies when revoked", () => {
    const { mentorUser, course, mentee, mentor } = startedCourse();
    planned.planMeeting(mentorUser, course.id, { ...ahead(3, "14:00"), minutes: 60, form: "phone" });
    goals.addGoal(mentorUser, course.id, { kind: "applications" });
    const url = page.issueCitizenLink(db(), mentee.id);
    const token = url.split("/mig/")[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const p = page.citizenPageByToken(token);
    if (p.state !== "open") throw new Error(p.state);
    expect(p.view.mentor).toEqual({ firstName: mentor.firstName, phone: mentor.phone });
    expect(p.view.nextMeeting).toMatchObject({ ...ahead(3, "14:00"), form: "phone" });
    expect(p.view.goals.map((g) => g.kind)).toEqual(["applications"]);
    expect(p.view.phoneHint).toBe("•• •• •• 50");
    const log = db()
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.entityType, "mentee"),
          eq(schema.auditLog.entityId, mentee.id),
          eq(schema.auditLog.actorRole, "citizen"),
        ),
      )
      .all();
    expect(log.map((l) => l.action)).toContain("view");
    expect(page.citizenPageByToken("x".repeat(22))).toEqual({ state: "invalid" });
    page.revokeCitizenLinks(db(), mentee.id);
    expect(page.citizenPageByToken(token)).toEqual({ state: "revoked", language: "ar" });
  });
  it("changes the phone number only with the code sent to the new number, within the tries", async () => {
    const { mentee } = startedCourse();
    const token = page.issueCitizenLink(db(), mentee.id).split("/mig/")[1];
    expect(page.startContactChange(token, {})).toEqual(fail("nothing_changed", "phone"));
    const s = page.startContactChange(token, { phone: "+4560708090", language: "uk" });
    if (!s.ok) throw new Error(s.formErrors.join());
    const msg = db()
      .select()
      .from(schema.messages)
      .where(eq(schema.messages.idempotencyKey, `contact-change:${s.value.changeId}`))
      .get()!;
    expect(msg).toMatchObject({ channel: "sms", recipient: "+4560708090", locale: "uk" });
    expect(msg.data.code).toBe("•••"); // staff never see the code
    const code = String(msg.secrets!.code);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(page.confirmContactChange(token, s.value.changeId, wrong)).toEqual(fail("wrong_code", "code"));
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.phone).toBe("+4520304050");
    expect(page.confirmContactChange(token, s.value.changeId, code)).toEqual(ok());
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()).toMatchObject({
      phone: "+4560708090",
      language: "uk",
    });
    expect(page.confirmContactChange(token, s.value.changeId, code)).toEqual(fail("code_expired", "code"));
  });
  it("'call me' tells the coordinators once until it is handled", () => {
    const { mentee } = startedCourse();
    const token = page.issueCitizenLink(db(), mentee.id).split("/mig/")[1];
    expect(page.requestCall(token)).toEqual(ok());
    expect(page.requestCall(token)).toEqual(fail("already"));
    expect(
      db().select().from(schema.messages).where(like(schema.messages.idempotencyKey, "call-request:%")).all().length,
    ).toBeGreaterThan(0);
    const [open] = page.openCallRequests(mentee.id);
    expect(page.markCallHandled(coordinator, mentee.id, open.id)).toEqual(ok());
    expect(page.markCallHandled(coordinator, mentee.id, open.id)).toEqual(fail("between.citizen.callGone"));
    expect(page.requestCall(token)).toEqual(ok());
  });
  it("a welcome message carries a live page link that staff see masked, and the outbox renders its SMS", async () => {
    const { mentee } = startedCourse();
    expect(page.sendCitizenLink(coordinator, mentee.id, { via: "coordinator", replace: true })).toEqual(ok());
    const m = db()
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.template, "citizen_page_link"), eq(schema.messages.subjectId, mentee.id)))
      .get()!;
    expect(String(m.data.pageUrl)).toMatch(/\/mig\/•••$/);
    expect(String(m.secrets!.pageUrl)).toMatch(/\/mig\/[A-Za-z0-9_-]{22}$/);
    expect(await drainOutbox()).toBeGreaterThan(0);
  });
  it("erasure takes the pair's words and the pending changes, closes every link, and the export shows it all first", () => {
    const { mentorUser, course, mentee } = startedCourse();
    planned.planMeeting(mentorUser, course.id, {
      ...ahead(4, "11:00"),
      minutes: 60,
      form: "in_person",
      place: "Hos Amal",
      agenda: "CV",
    });
    goals.addGoal(mentorUser, course.id, { kind: "own", text: "Kørekort til lastbil" });
    const token = page.issueCitizenLink(db(), mentee.id).split("/mig/")[1];
    expect(page.startContactChange(token, { phone: "+4560708091" }).ok).toBe(true);
    const exported = privacy.exportPerson("mentee", mentee.id, all, coordinator)!;
    expect(exported).toMatchObject({
      plannedMeetings: [{ place: "Hos Amal" }],
      goals: [{ text: "Kørekort til lastbil" }],
      contactChanges: [{ newPhone: "+4560708091" }],
    });
    expect(JSON.stringify(exported)).not.toContain("codeHash");
    expect(privacy.erasePerson("mentee", mentee.id, all, coordinator)).toBe(true);
    expect(
      db().select().from(schema.plannedMeetings).where(eq(schema.plannedMeetings.courseId, course.id)).get(),
    ).toMatchObject({ place: null, agenda: null });
    expect(
      db().select().from(schema.courseGoals).where(eq(schema.courseGoals.courseId, course.id)).get()!.text,
    ).toBeNull();
    expect(
      db()
        .select()
        .from(schema.citizenContactChanges)
        .where(eq(schema.citizenContactChanges.menteeId, mentee.id))
        .all(),
    ).toEqual([]);
    expect(page.citizenPageByToken(token).state).toBe("closed");
  });
});
