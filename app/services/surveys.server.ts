/**
 * Course surveys (day 30 and closure) for mentor and mentee. The mentee answers through a personal link that needs no
 * account: a random token, stored only as its SHA-256 in verification_tokens, bound to exactly one survey row (and so to
 * one course and one respondent), expiring after SURVEY_LINK_DAYS and spent when answered.
 */
import { and, eq, isNull } from "drizzle-orm";
import { courses, mentees, mentors, surveys, verificationTokens } from "../../db/schema";
import { db, type Db } from "../db.server";
import { enqueue } from "../messaging/outbox.server";
import { newToken, sha256, tokenWhere } from "../auth/tokens.server";
import { now, nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { absoluteUrl, fail, ok, transaction, type Result, type Tx } from "./kernel.server";
import type { MessageLanguage } from "../domain/enums";
import { menteeChannel, menteeContact } from "../messaging/recipients.server";
import { mentorIdOf } from "./meeting-log.server";

export const SURVEY_LINK_DAYS = 30;
type Kind = "day30" | "closure";
export type SurveyAnswer = { satisfaction: number; closerToJob: "yes" | "no" | "unsure"; comment?: string };

/**
 * Makes sure the mentor's and the mentee's survey of `kind` exist for a course (the unique index on course, kind and
 * respondent makes this idempotent). With `send`, every survey of that kind not yet sent is sent now: the row is claimed
 * by setting sent_at where it is still null, so two processes never both send it. Runs in the caller's transaction.
 * Surveys are created unsent at the start of a course (day 30) and sent by the scheduler; closure surveys at closing.
 */
export function ensureSurveys(
  t: Tx,
  c: { id: number; menteeId: number; mentorId: number },
  kind: Kind,
  send: boolean,
): number {
  t.insert(surveys)
    .values([
      { courseId: c.id, kind, respondent: "mentor" },
      { courseId: c.id, kind, respondent: "mentee" },
    ])
    .onConflictDoNothing()
    .run();
  if (!send) return 0;
  let sent = 0;
  const pending = t
    .select({ id: surveys.id, respondent: surveys.respondent })
    .from(surveys)
    .where(and(eq(surveys.courseId, c.id), eq(surveys.kind, kind), isNull(surveys.sentAt)))
    .all();
  for (const row of pending) {
    const claimed =
      t
        .update(surveys)
        .set({ sentAt: nowIso() })
        .where(and(eq(surveys.id, row.id), isNull(surveys.sentAt)))
        .run().changes === 1;
    if (!claimed) continue;
    if (row.respondent === "mentor") {
      const mentor = t
        .select({ id: mentors.id, email: mentors.email, locale: mentors.locale, anonymisedAt: mentors.anonymisedAt })
        .from(mentors)
        .where(eq(mentors.id, c.mentorId))
        .get();
      if (
        mentor &&
        !mentor.anonymisedAt &&
        enqueue(
          {
            channel: "email",
            recipient: mentor.email,
            template: "survey_mentor",
            locale: mentor.locale,
            subjectType: "mentor",
            subjectId: mentor.id,
            data: { url: absoluteUrl(`/mentor/forloeb/${c.id}#survey`), kind },
            idempotencyKey: `survey:${row.id}:invite`,
          },
          t,
        )
      )
        sent++;
      continue;
    }
    const mentee = menteeContact(t, c.menteeId);
    const to = menteeChannel(mentee);
    if (!to) continue;
    const token = newToken();
    t.insert(verificationTokens)
      .values({
        purpose: "survey",
        tokenHash: sha256(token),
        subjectType: "survey",
        subjectId: row.id,
        expiresAt: new Date(now().getTime() + SURVEY_LINK_DAYS * 86_400_000).toISOString(),
      })
      .run();
    if (
      enqueue(
        {
          ...to,
          template: "survey_mentee",
          locale: mentee.language,
          subjectType: "mentee",
          subjectId: mentee.id,
          data: { url: absoluteUrl(`/s/${token}`), kind },
          idempotencyKey: `survey:${row.id}:invite`,
        },
        t,
      )
    )
      sent++;
  }
  return sent;
}

export type SurveyLink =
  | { state: "invalid" }
  | { state: "expired"; language: MessageLanguage }
  | { state: "answered"; language: MessageLanguage }
  | { state: "open"; language: MessageLanguage; surveyId: number; kind: Kind };

/** What a survey link leads to. Unknown, wrong-purpose or erased links are all "invalid" (nothing is revealed). */
export function surveyByToken(token: string, d: Db = db()): SurveyLink {
  if (!token || token.length > 200) return { state: "invalid" };
  const row = d
    .select({
      token: verificationTokens,
      survey: surveys,
      language: mentees.language,
      anonymisedAt: mentees.anonymisedAt,
    })
    .from(verificationTokens)
    .innerJoin(surveys, and(eq(surveys.id, verificationTokens.subjectId), eq(surveys.respondent, "mentee")))
    .innerJoin(courses, eq(courses.id, surveys.courseId))
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(tokenWhere(token, "survey", "survey"))
    .get();
  if (!row || row.anonymisedAt) return { state: "invalid" };
  if (row.survey.answeredAt || row.token.usedAt) return { state: "answered", language: row.language };
  if (row.token.expiresAt <= now().toISOString()) return { state: "expired", language: row.language };
  return { state: "open", language: row.language, surveyId: row.survey.id, kind: row.survey.kind };
}

/** Writes an answer to a survey not yet answered. */
function saveAnswer(t: Tx, surveyId: number, a: SurveyAnswer): void {
  t.update(surveys)
    .set({ answeredAt: nowIso(), satisfaction: a.satisfaction, closerToJob: a.closerToJob, comment: a.comment || null })
    .where(and(eq(surveys.id, surveyId), isNull(surveys.answeredAt)))
    .run();
}

/**
 * Saves the mentee's answer for the survey the token belongs to (and only that one); the link is spent. Fails with the
 * link's state (`invalid`, `expired`, `answered`), which the survey page shows.
 */
export function answerSurveyByToken(token: string, a: SurveyAnswer): Result {
  return transaction((t) => {
    const link = surveyByToken(token, t);
    if (link.state !== "open") return fail(link.state);
    const spent = t
      .update(verificationTokens)
      .set({ usedAt: nowIso() })
      .where(and(eq(verificationTokens.tokenHash, sha256(token)), isNull(verificationTokens.usedAt)))
      .run().changes;
    if (spent !== 1) return fail("answered");
    saveAnswer(t, link.surveyId, a);
    audit(null, "update", "survey", link.surveyId, { respondent: "mentee" }, t);
    return ok();
  });
}

/** A survey for the mentor that is still unanswered, on a course that is the mentor's own. */
function openMentorSurvey(d: Db, mentorId: number, courseId: number, surveyId: number) {
  const mine = and(eq(surveys.courseId, courseId), eq(courses.mentorId, mentorId), eq(surveys.respondent, "mentor"));
  return d
    .select({ id: surveys.id })
    .from(surveys)
    .innerJoin(courses, eq(courses.id, surveys.courseId))
    .where(and(eq(surveys.id, surveyId), mine, isNull(surveys.answeredAt)))
    .get();
}

/** The mentor answers their own open survey on the course page. */
export function answerMentorSurvey(userId: number, courseId: number, surveyId: number, a: SurveyAnswer): Result {
  return transaction((t) => {
    const mentorId = mentorIdOf(userId, t);
    if (mentorId == null) return fail("courses.errors.notFound");
    const s = openMentorSurvey(t, mentorId, courseId, surveyId);
    if (!s) return fail("courses.errors.notFound");
    saveAnswer(t, s.id, a);
    audit({ id: userId, role: "mentor" }, "update", "survey", s.id, { respondent: "mentor" }, t);
    return ok();
  });
}
