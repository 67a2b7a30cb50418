/**
 * Referrals (henvisninger): a caseworker refers a citizen of their own municipality, sees their municipality's
 * referrals with status and outcome, and may withdraw one. The coordinator sees the queue of waiting citizens across
 * municipalities. Every function that a caseworker can reach takes the scope, and every query filters by it; another
 * municipality's citizen is simply not found. Every read of a record is written to the access log.
 */
import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  consents,
  courses,
  industries,
  matchRequests,
  menteeIndustryIndex,
  mentees,
  messages,
  municipalities,
  outcomes,
  statusChanges,
  users,
} from "../../db/schema";
import { db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import type { MenteeStatus } from "../domain/enums";
import { canWithdraw, duplicateKey, waitingDays } from "../domain/referrals";
import { PAGE_SIZE, paged, SUB_PAGE_SIZE, type Page } from "../domain/paging";
import type { ReferralInput } from "../schemas/referral";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { issueCitizenLink } from "./citizen-links.server";
import { scopeFilter } from "./mentees.server";
import { nowIso, today } from "../utils/clock";
import { countRows, qualified } from "../utils/sql";
import { transaction, type Actor } from "./kernel.server";
import { mustChangeStatus } from "./status.server";

export const WELCOME_TEMPLATE = "mentee_welcome";

/* ------------------------------------------------------------------ duplicates */

/** Referrals in the same municipality with the same name, birth year and phone (normalised). */
export function findPossibleDuplicates(
  municipalityCode: number,
  probe: { firstName: string; lastName: string; birthYear: number; phone?: string | null },
) {
  const key = duplicateKey(probe);
  if (!key) return [];
  const candidates = db()
    .select({
      id: mentees.id,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      birthYear: mentees.birthYear,
      phone: mentees.phone,
      status: mentees.status,
      referredAt: mentees.referredAt,
    })
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, municipalityCode), eq(mentees.birthYear, probe.birthYear)))
    .all();
  return candidates
    .filter((c) => duplicateKey(c) === key)
    .map(({ id, status, referredAt }) => ({ id, status, referredAt }));
}

/* ------------------------------------------------------------------ create */

export type CreateResult =
  | { ok: true; id: number }
  | { ok: false; reason: "duplicate"; duplicates: { id: number; status: MenteeStatus; referredAt: string }[] }
  | { ok: false; reason: "not_partner" };

/**
 * Saves a referral: the citizen, their consents (purpose, text version, date, who recorded it), the first status
 * change, the access-log entry and the welcome message in the outbox, all in one transaction. A possible duplicate
 * is refused unless the caseworker confirmed "save anyway".
 */
export function createReferral(actor: Actor, scope: Scope, input: ReferralInput): CreateResult {
  if (scope.kind !== "municipality") throw new Error("Only a caseworker refers citizens");
  const code = scope.code;
  const d = db();
  const muni = d.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!muni?.isPartner) return { ok: false, reason: "not_partner" };
  const duplicates = findPossibleDuplicates(code, input);
  if (duplicates.length && !input.confirmDuplicate) return { ok: false, reason: "duplicate", duplicates };

  const at = nowIso();
  const givenAt = input.consentDate === today() ? at : `${input.consentDate}T12:00:00.000Z`;
  const id = transaction((tx) => {
    const m = tx
      .insert(mentees)
      .values({
        municipalityCode: code,
        referredBy: actor.id,
        firstName: input.firstName,
        lastName: input.lastName,
        birthYear: input.birthYear,
        gender: input.gender ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        preferredChannel: input.preferredChannel,
        language: input.language,
        group: input.group,
        jobReady: input.jobReady,
        danishLevel: input.danishLevel,
        danishModule: input.danishModule ?? null,
        englishLevel: input.englishLevel,
        languages: [input.language],
        educationLevel: input.educationLevel,
        educationField: input.educationField || null,
        educationCountry: input.educationCountry || null,
        experience: input.experience.map((e) => ({
          title: e.title,
          years: e.years,
          industryCode: e.industryCode ?? null,
        })),
        wishedIndustryCodes: input.wishedIndustryCodes,
        wishedOccupation: input.wishedOccupation || null,
        goals: input.goals,
        availability: input.availability || null,
        drivingLicence: input.drivingLicence,
        mentorGenderPreference: input.mentorGenderPreference,
        needsConsideration: input.needsConsideration,
        status: "waiting",
        referredAt: at,
      })
      .returning({ id: mentees.id })
      .get();
    for (const purpose of input.consentPurposes) {
      tx.insert(consents)
        .values({
          subjectType: "mentee",
          subjectId: m.id,
          purpose,
          textVersion: input.consentVersion,
          givenAt,
          recordedBy: actor.id,
        })
        .run();
    }
    mustChangeStatus(tx, {
      entity: "mentee",
      id: m.id,
      from: null,
      to: "waiting",
      reason: "referred",
      actor,
      at,
      audit: false,
    });
    audit(
      actor,
      "create",
      "mentee",
      m.id,
      duplicates.length ? { possibleDuplicateOf: duplicates.map((x) => x.id) } : undefined,
      tx,
    );
    const recipient = input.preferredChannel === "sms" ? input.phone! : input.email!;
    enqueue(
      {
        channel: input.preferredChannel,
        recipient,
        template: WELCOME_TEMPLATE,
        locale: input.language,
        data: { firstName: input.firstName, pageUrl: issueCitizenLink(tx, m.id) },
        subjectType: "mentee",
        subjectId: m.id,
        idempotencyKey: `${WELCOME_TEMPLATE}:${m.id}`,
      },
      tx,
    );
    return m.id;
  });
  return { ok: true, id };
}

/* ------------------------------------------------------------------ read */

/**
 * The latest confirmed outcome of a citizen (end or follow-up, whichever is newest), as one correlated subquery per
 * row: `type|date` (split by `outcomeOf`). No list of ids, whatever the page.
 */
const latestOutcome = sql<
  string | null
>`(select ${qualified(outcomes.type)} || '|' || ${qualified(outcomes.outcomeDate)} from ${outcomes}
  inner join ${courses} on ${qualified(courses.id)} = ${qualified(outcomes.courseId)}
  where ${qualified(courses.menteeId)} = ${qualified(mentees.id)} and ${qualified(outcomes.confirmed)} = 1
  order by ${qualified(outcomes.outcomeDate)} desc, ${qualified(outcomes.id)} desc limit 1)`;
function outcomeOf(v: string | null): { type: string; date: string } | null {
  if (!v) return null;
  const i = v.lastIndexOf("|");
  return { type: v.slice(0, i), date: v.slice(i + 1) };
}

const count = sql<number>`count(*)`;

/**
 * The caseworker's list: their municipality's referrals, newest first, with status and outcome; one page and the
 * true total. The search matches a part of the first or the last name.
 */
export function listReferrals(
  scope: Scope,
  filter: { status?: MenteeStatus; q?: string } = {},
  page = 1,
  pageSize = PAGE_SIZE,
) {
  const d = db();
  const q = filter.q?.trim();
  const where = and(
    scopeFilter(scope),
    filter.status ? eq(mentees.status, filter.status) : undefined,
    q ? or(contains(mentees.firstName, q), contains(mentees.lastName, q)) : undefined,
  );
  return paged(
    page,
    () => countRows(d, mentees, where),
    (limit, offset) =>
      d
        .select({
          id: mentees.id,
          firstName: mentees.firstName,
          lastName: mentees.lastName,
          birthYear: mentees.birthYear,
          status: mentees.status,
          referredAt: mentees.referredAt,
          outcome: latestOutcome,
        })
        .from(mentees)
        .where(where)
        .orderBy(desc(mentees.referredAt), desc(mentees.id))
        .limit(limit)
        .offset(offset)
        .all()
        .map((r) => ({ ...r, outcome: outcomeOf(r.outcome) })),
    pageSize,
  );
}

/** The column contains the typed text (case-insensitive for a–z, as LIKE is); `%` and `_` typed are letters, not wildcards. */
function contains(column: SQLiteColumn, q: string): SQL {
  return sql`${column} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}

/** How many of a municipality's citizens are in each status (the caseworker's start page): one COUNT per status, in SQL. */
export function referralCounts(scope: Scope): Record<string, number> {
  const rows = db()
    .select({ status: mentees.status, n: count })
    .from(mentees)
    .where(scopeFilter(scope))
    .groupBy(mentees.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A citizen's messages, newest first, a page at a time (no bodies: the outbox page shows them, secrets masked). */
export function referralMessages(
  menteeId: number,
  page = 1,
): Page<{
  id: number;
  template: string;
  channel: "sms" | "email";
  locale: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}> {
  const d = db();
  const where = and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, menteeId));
  return paged(
    page,
    () => countRows(d, messages, where),
    (limit, offset) =>
      d
        .select({
          id: messages.id,
          template: messages.template,
          channel: messages.channel,
          locale: messages.locale,
          status: messages.status,
          createdAt: messages.createdAt,
          sentAt: messages.sentAt,
        })
        .from(messages)
        .where(where)
        .orderBy(desc(messages.id))
        .limit(limit)
        .offset(offset)
        .all(),
    SUB_PAGE_SIZE,
  );
}

/**
 * One referral within scope with its consents, messages (a page), course, outcome and status history (a page); a
 * logged read. Null if not in scope. `pages` are the pages of the two lists that can grow.
 */
export function getReferral(
  scope: Scope,
  id: number,
  actor: Actor,
  pages: { messages?: number; history?: number } = {},
) {
  const d = db();
  const row = d
    .select({
      mentee: mentees,
      municipalityName: municipalities.name,
      referredByName: users.name,
      outcome: latestOutcome,
    })
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .leftJoin(users, eq(users.id, mentees.referredBy))
    .where(and(eq(mentees.id, id), scopeFilter(scope)))
    .get();
  if (!row) return null;
  audit(actor, "view", "mentee", id);
  const consentRows = d
    .select({
      id: consents.id,
      purpose: consents.purpose,
      textVersion: consents.textVersion,
      givenAt: consents.givenAt,
      withdrawnAt: consents.withdrawnAt,
      recordedByName: users.name,
    })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, id)))
    .orderBy(asc(consents.givenAt))
    .all();
  const msgs = referralMessages(id, pages.messages);
  const welcome =
    d
      .select({
        status: messages.status,
        channel: messages.channel,
        locale: messages.locale,
        createdAt: messages.createdAt,
        sentAt: messages.sentAt,
      })
      .from(messages)
      .where(
        and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id), eq(messages.template, WELCOME_TEMPLATE)),
      )
      .orderBy(asc(messages.id))
      .limit(1)
      .get() ?? null;
  const course =
    d
      .select({ id: courses.id, status: courses.status, startDate: courses.startDate, endedOn: courses.endedOn })
      .from(courses)
      .where(eq(courses.menteeId, id))
      .orderBy(desc(courses.id))
      .get() ?? null;
  const historyWhere = and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, id));
  const history = paged(
    pages.history ?? 1,
    () => countRows(d, statusChanges, historyWhere),
    (limit, offset) =>
      d
        .select({
          fromStatus: statusChanges.fromStatus,
          toStatus: statusChanges.toStatus,
          reason: statusChanges.reason,
          at: statusChanges.at,
        })
        .from(statusChanges)
        .where(historyWhere)
        .orderBy(asc(statusChanges.at), asc(statusChanges.id))
        .limit(limit)
        .offset(offset)
        .all(),
    SUB_PAGE_SIZE,
  );
  const industryCodes = [
    ...row.mentee.wishedIndustryCodes,
    ...row.mentee.experience.map((e) => e.industryCode).filter((c): c is string => !!c),
  ];
  // A citizen's own codes: at most three wishes and five jobs (the referral form's limits).
  const industryLabels = industryCodes.length
    ? d
        .select({ code: industries.code, labelDa: industries.labelDa, labelEn: industries.labelEn })
        .from(industries)
        .where(inArray(industries.code, industryCodes.slice(0, 10)))
        .all()
    : [];
  const { outcome, ...rest } = row;
  return {
    ...rest,
    consents: consentRows,
    messages: msgs,
    welcome,
    course,
    outcome: outcomeOf(outcome),
    history,
    industryLabels,
    waitingDays: row.mentee.status === "waiting" ? waitingDays(row.mentee.referredAt, today()) : null,
  };
}

export type WithdrawResult = "ok" | "not_found" | "not_allowed";

/**
 * Withdraws a referral before the course starts: the citizen becomes "withdrawn" with the reason, a proposed or
 * approved course is ended, and queued messages to the citizen are cancelled. One transaction.
 */
export function withdrawReferral(scope: Scope, id: number, reason: string, actor: Actor): WithdrawResult {
  return transaction((tx) => {
    const m = tx
      .select({ id: mentees.id, status: mentees.status })
      .from(mentees)
      .where(and(eq(mentees.id, id), scopeFilter(scope)))
      .get();
    if (!m) return "not_found";
    if (!canWithdraw(m.status)) return "not_allowed";
    mustChangeStatus(tx, {
      entity: "mentee",
      id,
      from: m.status,
      to: "withdrawn",
      reason,
      actor,
      set: { withdrawnReason: reason },
    });
    const open = tx
      .select({ id: courses.id, status: courses.status })
      .from(courses)
      .where(and(eq(courses.menteeId, id), inArray(courses.status, ["proposed", "approved"])))
      .all();
    for (const c of open) {
      mustChangeStatus(tx, {
        entity: "course",
        id: c.id,
        from: c.status,
        to: "ended_early",
        reason: "mentee_withdrew",
        actor,
        set: { endedOn: today(), endReason: "mentee_withdrew" },
      });
    }
    // A mentor still being asked about the citizen is asked no more (issue 19): the request is withdrawn, not expired,
    // so the pair is not excluded and no coordinator is told that the mentor failed to answer.
    const asked = tx
      .select({ id: matchRequests.id })
      .from(matchRequests)
      .where(and(eq(matchRequests.menteeId, id), eq(matchRequests.status, "requested")))
      .all();
    for (const r of asked) {
      mustChangeStatus(tx, {
        entity: "match_request",
        id: r.id,
        from: "requested",
        to: "withdrawn",
        reason: "mentee_withdrew",
        actor,
        set: { handledAt: nowIso() },
      });
    }
    tx.update(messages)
      .set({ status: "cancelled", lastError: "referral withdrawn" })
      .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id), eq(messages.status, "queued")))
      .run();
    return "ok";
  });
}

/* ------------------------------------------------------------------ coordinator */

export type QueueFilter = { industry?: string; municipality?: number };

/**
 * Waiting citizens across municipalities, oldest first, with waiting time; one page and the true total. The industry
 * filter (a DB07 division, or a section letter for every division in it) reads the index table the triggers keep
 * (mentee_industry_index), so filter, order and count are one index range.
 */
export function waitingQueue(filter: QueueFilter = {}, page = 1) {
  const d = db();
  const t = today();
  const columns = {
    id: mentees.id,
    firstName: mentees.firstName,
    lastName: mentees.lastName,
    referredAt: mentees.referredAt,
    municipalityCode: mentees.municipalityCode,
    municipalityName: municipalities.name,
    wishedIndustryCodes: mentees.wishedIndustryCodes,
    language: mentees.language,
    danishLevel: mentees.danishLevel,
    needsConsideration: mentees.needsConsideration,
  };
  const withWaiting = <T extends { referredAt: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, waitingDays: waitingDays(r.referredAt, t) }));
  if (filter.industry) {
    const x = menteeIndustryIndex;
    const where = and(
      eq(x.code, filter.industry),
      eq(x.status, "waiting"),
      filter.municipality ? eq(x.municipalityCode, filter.municipality) : undefined,
    );
    return paged(
      page,
      () => countRows(d, x, where),
      (limit, offset) =>
        withWaiting(
          d
            .select(columns)
            .from(x)
            .innerJoin(mentees, eq(mentees.id, x.menteeId))
            .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
            .where(where)
            .orderBy(asc(x.referredAt), asc(x.menteeId))
            .limit(limit)
            .offset(offset)
            .all(),
        ),
    );
  }
  const where = and(
    eq(mentees.status, "waiting"),
    filter.municipality ? eq(mentees.municipalityCode, filter.municipality) : undefined,
  );
  return paged(
    page,
    () => countRows(d, mentees, where),
    (limit, offset) =>
      withWaiting(
        d
          .select(columns)
          .from(mentees)
          .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
          .where(where)
          .orderBy(asc(mentees.referredAt), asc(mentees.id))
          .limit(limit)
          .offset(offset)
          .all(),
      ),
  );
}

/** Municipalities that have citizens waiting, for the queue's filter: one index probe per municipality. */
export function queueMunicipalities() {
  const d = db();
  return d
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      exists(
        d
          .select({ one: sql`1` })
          .from(mentees)
          .where(
            and(
              sql`${qualified(mentees.municipalityCode)} = ${qualified(municipalities.code)}`,
              eq(mentees.status, "waiting"),
            ),
          ),
      ),
    )
    .orderBy(asc(municipalities.name))
    .all();
}

export function industryOptions() {
  return db()
    .select()
    .from(industries)
    .orderBy(asc(industries.section), asc(industries.level), asc(industries.code))
    .all();
}
