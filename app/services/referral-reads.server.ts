/**
 * Referrals, what the caseworker reads: their municipality's referrals with status and outcome (a page and the true
 * total), the counts per status, and one referral's record (consents, messages, course, outcome, status history). Every
 * query filters by the caller's scope; another municipality's citizen is simply not found. Every read of a record is
 * written to the access log.
 */
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { consents, courses, mentees, messages, municipalities, outcomes, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { industriesByCodes } from "../domain/industries";
import type { Scope } from "./kernel.server";
import type { MenteeStatus } from "../domain/enums";
import { waitingDays } from "../domain/referrals";
import { PAGE_SIZE, SUB_PAGE_SIZE, type Page } from "../domain/paging";
import { audit } from "./audit.server";
import { today } from "../utils/clock";
import { builtOnce, contains, countRows, pagedQuery, qualified, pagedWhere } from "../utils/sql";
import { keptTotal, pageCache } from "./page-cache.server";
import { statusHistoryPage } from "./status-history.server";
import { scopeWhere, type Actor, type ScopeOf } from "./kernel.server";
import { WELCOME_TEMPLATE } from "./referrals.server";

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
    scopeWhere(scope, mentees.municipalityCode),
    filter.status ? eq(mentees.status, filter.status) : undefined,
    q ? or(contains(mentees.firstName, q), contains(mentees.lastName, q)) : undefined,
  );
  const result = pagedQuery(
    page,
    // The true total is kept while no citizen changes (the `demand` stamp): a COUNT over a municipality's thousands.
    () =>
      keptTotal(d, "referrals", { scope, status: filter.status ?? null, q: q ?? null }, () =>
        countRows(d, mentees, where),
      ),
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
      .orderBy(desc(mentees.referredAt), desc(mentees.id)),
    pageSize,
  );
  return { ...result, rows: result.rows.map((r) => ({ ...r, outcome: outcomeOf(r.outcome) })) };
}

/**
 * How many of a municipality's citizens are in each status (the caseworker's start page): one COUNT per status, in
 * SQL, kept per scope while no citizen changes (the `demand` stamp, decision 016).
 */
const statusCounts = pageCache<Record<string, number>>("demand", 128);
export const referralCountsCacheStats = statusCounts.stats;
export function referralCounts(scope: Scope): Record<string, number> {
  const d = db();
  return statusCounts.get(d, JSON.stringify(scope), () =>
    Object.fromEntries(
      d
        .select({ status: mentees.status, n: count })
        .from(mentees)
        .where(scopeWhere(scope, mentees.municipalityCode))
        .groupBy(mentees.status)
        .all()
        .map((r) => [r.status, r.n]),
    ),
  );
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
  return pagedWhere(
    d,
    page,
    {
      table: messages,
      where: and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, menteeId)),
      order: [desc(messages.id)],
      pageSize: SUB_PAGE_SIZE,
    },
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
      .from(messages),
  );
}

const idParam = sql.placeholder("id");

/** A referral's reads, built once per connection (`builtOnce`): the record in either scope, consents, welcome, course. */
const referralReads = builtOnce((d: Db) => {
  const referral = (scope: ScopeOf) =>
    d
      .select({
        mentee: mentees,
        municipalityName: municipalities.name,
        referredByName: users.name,
        outcome: latestOutcome,
      })
      .from(mentees)
      .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
      .leftJoin(users, eq(users.id, mentees.referredBy))
      .where(and(eq(mentees.id, idParam), scopeWhere(scope, mentees.municipalityCode)))
      .prepare();
  return {
    anyReferral: referral({ kind: "all" }),
    referralInMunicipality: referral({ kind: "municipality", code: sql.placeholder("municipalityCode") }),
    consents: d
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
      .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, idParam)))
      .orderBy(asc(consents.givenAt))
      .prepare(),
    welcome: d
      .select({
        status: messages.status,
        channel: messages.channel,
        locale: messages.locale,
        createdAt: messages.createdAt,
        sentAt: messages.sentAt,
      })
      .from(messages)
      .where(
        and(
          eq(messages.subjectType, "mentee"),
          eq(messages.subjectId, idParam),
          eq(messages.template, WELCOME_TEMPLATE),
        ),
      )
      .orderBy(asc(messages.id))
      .limit(1)
      .prepare(),
    course: d
      .select({ id: courses.id, status: courses.status, startDate: courses.startDate, endedOn: courses.endedOn })
      .from(courses)
      .where(eq(courses.menteeId, idParam))
      .orderBy(desc(courses.id))
      .limit(1)
      .prepare(),
  };
});

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
  const q = referralReads(d);
  const row =
    scope.kind === "all"
      ? q.anyReferral.get({ id })
      : q.referralInMunicipality.get({ id, municipalityCode: scope.code });
  if (!row) return null;
  audit(actor, "view", "mentee", id);
  const consentRows = q.consents.all({ id });
  const msgs = referralMessages(id, pages.messages);
  const welcome = q.welcome.get({ id }) ?? null;
  const course = q.course.get({ id }) ?? null;
  const history = statusHistoryPage(d, "mentee", id, pages.history);
  const industryLabels = industriesByCodes([
    ...row.mentee.wishedIndustryCodes,
    ...row.mentee.experience.map((e) => e.industryCode),
  ]).map(({ code, labelDa, labelEn }) => ({ code, labelDa, labelEn }));
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
