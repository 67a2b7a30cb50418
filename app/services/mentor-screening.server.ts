/**
 * The coordinator's side of the volunteers: the application queue and its counts, a mentor's record (screening,
 * courses, status history), screening steps and decisions (approve, reject, pause, resume, retire), and the pool of
 * mentors who can take a mentee today. Status changes go through the status path (decision 021).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { courses, mentees, mentorScreenings, mentors, municipalities, users } from "../../db/schema";
import { unionAll } from "drizzle-orm/sqlite-core";
import { db, type Db } from "../db.server";
import { codesInSection, industriesByCodes, industryByCode } from "../domain/industries";
import { occupyingCourseStatuses, type MentorStatus, type ScreeningStep } from "../domain/enums";
import { availableActions, missingForApproval, targetOf, type MentorAction } from "../domain/mentor-status";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { today } from "../utils/clock";
import { matchableCondition, openCourseCount } from "./mentor-pool";
import { countRows, pagedByKeys, pagedQuery, qualified, childRows } from "../utils/sql";
import { keptTotal } from "./page-cache.server";
import { SUB_PAGE_SIZE } from "../domain/paging";
import { statusHistoryPage } from "./status-history.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type Result } from "./kernel.server";
import { mustChangeStatus } from "./status.server";
import { withCitizen } from "./joins.server";

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

/** The statuses a queue filter names: "to screen" is two of them, "all" sets no condition. */
function statusesOf(f: QueueFilter): readonly MentorStatus[] | null {
  if (f.status === "to_screen") return ["applied", "screening"];
  return f.status === "all" ? null : [f.status as MentorStatus];
}

/**
 * Which mentors an application list shows, apart from the status: verified sign-ups only (an unverified one has not
 * confirmed their email and is purged after 30 days), never anonymised ones.
 */
function applicationScope(f: QueueFilter): SQL {
  const conds: (SQL | undefined)[] = [isNotNull(mentors.emailVerifiedAt), isNull(mentors.anonymisedAt)];
  if (f.municipality) conds.push(eq(mentors.municipalityCode, f.municipality));
  // A section's codes: at most the section and its divisions (the DB07 vocabulary, not a table read).
  if (f.section) conds.push(inArray(mentors.industryCode, codesInSection(f.section)));
  return and(...conds)!;
}

/** The list's whole condition. Every count of it (the coordinator's start page) uses this one. */
function applicationConditions(f: QueueFilter): SQL {
  const statuses = statusesOf(f);
  return and(applicationScope(f), statuses ? inArray(mentors.status, statuses) : undefined)!;
}

/** How many applications a filter shows (the start page's "to screen" figure is `countApplications({ status: "to_screen" })`). */
export function countApplications(f: QueueFilter, d: Db = db()): number {
  return countRows(d, mentors, applicationConditions(f));
}

const queueOrder = [asc(mentors.createdAt), asc(mentors.id)];

/**
 * A page of the queue's ids, oldest first. Each status is read in the order of its index (status, created_at) and the
 * reads are merged (UNION ALL): a `status IN (…)` has no such index order, so SQLite would sort every application of
 * both statuses for each page shown.
 */
function applicationKeys(d: Db, f: QueueFilter) {
  const scope = applicationScope(f);
  const arm = (status?: MentorStatus) =>
    d
      .select({ id: mentors.id, createdAt: mentors.createdAt })
      .from(mentors)
      .where(and(scope, status ? eq(mentors.status, status) : undefined));
  const [first, second, ...rest] = statusesOf(f) ?? [];
  const ordered = (limit: number, offset: number) =>
    second
      ? unionAll(arm(first), arm(second), ...rest.map(arm))
          .orderBy(...queueOrder)
          .limit(limit)
          .offset(offset)
          .as("queue_page")
      : arm(first)
          .orderBy(...queueOrder)
          .limit(limit)
          .offset(offset)
          .as("queue_page");
  return {
    limit: (limit: number) => ({
      offset: (offset: number) => {
        const page = ordered(limit, offset);
        return d.select({ id: page.id }).from(page);
      },
    }),
  };
}

/** The application queue, oldest first: one page and the true total (the same conditions as the count). */
export function listApplications(f: QueueFilter, page = 1) {
  const d = db();
  const filter = { status: f.status, municipality: f.municipality ?? null, section: f.section ?? null };
  const result = pagedByKeys(
    page,
    () => keptTotal(d, "applications", filter, () => countApplications(f, d)),
    applicationKeys(d, f),
    (pageIds) =>
      d
        .select({
          id: mentors.id,
          firstName: mentors.firstName,
          lastName: mentors.lastName,
          status: mentors.status,
          createdAt: mentors.createdAt,
          municipality: municipalities.name,
          industryCode: mentors.industryCode,
          jobTitle: mentors.jobTitle,
          steps: sql<number>`(select count(distinct ${mentorScreenings.step}) from ${mentorScreenings} where ${qualified(mentorScreenings.mentorId)} = ${qualified(mentors.id)})`,
        })
        .from(mentors)
        .innerJoin(municipalities, eq(municipalities.code, mentors.municipalityCode))
        .where(inArray(mentors.id, pageIds))
        .orderBy(...queueOrder)
        .all(),
  );
  const rows = result.rows.map((r) => {
    const i = industryByCode(r.industryCode);
    return { ...r, industryDa: i?.labelDa ?? r.industryCode, industryEn: i?.labelEn ?? r.industryCode };
  });
  return { ...result, rows };
}

/** What a mentor's record shows beside the profile: the municipality's name and the industries (own and network). */
export function mentorLabels(
  d: Db,
  m: { municipalityCode: number; industryCode: string; networkIndustryCodes: readonly string[] },
) {
  const muni = d
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, m.municipalityCode))
    .get();
  // The mentor's own industry and network: a handful of codes (the profile form's limit).
  return { municipality: muni?.name ?? "", industries: industriesByCodes([m.industryCode, ...m.networkIndustryCodes]) };
}

/** A screening step as the mentor's record lists it, with the name of the staff member who recorded it. */
const screeningColumns = {
  id: mentorScreenings.id,
  step: mentorScreenings.step,
  doneOn: mentorScreenings.doneOn,
  form: mentorScreenings.form,
  notes: mentorScreenings.notes,
  by: users.name,
  createdAt: mentorScreenings.createdAt,
};

/**
 * The mentor detail for coordinators: profile, screening, and the two lists that grow with the years (courses and
 * status history), a page of each. The read is logged.
 */
export function getMentorForStaff(id: number, viewer: Actor, pages: { courses?: number; history?: number } = {}) {
  const d = db();
  const m = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!m) return null;
  audit(viewer, "view", "mentor", id);
  const screenings = childRows(
    d.select(screeningColumns).from(mentorScreenings).leftJoin(users, eq(users.id, mentorScreenings.recordedBy)),
    mentorScreenings.mentorId,
    id,
    [asc(mentorScreenings.doneOn), asc(mentorScreenings.id)],
  );
  const history = statusHistoryPage(d, "mentor", id, pages.history, "newest");
  const courseRows = pagedQuery(
    pages.courses ?? 1,
    () => countRows(d, courses, eq(courses.mentorId, id)),
    withCitizen(
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
        .$dynamic(),
      courses.menteeId,
    )
      .where(eq(courses.mentorId, id))
      .orderBy(desc(courses.proposedAt), desc(courses.id)),
    SUB_PAGE_SIZE,
  );
  const open = countRows(
    d,
    courses,
    and(eq(courses.mentorId, id), inArray(courses.status, [...occupyingCourseStatuses])),
  );
  const doneSteps = [...new Set(screenings.map((s) => s.step))];
  return {
    mentor: m,
    ...mentorLabels(d, m),
    screenings,
    history,
    courses: courseRows,
    openCourses: open,
    missingForApproval: missingForApproval(doneSteps),
    actions: availableActions(m.status, open > 0),
  };
}

/** No such mentor: the page answers 404. */
export const MENTOR_NOT_FOUND = "volunteer.detail.notFound";

export type ScreeningInput = { step: ScreeningStep; doneOn: string; form?: string; notes?: string };

/** Records one screening step; the first step moves an application into screening. */
export function recordScreening(id: number, input: ScreeningInput, actor: Actor): Result {
  return transaction((tx) => {
    const m = tx.select({ status: mentors.status }).from(mentors).where(eq(mentors.id, id)).get();
    if (!m) return fail(MENTOR_NOT_FOUND);
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
    return ok();
  });
}

/** The new status; or why not: no such mentor (404), not possible from the status, or the steps still missing. */
export type DecisionResult = Result<{ to: MentorStatus }>;
/** Missing screening steps, named by their codes (`volunteer.detail.missing|{"steps":"a,b"}`); the page names them. */
export const missingSteps = (missing: readonly ScreeningStep[]) =>
  `volunteer.detail.missing|${JSON.stringify({ steps: missing.join(",") })}`;

/** A coordinator's decision: start screening, approve, reject (with a kind email), pause, resume, retire. */
export function decideMentor(
  id: number,
  action: MentorAction,
  reason: string | undefined,
  actor: Actor,
): DecisionResult {
  return transaction((tx): DecisionResult => {
    const m = tx.select().from(mentors).where(eq(mentors.id, id)).get();
    if (!m || m.anonymisedAt) return fail(MENTOR_NOT_FOUND);
    const open =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(courses)
        .where(and(eq(courses.mentorId, id), inArray(courses.status, [...occupyingCourseStatuses])))
        .get()?.n ?? 0;
    if (!availableActions(m.status, open > 0).includes(action)) return fail("volunteer.detail.illegal");
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
      if (missing.length) return fail(missingSteps(missing));
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
    return ok({ to });
  });
}
