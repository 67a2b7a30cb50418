import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../../app/db.server";
import { seedDemo } from "../../db/seed/demo";
import * as schema from "../../db/schema";
import * as signup from "../../app/services/volunteers.server";
import * as screening from "../../app/services/mentor-screening.server";
import * as home from "../../app/services/mentor-home.server";
import * as guidance from "../../app/services/guidance.server";
import { isMatchable } from "../../app/domain/mentor-status";
import { today } from "../../app/utils/clock";
import { testDb } from "../support/test-db";
import { fail, ok } from "../../app/services/kernel.server";
import { createRng, insertMentor } from "../../db/factories";

const v = { ...signup, ...screening, ...home };

const input = {
  firstName: "Karen",
  lastName: "Holm",
  email: "karen.holm@example.dk",
  phone: "+4520304050",
  postcode: "8000",
  municipalityCode: 751,
  travelKm: 15,
  employer: undefined,
  jobTitle: "Projektleder",
  industryCode: "41",
  networkIndustryCodes: ["43"],
  yearsExperience: 12,
  isManager: true,
  languages: ["ar"],
  gender: undefined,
  menteeGenderPreference: "none" as const,
  offers: ["cv" as const],
  earliestStart: undefined,
  capacity: 1,
  motivation: "Jeg vil gerne hjælpe.",
  consentData: true,
  consentConfidentiality: true,
  website: undefined,
};
const coordinator = { id: 0, role: "coordinator" };
const count = (t: typeof schema.mentors | typeof schema.consents) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t)
    .get()!.n;
const messagesTo = (email: string, template: string) =>
  db()
    .select()
    .from(schema.messages)
    .where(and(eq(schema.messages.recipient, email), eq(schema.messages.template, template)))
    .all();

beforeAll(async () => {
  testDb();
  await seedDemo(db());
  coordinator.id = db().select().from(schema.users).where(eq(schema.users.role, "coordinator")).get()!.id;
});

describe("the volunteer journey", () => {
  let mentorId = 0;
  it("signs up: one mentor, two consents with the text version, a verification email", () => {
    const before = count(schema.mentors);
    expect(v.signUpVolunteer(input, "da", "10.0.0.1")).toEqual(ok());
    expect(count(schema.mentors)).toBe(before + 1);
    const m = db().select().from(schema.mentors).where(eq(schema.mentors.email, input.email)).get()!;
    mentorId = m.id;
    expect(m.status).toBe("applied");
    expect(m.emailVerifiedAt).toBeNull();
    const c = db()
      .select()
      .from(schema.consents)
      .where(and(eq(schema.consents.subjectType, "mentor"), eq(schema.consents.subjectId, m.id)))
      .all();
    expect(c.map((x) => x.purpose).sort()).toEqual(["mentor_confidentiality", "mentor_data_processing"]);
    expect(messagesTo(input.email, "mentor_verify")).toHaveLength(1);
  });
  it("does not create a second mentor for the same email; an unverified one gets a fresh link", () => {
    const before = count(schema.mentors);
    v.signUpVolunteer({ ...input, firstName: "Anden" }, "da", "10.0.0.2");
    expect(count(schema.mentors)).toBe(before);
    expect(messagesTo(input.email, "mentor_verify")).toHaveLength(2);
  });
  it("tells a known, verified person what to do instead of signing them up again", () => {
    const known = db().select().from(schema.mentors).where(eq(schema.mentors.status, "approved")).get()!;
    const before = count(schema.mentors);
    v.signUpVolunteer({ ...input, email: known.email }, "en", "10.0.0.3");
    expect(count(schema.mentors)).toBe(before);
    expect(messagesTo(known.email, "mentor_already_registered")).toHaveLength(1);
  });
  it("verifies with the latest link only, creating the account once", async () => {
    // The live link is kept apart from the message's data (which holds it masked) until the email is sent.
    const urls = messagesTo(input.email, "mentor_verify").map((m) => String(m.secrets!.url));
    expect(
      messagesTo(input.email, "mentor_verify").every((m) => String(m.data.url).endsWith("/bliv-mentor/bekraeft/•••")),
    ).toBe(true);
    const tokenOf = (u: string) => u.split("/").pop()!;
    expect(await v.completeVerification(tokenOf(urls[0]), "en lang sætning")).toEqual(fail(v.VERIFY_INVALID));
    const done = await v.completeVerification(tokenOf(urls[1]), "en lang sætning");
    const userId = done.ok ? done.value : 0;
    expect(userId).toBeGreaterThan(0);
    expect(await v.completeVerification(tokenOf(urls[1]), "en lang sætning")).toEqual(fail(v.VERIFY_INVALID));
    const m = db().select().from(schema.mentors).where(eq(schema.mentors.id, mentorId)).get()!;
    expect(m.userId).toBe(userId);
    expect(m.emailVerifiedAt).not.toBeNull();
    expect(messagesTo(input.email, "mentor_next_steps")).toHaveLength(1);
  });
  it("refuses approval until the required screening steps are recorded", () => {
    expect(v.decideMentor(mentorId, "approve", undefined, coordinator)).toEqual(fail("volunteer.detail.illegal"));
    v.recordScreening(mentorId, { step: "screening_call", doneOn: today(), notes: "God samtale" }, coordinator);
    expect(db().select().from(schema.mentors).where(eq(schema.mentors.id, mentorId)).get()!.status).toBe("screening");
    expect(v.decideMentor(mentorId, "approve", undefined, coordinator)).toEqual(
      fail(v.missingSteps(["introduction", "confidentiality_declaration"])),
    );
    v.recordScreening(mentorId, { step: "introduction", doneOn: today(), form: "online" }, coordinator);
    v.recordScreening(mentorId, { step: "confidentiality_declaration", doneOn: today() }, coordinator);
    expect(v.listMatchableMentors().some((m) => m.id === mentorId)).toBe(false);
    expect(v.decideMentor(mentorId, "approve", undefined, coordinator)).toEqual(ok({ to: "approved" }));
    // Approved, but not matchable until the mentor has marked the introduction read (issue 21).
    expect(v.listMatchableMentors().some((m) => m.id === mentorId)).toBe(false);
    const userId = db().select().from(schema.mentors).where(eq(schema.mentors.id, mentorId)).get()!.userId!;
    expect(guidance.markIntroductionRead(userId)).toBe(true);
    expect(v.listMatchableMentors().some((m) => m.id === mentorId)).toBe(true);
    const pages = guidance.introductionFor(userId, "da")!;
    expect(pages.readAt).not.toBeNull();
    expect(pages.pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.pages.every((p) => p.read)).toBe(true);
    expect(messagesTo(input.email, "mentor_approved")).toHaveLength(1);
    const history = db()
      .select()
      .from(schema.statusChanges)
      .where(and(eq(schema.statusChanges.entityType, "mentor"), eq(schema.statusChanges.entityId, mentorId)))
      .all();
    expect(history.map((h) => h.toStatus)).toEqual(["applied", "screening", "approved"]);
  });
  it("leaves the pool while the mentor is on leave", () => {
    const userId = db().select().from(schema.mentors).where(eq(schema.mentors.id, mentorId)).get()!.userId!;
    v.setOwnAvailability(userId, today(), null);
    expect(v.listMatchableMentors().some((m) => m.id === mentorId)).toBe(false);
    v.setOwnAvailability(userId, null, null);
    expect(v.listMatchableMentors().some((m) => m.id === mentorId)).toBe(true);
  });
});

describe("the matchable pool", () => {
  it("agrees with the pure rule for every mentor in the demo data", () => {
    const day = today();
    const open = new Map(
      db()
        .select({ mentorId: schema.courses.mentorId, n: sql<number>`count(*)` })
        .from(schema.courses)
        .where(sql`${schema.courses.status} in ('approved','active','paused')`)
        .groupBy(schema.courses.mentorId)
        .all()
        .map((r) => [r.mentorId, r.n]),
    );
    const expected = db()
      .select()
      .from(schema.mentors)
      .all()
      .filter((m) => !m.anonymisedAt && isMatchable({ ...m, openCourses: open.get(m.id) ?? 0 }, day))
      .map((m) => m.id)
      .sort((a, b) => a - b);
    const actual = v.listMatchableMentors(db(), day).map((m) => m.id);
    expect(actual.length).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
  });
});

describe("the coordinator's start page", () => {
  it("counts the applications to screen with the queue's own query: unverified sign-ups are in neither", async () => {
    const { coordinatorCounts } = await import("../../app/services/dashboard.server");
    const before = coordinatorCounts().applied;
    const list = v.listApplications({ status: "to_screen" });
    expect(before).toBe(list.total);
    expect(list.rows).toHaveLength(list.total);
    // A flood of sign-ups nobody verified changes neither.
    for (let i = 0; i < 5; i++) v.signUpVolunteer({ ...input, email: `flood${i}@example.dk` }, "da", `10.9.0.${i}`);
    expect(coordinatorCounts().applied).toBe(before);
    expect(v.listApplications({ status: "to_screen" }).total).toBe(before);
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(schema.mentors)
        .where(sql`${schema.mentors.status} in ('applied','screening')`)
        .get()!.n,
    ).toBeGreaterThan(before);
  });
});

describe("the application queue", () => {
  it("pages both statuses to screen as one list, oldest first, with ties in id order", () => {
    const rng = createRng(16);
    const statuses = ["applied", "screening", "active", "rejected"] as const;
    // 90 sign-ups whose days interleave across the statuses, some on the very same instant.
    for (let i = 0; i < 90; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      insertMentor(db(), rng, [751, 101], {
        status: statuses[i % statuses.length],
        createdAt: `2020-03-${day}T0${i % 3}:00:00.000Z`,
      });
    }
    for (const filter of [
      { status: "to_screen" },
      { status: "to_screen", municipality: 751 },
      { status: "screening" },
    ]) {
      const first = v.listApplications(filter, 1);
      const pages = Array.from({ length: first.pages }, (_, i) => v.listApplications(filter, i + 1).rows);
      const wanted = db()
        .select({ id: schema.mentors.id })
        .from(schema.mentors)
        .where(
          and(
            sql`${schema.mentors.status} in ${filter.status === "to_screen" ? ["applied", "screening"] : [filter.status]}`,
            sql`${schema.mentors.emailVerifiedAt} is not null and ${schema.mentors.anonymisedAt} is null`,
            filter.municipality ? eq(schema.mentors.municipalityCode, filter.municipality) : undefined,
          ),
        )
        .orderBy(schema.mentors.createdAt, schema.mentors.id)
        .all()
        .map((r) => r.id);
      expect(first.pages).toBeGreaterThan(filter.status === "to_screen" && !filter.municipality ? 1 : 0);
      expect(pages.flat().map((r) => r.id)).toEqual(wanted);
      expect(first.total).toBe(wanted.length);
    }
  });
});

describe("the demo's people", () => {
  it("live in a postcode of their own municipality (the Aarhus mentor is not in 5418)", async () => {
    const { POSTCODES_BY_MUNICIPALITY } = await import("../../db/reference/postcodes");
    const { DEMO_USERS } = await import("../../db/seed/demo");
    const wrong = db()
      .select()
      .from(schema.mentors)
      .all()
      .filter(
        (m) =>
          POSTCODES_BY_MUNICIPALITY[m.municipalityCode] &&
          !POSTCODES_BY_MUNICIPALITY[m.municipalityCode].includes(m.postcode),
      )
      .map((m) => `${m.municipalityCode}:${m.postcode}`);
    expect(wrong).toEqual([]);
    const demo = db().select().from(schema.mentors).where(eq(schema.mentors.email, DEMO_USERS.mentor)).get()!;
    expect(demo.postcode).toMatch(/^8/);
  });
});
