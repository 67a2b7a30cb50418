import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as people from "../../app/services/privacy.server";
import * as exports from "../../app/services/privacy-export.server";
import * as erasure from "../../app/services/privacy-erasure.server";
import * as consentsService from "../../app/services/privacy-consents.server";
import * as retention from "../../app/services/retention.server";
import { enqueue } from "../../app/messaging/outbox.server";
import { addMonths } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { testDb } from "../support/test-db";

const privacy = { ...people, ...exports, ...erasure, ...consentsService, ...retention };

const rng = f.createRng(7);
const all = { kind: "all" } as const;
let coordinator: { id: number; role: string };
/** A coordinator withdraws one of a citizen's consents. */
const withdraw = (id: number, purpose: "sms" | "participation") =>
  privacy.withdrawConsent({ type: "mentee", id, purpose, scope: all, actor: coordinator });

function courseFor(menteeStatus: "completed" | "in_course", endedMonthsAgo: number | null) {
  const d = db();
  const mentor = f.insertMentor(d, rng, [751], { status: "active", employer: "Hemmelig ApS" });
  const mentee = f.insertMentee(d, rng, 751, {
    status: menteeStatus,
    availability: "Tirsdage",
    wishedOccupation: "Kok",
  });
  const start = addMonths(today(), -(endedMonthsAgo ?? 0) - 6);
  const course = f.insertCourse(d, {
    menteeId: mentee.id,
    mentorId: mentor.id,
    status: endedMonthsAgo == null ? "active" : "completed",
    startDate: start,
    plannedEndDate: addMonths(start, 6),
    endedOn: endedMonthsAgo == null ? null : addMonths(today(), -endedMonthsAgo),
  });
  d.insert(schema.meetings)
    .values({
      courseId: course.id,
      date: start,
      minutes: 90,
      form: "in_person",
      nextStep: "Ring til Jysk Byg om praktik",
    })
    .run();
  d.insert(schema.outcomes).values({ courseId: course.id, type: "job_full_time", outcomeDate: start }).run();
  f.giveConsents(
    d,
    "mentee",
    mentee.id,
    ["participation", "share_with_mentor", "sms"],
    new Date().toISOString(),
    coordinator.id,
  );
  enqueue({
    channel: "sms",
    recipient: mentee.phone!,
    template: "password_reset",
    locale: "da",
    data: { name: mentee.firstName, url: "https://mentorbro.dk/nulstil-adgangskode/eksempel" },
    subjectType: "mentee",
    subjectId: mentee.id,
  });
  return { mentor, mentee, course };
}

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
});

describe("erasure", () => {
  it("anonymises the person and free text, keeps course, hours and outcomes, and logs it", () => {
    const { mentee, course } = courseFor("completed", 4);
    expect(privacy.erasePerson("mentee", mentee.id, all, coordinator)).toBe(true);
    const d = db();
    const m = d.select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!;
    expect([m.firstName, m.lastName, m.phone, m.email, m.availability, m.wishedOccupation]).toEqual([
      privacy.ANONYMISED,
      privacy.ANONYMISED,
      null,
      null,
      null,
      null,
    ]);
    expect(m.anonymisedAt).toBeTruthy();
    expect(m.municipalityCode).toBe(751);
    expect(d.select().from(schema.meetings).where(eq(schema.meetings.courseId, course.id)).get()!.minutes).toBe(90);
    expect(d.select().from(schema.meetings).where(eq(schema.meetings.courseId, course.id)).get()!.nextStep).toBeNull();
    expect(d.select().from(schema.outcomes).where(eq(schema.outcomes.courseId, course.id)).all()).toHaveLength(1);
    const msgs = d.select().from(schema.messages).where(eq(schema.messages.subjectId, mentee.id)).all();
    expect(msgs.every((x) => x.recipient === privacy.ANONYMISED && x.status === "cancelled")).toBe(true);
    const log = d.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, mentee.id)).all();
    expect(log.some((r) => r.action === "anonymise" && r.entityType === "mentee")).toBe(true);
  });

  it("refuses a caseworker of another municipality", () => {
    const { mentee } = courseFor("completed", 4);
    expect(privacy.erasePerson("mentee", mentee.id, { kind: "municipality", code: 621 }, coordinator)).toBe(false);
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.firstName).not.toBe(
      privacy.ANONYMISED,
    );
  });

  it("ends a live course and frees the mentor when a mentee is erased", () => {
    const { mentee, mentor, course } = courseFor("in_course", null);
    privacy.erasePerson("mentee", mentee.id, all, coordinator);
    expect(db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!.status).toBe(
      "ended_early",
    );
    expect(db().select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.status).toBe("approved");
  });

  it("erases a mentor's account and sessions too", () => {
    const { mentor } = courseFor("completed", 5);
    const user = f.insertUser(db(), { role: "mentor" });
    db().update(schema.mentors).set({ userId: user.id }).where(eq(schema.mentors.id, mentor.id)).run();
    db()
      .insert(schema.sessions)
      .values({ idHash: `h-${user.id}`, userId: user.id, expiresAt: "2999-01-01T00:00:00.000Z" })
      .run();
    expect(privacy.erasePerson("mentor", mentor.id, all, coordinator)).toBe(true);
    const u = db().select().from(schema.users).where(eq(schema.users.id, user.id)).get()!;
    expect(u.active).toBe(false);
    expect(u.email).toMatch(/@invalid$/);
    expect(db().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id)).all()).toHaveLength(0);
    expect(db().select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!.employer).toBeNull();
  });
});

describe("export on request", () => {
  it("gathers the person, consents, courses, meetings, outcomes and messages, and logs the export", () => {
    const { mentee } = courseFor("completed", 2);
    const data = privacy.exportPerson("mentee", mentee.id, all, coordinator)!;
    expect(data.person.id).toBe(mentee.id);
    expect(data.consents.map((c) => c.purpose).sort()).toEqual(["participation", "share_with_mentor", "sms"]);
    expect(data.courses).toHaveLength(1);
    expect(data.meetings).toHaveLength(1);
    expect(data.outcomes).toHaveLength(1);
    expect(data.messages).toHaveLength(1);
    expect(data.accessLog.some((r) => r.action === "export")).toBe(true);
    expect(privacy.exportPerson("mentee", mentee.id, { kind: "municipality", code: 621 }, coordinator)).toBeNull();
  });
});

describe("retention", () => {
  it("anonymises only people whose courses ended longer ago than the retention period", async () => {
    privacy.setRetentionMonths(24, coordinator);
    const old = courseFor("completed", 30);
    const recent = courseFor("completed", 10);
    const due = privacy.dueForRetention(today());
    expect(due.menteeIds).toContain(old.mentee.id);
    expect(due.menteeIds).not.toContain(recent.mentee.id);
    await privacy.applyRetention(today());
    const name = (id: number) => db().select().from(schema.mentees).where(eq(schema.mentees.id, id)).get()!.firstName;
    expect(name(old.mentee.id)).toBe(privacy.ANONYMISED);
    expect(name(recent.mentee.id)).not.toBe(privacy.ANONYMISED);
    // Applying again finds nothing new (idempotent).
    expect(privacy.dueForRetention(today()).menteeIds).not.toContain(old.mentee.id);
    expect(privacy.countDueForRetention(today()).mentees).toBe(0);
  });

  it("works through everyone due in bounded chunks, and counts them with COUNT(*)", async () => {
    privacy.setRetentionMonths(24, coordinator);
    const olds = Array.from({ length: 5 }, () => courseFor("completed", 30));
    expect(privacy.countDueForRetention(today()).mentees).toBe(5);
    expect(privacy.dueForRetention(today(), db(), 2).menteeIds).toHaveLength(2);
    expect(await privacy.applyRetention(today(), db(), 2)).toMatchObject({ mentees: 5 });
    const names = olds.map(
      (o) => db().select().from(schema.mentees).where(eq(schema.mentees.id, o.mentee.id)).get()!.firstName,
    );
    expect(names).toEqual(new Array(5).fill(privacy.ANONYMISED));
    expect(privacy.countDueForRetention(today())).toEqual({ mentees: 0, mentors: 0 });
  });
});

describe("consent", () => {
  it("withdrawing SMS consent cancels queued SMS at once", () => {
    const { mentee } = courseFor("in_course", null);
    expect(withdraw(mentee.id, "sms")).toBe(true);
    const sms = db().select().from(schema.messages).where(eq(schema.messages.subjectId, mentee.id)).all();
    expect(sms.every((m) => m.status === "cancelled")).toBe(true);
    expect(db().select().from(schema.mentees).where(eq(schema.mentees.id, mentee.id)).get()!.smsOptOutAt).toBeTruthy();
    const c = privacy.listConsents("mentee", mentee.id).find((x) => x.purpose === "sms")!;
    expect(c.withdrawnAt).toBeTruthy();
    expect(c.withdrawnBy).toBe(coordinator.id);
  });
  it("withdrawing participation ends the course", () => {
    const { mentee, course } = courseFor("in_course", null);
    withdraw(mentee.id, "participation");
    const c = db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!;
    expect(c.status).toBe("ended_early");
    expect(c.endReason).toBe("consent_withdrawn");
  });
});

describe("the people on the other side of an ended course", () => {
  function beforeStart(menteeStatus: "waiting" | "matched", courseStatus: "proposed" | "approved") {
    const d = db();
    const mentor = f.insertMentor(d, rng, [751], { status: courseStatus === "approved" ? "active" : "approved" });
    const mentee = f.insertMentee(d, rng, 751, { status: menteeStatus });
    const course = f.insertCourse(d, { menteeId: mentee.id, mentorId: mentor.id, status: courseStatus });
    return { mentor, mentee, course };
  }
  const statusOf = (id: number) => db().select().from(schema.mentees).where(eq(schema.mentees.id, id)).get()!.status;
  const history = (id: number) =>
    db()
      .select()
      .from(schema.statusChanges)
      .where(sql`${schema.statusChanges.entityType} = 'mentee' and ${schema.statusChanges.entityId} = ${id}`)
      .all();

  it("withdraws a waiting citizen who withdraws participation before the start (never waiting → ended early)", () => {
    const { mentee, course } = beforeStart("waiting", "proposed");
    withdraw(mentee.id, "participation");
    expect(db().select().from(schema.courses).where(eq(schema.courses.id, course.id)).get()!.status).toBe(
      "ended_early",
    );
    expect(statusOf(mentee.id)).toBe("withdrawn");
    expect(history(mentee.id).map((h) => [h.fromStatus, h.toStatus])).toEqual([["waiting", "withdrawn"]]);
  });

  it("returns a matched citizen to the queue when the mentor is erased before the start, and frees nobody twice", () => {
    const { mentor, mentee } = beforeStart("matched", "approved");
    expect(privacy.erasePerson("mentor", mentor.id, all, coordinator)).toBe(true);
    expect(statusOf(mentee.id)).toBe("waiting");
    const m = db().select().from(schema.mentors).where(eq(schema.mentors.id, mentor.id)).get()!;
    expect(m.status).toBe("retired");
    const mentorHistory = db()
      .select()
      .from(schema.statusChanges)
      .where(sql`${schema.statusChanges.entityType} = 'mentor' and ${schema.statusChanges.entityId} = ${mentor.id}`)
      .all()
      .map((h) => [h.fromStatus, h.toStatus]);
    expect(mentorHistory).toEqual([
      ["active", "approved"],
      ["approved", "retired"],
    ]);
  });
});

describe("the access log", () => {
  it("is append-only", () => {
    const n = db()
      .select({ n: sql<number>`count(*)` })
      .from(schema.auditLog)
      .get()!.n;
    expect(n).toBeGreaterThan(0);
    expect(() => db().update(schema.auditLog).set({ action: "view" }).run()).toThrow(/append-only/);
    expect(() => db().delete(schema.auditLog).run()).toThrow(/append-only/);
  });

  it("keeps instants, actions and roles as written (numbers in the row), and finds a period and a filter by id range", async () => {
    const { searchAuditLog } = await import("../../app/services/audit.server");
    const d = db();
    // Rows are written when they happen (ids in time order): these come after everything in the log, in the future.
    const put = (at: string, action: "view" | "update", role: "caseworker" | "citizen") =>
      d
        .insert(schema.auditLog)
        .values({ at, actorUserId: coordinator.id, actorRole: role, action, entityType: "period_test", entityId: 1 })
        .returning({ id: schema.auditLog.id })
        .get().id;
    const ids = [
      put("2099-03-01T08:00:00.000Z", "view", "caseworker"),
      put("2099-03-02T23:59:59.999Z", "update", "citizen"),
      put("2099-03-03T00:00:00.000Z", "view", "citizen"),
    ];
    const raw = d.$client.prepare("SELECT at, action, actor_role AS role FROM audit_log WHERE id = ?").get(ids[1]) as {
      at: number;
      action: number;
      role: number;
    };
    expect(raw).toEqual({ at: Date.parse("2099-03-02T23:59:59.999Z"), action: 2, role: 4 });
    expect(d.select().from(schema.auditLog).where(eq(schema.auditLog.id, ids[1])).get()).toMatchObject({
      at: "2099-03-02T23:59:59.999Z",
      action: "update",
      actorRole: "citizen",
    });
    const found = (f: Parameters<typeof searchAuditLog>[0]) =>
      searchAuditLog({ entityType: "period_test", ...f }).rows.map((r) => r.id);
    expect(found({ from: "2099-03-01", to: "2099-03-02" })).toEqual([ids[1], ids[0]]);
    expect(found({ from: "2099-03-02", to: "2099-03-03", action: "view" })).toEqual([ids[2]]);
    expect(found({ from: "2099-03-04" })).toEqual([]);
    expect(found({ to: "2099-02-28" })).toEqual([]);
    expect(() =>
      d
        .insert(schema.auditLog)
        .values({ actorRole: "robot" as "citizen", action: "view", entityType: "x" })
        .run(),
    ).toThrow(/unknown value robot/);
  });
});
