/**
 * The volunteer journey: online sign-up, email verification (which also sets the password), the coordinator's
 * screening and decision, the mentor's own profile and availability, and the matchable-pool query other features call.
 * Every write is one transaction; every message goes through the outbox in that transaction.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, gt, sql, type SQL } from "drizzle-orm";
import {
  consents,
  courses,
  industries,
  mentees,
  mentorScreenings,
  mentors,
  municipalities,
  statusChanges,
  users,
  verificationTokens,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import type { MentorStatus, ScreeningStep, UiLocale } from "../domain/enums";
import { availableActions, missingForApproval, targetOf, type MentorAction } from "../domain/mentor-status";
import { hashPassword } from "../auth/password.server";
import { hit } from "../auth/rate-limit.server";
import { addressKey } from "../auth/client-address";
import { newToken, sha256 } from "../auth/tokens.server";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { now, nowIso, today } from "../utils/clock";
import { matchableCondition, openCourseCount } from "./mentor-pool";
import { countRows, qualified } from "../utils/sql";
import { commitmentsFor } from "./course-reads.server";
import { paged, SUB_PAGE_SIZE } from "../domain/paging";
import { MENTOR_CONSENT_VERSION, type MentorProfileInput, type VolunteerSignupInput } from "../schemas/volunteer";
import { absoluteUrl, transaction, type Actor, type Tx } from "./kernel.server";
import { mustChangeStatus } from "./status.server";

const VERIFY_TTL_MS = 48 * 3600_000;
/** Places a course occupies on the mentor's capacity. */
const OPEN_COURSE: ("approved" | "active" | "paused")[] = ["approved", "active", "paused"];

/* ------------------------------------------------------------------ sign-up and verification */

export type SignupResult = { kind: "ok" } | { kind: "rate_limited" };

function issueVerification(tx: Tx, mentor: { id: number; email: string; firstName: string; locale: UiLocale }) {
  const token = newToken();
  tx.update(verificationTokens)
    .set({ usedAt: nowIso() })
    .where(
      and(
        eq(verificationTokens.purpose, "email_verification"),
        eq(verificationTokens.subjectType, "mentor"),
        eq(verificationTokens.subjectId, mentor.id),
        isNull(verificationTokens.usedAt),
      ),
    )
    .run();
  tx.insert(verificationTokens)
    .values({
      purpose: "email_verification",
      tokenHash: sha256(token),
      subjectType: "mentor",
      subjectId: mentor.id,
      email: mentor.email,
      expiresAt: new Date(now().getTime() + VERIFY_TTL_MS).toISOString(),
    })
    .run();
  enqueue(
    {
      channel: "email",
      recipient: mentor.email,
      template: "mentor_verify",
      locale: mentor.locale,
      data: { name: mentor.firstName, url: absoluteUrl(`/bliv-mentor/bekraeft/${token}`) },
      subjectType: "mentor",
      subjectId: mentor.id,
    },
    tx,
  );
}

/**
 * Signs a volunteer up. The answer is the same whether the email is new or known, so the page reveals nothing:
 * a new address gets a verification link; an unverified one a fresh link; a known, verified one an email saying
 * what to do (log in or reset the password).
 */
export function signUpVolunteer(input: VolunteerSignupInput, locale: UiLocale, address: string): SignupResult {
  if (
    !hit(`signup:ip:${addressKey(address)}`, 10, 60 * 60_000) ||
    !hit(`signup:email:${sha256(input.email)}`, 3, 60 * 60_000)
  ) {
    return { kind: "rate_limited" };
  }
  transaction((tx) => {
    const existing = tx.select().from(mentors).where(eq(mentors.email, input.email)).get();
    const existingUser = tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, input.email))
      .get();
    if (existing && !existing.emailVerifiedAt && !existingUser) {
      issueVerification(tx, { ...existing, locale });
      return;
    }
    if (existing || existingUser) {
      enqueue(
        {
          channel: "email",
          recipient: input.email,
          template: "mentor_already_registered",
          locale,
          data: { loginUrl: absoluteUrl("/login"), resetUrl: absoluteUrl("/glemt-adgangskode") },
          subjectType: existing ? "mentor" : "user",
          subjectId: existing?.id ?? existingUser?.id,
        },
        tx,
      );
      return;
    }
    const mentor = tx
      .insert(mentors)
      .values({
        ...profileValues(input),
        email: input.email,
        status: "applied",
        locale,
        recruitmentSource: input.source ?? null,
      })
      .returning()
      .get();
    const at = nowIso();
    tx.insert(consents)
      .values([
        {
          subjectType: "mentor",
          subjectId: mentor.id,
          purpose: "mentor_data_processing",
          textVersion: MENTOR_CONSENT_VERSION,
          givenAt: at,
        },
        {
          subjectType: "mentor",
          subjectId: mentor.id,
          purpose: "mentor_confidentiality",
          textVersion: MENTOR_CONSENT_VERSION,
          givenAt: at,
        },
      ])
      .run();
    mustChangeStatus(tx, { entity: "mentor", id: mentor.id, from: null, to: "applied", actor: null, audit: false });
    audit(null, "create", "mentor", mentor.id, { via: "signup" }, tx);
    issueVerification(tx, { ...mentor, locale });
  });
  return { kind: "ok" };
}

function profileValues(input: MentorProfileInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone,
    postcode: input.postcode,
    municipalityCode: input.municipalityCode,
    travelKm: input.travelKm,
    employer: input.employer ?? null,
    jobTitle: input.jobTitle,
    industryCode: input.industryCode,
    networkIndustryCodes: [...new Set(input.networkIndustryCodes)],
    yearsExperience: input.yearsExperience,
    isManager: input.isManager,
    languages: [...new Set(input.languages)],
    gender: input.gender ?? null,
    menteeGenderPreference: input.menteeGenderPreference,
    offers: [...new Set(input.offers)],
    earliestStart: input.earliestStart ?? null,
    capacity: input.capacity,
    motivation: input.motivation,
  };
}

function validVerification(token: string) {
  return db()
    .select()
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, sha256(token)),
        eq(verificationTokens.purpose, "email_verification"),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, nowIso()),
      ),
    )
    .get();
}

/** For the verification page: is the link good, and whose first name to greet. */
export function verificationInfo(token: string): { valid: false } | { valid: true; firstName: string } {
  const row = validVerification(token);
  if (!row?.subjectId) return { valid: false };
  const m = db()
    .select({ firstName: mentors.firstName, userId: mentors.userId })
    .from(mentors)
    .where(eq(mentors.id, row.subjectId))
    .get();
  return m && !m.userId ? { valid: true, firstName: m.firstName } : { valid: false };
}

/**
 * Confirms the email and creates the mentor's account with the chosen password, in one step (the GET of the link
 * changes nothing, so mail scanners cannot use it up). Returns the new user id, or null if the link is no good.
 */
export async function completeVerification(token: string, password: string): Promise<number | null> {
  const row = validVerification(token);
  if (!row?.subjectId) return null;
  const passwordHash = await hashPassword(password);
  const mentorId = row.subjectId;
  return db().transaction((tx) => {
    const used = tx
      .update(verificationTokens)
      .set({ usedAt: nowIso() })
      .where(and(eq(verificationTokens.id, row.id), isNull(verificationTokens.usedAt)))
      .run().changes;
    if (used !== 1) return null;
    const m = tx.select().from(mentors).where(eq(mentors.id, mentorId)).get();
    if (!m || m.userId || m.anonymisedAt) return null;
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, m.email)).get()) return null;
    const at = nowIso();
    const user = tx
      .insert(users)
      .values({
        email: m.email,
        name: `${m.firstName} ${m.lastName}`,
        role: "mentor",
        passwordHash,
        locale: m.locale,
        emailVerifiedAt: at,
      })
      .returning({ id: users.id })
      .get();
    tx.update(mentors).set({ userId: user.id, emailVerifiedAt: at }).where(eq(mentors.id, m.id)).run();
    enqueue(
      {
        channel: "email",
        recipient: m.email,
        template: "mentor_next_steps",
        locale: m.locale,
        data: { name: m.firstName, url: absoluteUrl("/mentor") },
        subjectType: "mentor",
        subjectId: m.id,
        idempotencyKey: `mentor_next_steps:${m.id}`,
      },
      tx,
    );
    audit({ id: user.id, role: "mentor" }, "update", "mentor", m.id, { verified: true }, tx);
    return user.id;
  });
}

/* ------------------------------------------------------------------ the matchable pool */

/** Every mentor who can take a mentee today, with their free places. Other features (matching) call this. */
export function listMatchableMentors(d: Db = db(), onDay: string = today()) {
  return d
    .select({
      mentor: mentors,
      openCourses: openCourseCount(),
    })
    .from(mentors)
    .where(matchableCondition(onDay))
    .orderBy(asc(mentors.id))
    .all()
    .map((r) => ({ ...r.mentor, openCourses: r.openCourses, freePlaces: r.mentor.capacity - r.openCourses }));
}

/* ------------------------------------------------------------------ coordinator: queue and detail */

export type QueueFilter = { status: string; municipality?: number; section?: string };

/**
 * Which mentors an application list shows: verified sign-ups only (an unverified one has not confirmed their email
 * and is purged after 30 days), never anonymised ones. The list and every count of it (the coordinator's start page)
 * use this one condition.
 */
function applicationConditions(f: QueueFilter): SQL {
  const conds: (SQL | undefined)[] = [isNotNull(mentors.emailVerifiedAt), isNull(mentors.anonymisedAt)];
  if (f.status === "to_screen") conds.push(inArray(mentors.status, ["applied", "screening"]));
  else if (f.status !== "all") conds.push(eq(mentors.status, f.status as MentorStatus));
  if (f.municipality) conds.push(eq(mentors.municipalityCode, f.municipality));
  if (f.section)
    conds.push(
      sql`${mentors.industryCode} in (select ${industries.code} from ${industries} where ${industries.section} = ${f.section})`,
    );
  return and(...conds)!;
}

/** How many applications a filter shows (the start page's "to screen" figure is `countApplications({ status: "to_screen" })`). */
export function countApplications(f: QueueFilter, d: Db = db()): number {
  return countRows(d, mentors, applicationConditions(f));
}

/** The application queue, oldest first: one page and the true total (the same conditions as the count). */
export function listApplications(f: QueueFilter, page = 1) {
  const d = db();
  const where = applicationConditions(f);
  return paged(
    page,
    () => countApplications(f, d),
    (limit, offset) =>
      d
        .select({
          id: mentors.id,
          firstName: mentors.firstName,
          lastName: mentors.lastName,
          status: mentors.status,
          createdAt: mentors.createdAt,
          municipality: municipalities.name,
          industryCode: mentors.industryCode,
          industryDa: industries.labelDa,
          industryEn: industries.labelEn,
          jobTitle: mentors.jobTitle,
          steps: sql<number>`(select count(distinct ${mentorScreenings.step}) from ${mentorScreenings} where ${qualified(mentorScreenings.mentorId)} = ${qualified(mentors.id)})`,
        })
        .from(mentors)
        .innerJoin(municipalities, eq(municipalities.code, mentors.municipalityCode))
        .innerJoin(industries, eq(industries.code, mentors.industryCode))
        .where(where)
        .orderBy(asc(mentors.createdAt), asc(mentors.id))
        .limit(limit)
        .offset(offset)
        .all(),
  );
}

export function mentorFilterOptions() {
  const d = db();
  return {
    municipalities: d
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name))
      .all(),
    sections: d
      .select({ code: industries.code, labelDa: industries.labelDa, labelEn: industries.labelEn })
      .from(industries)
      .where(eq(industries.level, "section"))
      .orderBy(asc(industries.code))
      .all(),
  };
}

/**
 * The mentor detail for coordinators: profile, screening, and the two lists that grow with the years (courses and
 * status history), a page of each. The read is logged.
 */
export function getMentorForStaff(id: number, viewer: Actor, pages: { courses?: number; history?: number } = {}) {
  const d = db();
  const m = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!m) return null;
  audit(viewer, "view", "mentor", id);
  const muni = d
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, m.municipalityCode))
    .get();
  // The mentor's own industry and network: a handful of codes (the profile form's limit).
  const codes = [m.industryCode, ...m.networkIndustryCodes].slice(0, 10);
  const inds = d.select().from(industries).where(inArray(industries.code, codes)).all();
  const screenings = d
    .select({
      id: mentorScreenings.id,
      step: mentorScreenings.step,
      doneOn: mentorScreenings.doneOn,
      form: mentorScreenings.form,
      notes: mentorScreenings.notes,
      by: users.name,
      createdAt: mentorScreenings.createdAt,
    })
    .from(mentorScreenings)
    .leftJoin(users, eq(users.id, mentorScreenings.recordedBy))
    .where(eq(mentorScreenings.mentorId, id))
    .orderBy(asc(mentorScreenings.doneOn), asc(mentorScreenings.id))
    .all();
  const historyWhere = and(eq(statusChanges.entityType, "mentor"), eq(statusChanges.entityId, id));
  const history = paged(
    pages.history ?? 1,
    () => countRows(d, statusChanges, historyWhere),
    (limit, offset) =>
      d
        .select({
          id: statusChanges.id,
          fromStatus: statusChanges.fromStatus,
          toStatus: statusChanges.toStatus,
          reason: statusChanges.reason,
          at: statusChanges.at,
          by: users.name,
        })
        .from(statusChanges)
        .leftJoin(users, eq(users.id, statusChanges.byUserId))
        .where(historyWhere)
        .orderBy(desc(statusChanges.at), desc(statusChanges.id))
        .limit(limit)
        .offset(offset)
        .all(),
    SUB_PAGE_SIZE,
  );
  const courseRows = paged(
    pages.courses ?? 1,
    () => countRows(d, courses, eq(courses.mentorId, id)),
    (limit, offset) =>
      d
        .select({
          id: courses.id,
          status: courses.status,
          startDate: courses.startDate,
          plannedEndDate: courses.plannedEndDate,
          endedOn: courses.endedOn,
          menteeId: mentees.id,
          menteeFirstName: mentees.firstName,
          municipality: municipalities.name,
        })
        .from(courses)
        .innerJoin(mentees, eq(mentees.id, courses.menteeId))
        .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
        .where(eq(courses.mentorId, id))
        .orderBy(desc(courses.proposedAt), desc(courses.id))
        .limit(limit)
        .offset(offset)
        .all(),
    SUB_PAGE_SIZE,
  );
  const open = countRows(d, courses, and(eq(courses.mentorId, id), inArray(courses.status, OPEN_COURSE)));
  const doneSteps = [...new Set(screenings.map((s) => s.step))];
  return {
    mentor: m,
    municipality: muni?.name ?? "",
    industries: inds,
    screenings,
    history,
    courses: courseRows,
    openCourses: open,
    missingForApproval: missingForApproval(doneSteps),
    actions: availableActions(m.status, open > 0),
  };
}

export type ScreeningInput = { step: ScreeningStep; doneOn: string; form?: string; notes?: string };

/** Records one screening step; the first step moves an application into screening. */
export function recordScreening(id: number, input: ScreeningInput, actor: Actor): boolean {
  return transaction((tx) => {
    const m = tx.select({ status: mentors.status }).from(mentors).where(eq(mentors.id, id)).get();
    if (!m) return false;
    tx.insert(mentorScreenings)
      .values({
        mentorId: id,
        step: input.step,
        doneOn: input.doneOn,
        recordedBy: actor.id,
        form: input.step === "introduction" ? (input.form ?? null) : null,
        notes: input.step === "criminal_record_check" ? null : (input.notes ?? null),
      })
      .run();
    // The screening step's own access-log entry covers the move into screening.
    if (m.status === "applied")
      mustChangeStatus(tx, { entity: "mentor", id, from: "applied", to: "screening", actor, audit: false });
    audit(actor, "update", "mentor", id, { screening: input.step }, tx);
    return true;
  });
}

export type DecisionResult =
  | { ok: true; to: MentorStatus }
  | { ok: false; error: "not_found" | "illegal" | "missing_steps"; missing?: ScreeningStep[] };

/** A coordinator's decision: start screening, approve, reject (with a kind email), pause, resume, retire. */
export function decideMentor(
  id: number,
  action: MentorAction,
  reason: string | undefined,
  actor: Actor,
): DecisionResult {
  return transaction((tx): DecisionResult => {
    const m = tx.select().from(mentors).where(eq(mentors.id, id)).get();
    if (!m || m.anonymisedAt) return { ok: false, error: "not_found" };
    const open =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(courses)
        .where(and(eq(courses.mentorId, id), inArray(courses.status, OPEN_COURSE)))
        .get()?.n ?? 0;
    if (!availableActions(m.status, open > 0).includes(action)) return { ok: false, error: "illegal" };
    let to = targetOf(action);
    if (action === "resume" && open > 0) to = "active";
    if (action === "approve") {
      const done = tx
        .selectDistinct({ step: mentorScreenings.step })
        .from(mentorScreenings)
        .where(eq(mentorScreenings.mentorId, id))
        .all()
        .map((r) => r.step);
      const missing = missingForApproval(done);
      if (missing.length) return { ok: false, error: "missing_steps", missing };
    }
    mustChangeStatus(tx, {
      entity: "mentor",
      id,
      from: m.status,
      to,
      reason: reason ?? null,
      actor,
      set: { rejectionReason: action === "reject" ? (reason ?? null) : m.rejectionReason },
    });
    if (action === "approve" || action === "reject") {
      enqueue(
        {
          channel: "email",
          recipient: m.email,
          template: action === "approve" ? "mentor_approved" : "mentor_rejected",
          locale: m.locale,
          data: { name: m.firstName, url: absoluteUrl("/mentor") },
          subjectType: "mentor",
          subjectId: id,
        },
        tx,
      );
    }
    return { ok: true, to };
  });
}

/* ------------------------------------------------------------------ the mentor's own pages */

export function getOwnMentor(userId: number) {
  return db().select().from(mentors).where(eq(mentors.userId, userId)).get() ?? null;
}

/** The mentor's start page: application status, screening steps done, and their mentee(s), minimal profile only. */
export function mentorHome(userId: number) {
  const d = db();
  const m = getOwnMentor(userId);
  if (!m) return null;
  const steps = d
    .selectDistinct({ step: mentorScreenings.step })
    .from(mentorScreenings)
    .where(eq(mentorScreenings.mentorId, m.id))
    .all()
    .map((r) => r.step);
  const rows = d
    .select({
      id: courses.id,
      status: courses.status,
      startDate: courses.startDate,
      plannedEndDate: courses.plannedEndDate,
      targetHoursPerMonth: courses.targetHoursPerMonth,
      endedOn: courses.endedOn,
      menteeFirstName: mentees.firstName,
      municipality: municipalities.name,
    })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(courses.mentorId, m.id), inArray(courses.status, OPEN_COURSE)))
    .orderBy(asc(courses.startDate))
    .all();
  // Hours at a glance: this course month and in all, and what is still due this month.
  const hours = commitmentsFor(rows, d);
  const myCourses = rows.map((c) => {
    const com = hours.get(c.id);
    return {
      ...c,
      hours: com
        ? {
            status: com.status,
            totalLogged: com.totalLogged,
            totalTarget: com.totalTarget,
            dueThisMonth: com.dueThisMonth,
            month: com.currentMonth
              ? {
                  index: com.currentMonth.index,
                  logged: com.currentMonth.loggedHours,
                  target: com.currentMonth.targetHours,
                  to: com.currentMonth.to,
                }
              : null,
          }
        : null,
    };
  });
  const muni = d
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, m.municipalityCode))
    .get();
  const inds = d
    .select()
    .from(industries)
    .where(inArray(industries.code, [m.industryCode, ...m.networkIndustryCodes].slice(0, 10)))
    .all();
  return { mentor: m, municipality: muni?.name ?? "", industries: inds, steps, courses: myCourses };
}

export function updateOwnProfile(userId: number, input: MentorProfileInput): boolean {
  return db().transaction((tx) => {
    const m = tx.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get();
    if (!m) return false;
    tx.update(mentors).set(profileValues(input)).where(eq(mentors.id, m.id)).run();
    tx.update(users)
      .set({ name: `${input.firstName} ${input.lastName}` })
      .where(eq(users.id, userId))
      .run();
    audit({ id: userId, role: "mentor" }, "update", "mentor", m.id, { fields: "profile" }, tx);
    return true;
  });
}

/** The mentor's own leave: not matchable between the dates (an open end means until they clear it). */
export function setOwnAvailability(userId: number, pausedFrom: string | null, pausedTo: string | null): boolean {
  return db().transaction((tx) => {
    const m = tx.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get();
    if (!m) return false;
    tx.update(mentors).set({ pausedFrom, pausedTo }).where(eq(mentors.id, m.id)).run();
    audit({ id: userId, role: "mentor" }, "update", "mentor", m.id, { fields: "availability" }, tx);
    return true;
  });
}

/** Options for the sign-up and profile forms (municipalities, DB07 sections and divisions). */
export function signupOptions() {
  const d = db();
  const industry = (level: "section" | "division") =>
    d
      .select({
        code: industries.code,
        section: industries.section,
        labelDa: industries.labelDa,
        labelEn: industries.labelEn,
      })
      .from(industries)
      .where(eq(industries.level, level))
      .orderBy(asc(industries.code))
      .all();
  return {
    municipalities: d
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name))
      .all(),
    sections: industry("section"),
    divisions: industry("division"),
  };
}

/**
 * Sign-ups never verified are removed after 30 days (they have given nothing but a wish to help). The stale sign-ups
 * are a condition, used as a subquery by every delete: no list of ids.
 */
export function purgeUnverifiedSignups(d: Db = db()): number {
  const cutoff = new Date(now().getTime() - 30 * 24 * 3600_000).toISOString();
  return d.transaction((tx) => {
    const staleCond = and(
      isNull(mentors.emailVerifiedAt),
      isNull(mentors.userId),
      eq(mentors.status, "applied"),
      sql`${mentors.createdAt} < ${cutoff}`,
    );
    const stale = tx.select({ id: mentors.id }).from(mentors).where(staleCond);
    tx.delete(consents)
      .where(and(eq(consents.subjectType, "mentor"), inArray(consents.subjectId, stale)))
      .run();
    tx.delete(statusChanges)
      .where(and(eq(statusChanges.entityType, "mentor"), inArray(statusChanges.entityId, stale)))
      .run();
    tx.delete(verificationTokens)
      .where(and(eq(verificationTokens.subjectType, "mentor"), inArray(verificationTokens.subjectId, stale)))
      .run();
    return tx.delete(mentors).where(staleCond).run().changes;
  });
}

/** For the public landing page: the partner municipalities' names. */
export function partnerMunicipalityNames(): string[] {
  return db()
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.isPartner, true))
    .orderBy(asc(municipalities.name))
    .all()
    .map((r) => r.name);
}
