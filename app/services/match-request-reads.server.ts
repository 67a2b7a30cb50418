/**
 * Match requests as people read them (issue 19): a mentor's open requests and one request with the citizen's minimal
 * profile (no contact details before the mentor says yes), a citizen's requests for the candidates page, and the
 * declined and expired requests a coordinator has yet to deal with.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { matchRequests, mentees, mentors, municipalities } from "../../db/schema";
import { db, type Db } from "../db.server";
import { canAnswer, type MatchRequestStatus } from "../domain/match-request";
import { nowIso } from "../utils/clock";
import type { Page } from "../domain/paging";
import { fullName, pagedQuery, childRows } from "../utils/sql";

/** The mentor record of a signed-in mentor (not anonymised). */
export function mentorOfUser(d: Db, userId: number) {
  return d
    .select({ id: mentors.id, firstName: mentors.firstName, lastName: mentors.lastName })
    .from(mentors)
    .where(and(eq(mentors.userId, userId), isNull(mentors.anonymisedAt)))
    .get();
}

const profileColumns = {
  id: matchRequests.id,
  status: matchRequests.status,
  deadline: matchRequests.deadline,
  requestedAt: matchRequests.requestedAt,
  startDate: matchRequests.startDate,
  noIndustry: matchRequests.noIndustry,
  answeredAt: matchRequests.answeredAt,
  courseId: matchRequests.courseId,
  menteeFirstName: mentees.firstName,
  municipality: municipalities.name,
  languages: mentees.languages,
  danishLevel: mentees.danishLevel,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  goals: mentees.goals,
};

/** The mentor's open requests (their start page). */
export function openRequestsForMentor(userId: number, d: Db = db()) {
  const mentor = mentorOfUser(d, userId);
  if (!mentor) return [];
  return d
    .select(profileColumns)
    .from(matchRequests)
    .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(matchRequests.mentorId, mentor.id), eq(matchRequests.status, "requested")))
    .orderBy(asc(matchRequests.deadline))
    .limit(20)
    .all();
}

/**
 * One request as its mentor sees it: the citizen's minimal profile (first name, municipality, languages, Danish level,
 * wished industries, goals) and no contact details before the mentor has said yes. Null when it is not theirs.
 */
export function requestForMentor(userId: number, requestId: number, d: Db = db()) {
  const mentor = mentorOfUser(d, userId);
  if (!mentor) return null;
  const r = d
    .select(profileColumns)
    .from(matchRequests)
    .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(matchRequests.id, requestId), eq(matchRequests.mentorId, mentor.id), isNull(mentees.anonymisedAt)))
    .get();
  if (!r) return null;
  return { ...r, answerable: canAnswer(r, nowIso()) };
}

/** A request as the coordinator sees it on the candidates page: who was asked, when, and who said no and why. */
const sentRequestColumns = {
  id: matchRequests.id,
  status: matchRequests.status,
  requestedAt: matchRequests.requestedAt,
  deadline: matchRequests.deadline,
  answeredAt: matchRequests.answeredAt,
  declineReason: matchRequests.declineReason,
  noIndustry: matchRequests.noIndustry,
  reason: matchRequests.reason,
  mentorFirstName: mentors.firstName,
  mentorLastName: mentors.lastName,
};

/** A citizen's requests, newest first. */
export function requestsForMentee(menteeId: number, d: Db = db()) {
  return childRows(
    d.select(sentRequestColumns).from(matchRequests).innerJoin(mentors, eq(mentors.id, matchRequests.mentorId)),
    matchRequests.menteeId,
    menteeId,
    [desc(matchRequests.id)],
    20,
  );
}

export type ClosedRequest = {
  id: number;
  status: MatchRequestStatus;
  answeredAt: string | null;
  menteeId: number;
  menteeName: string;
  mentorName: string;
  declineReason: string | null;
};

/**
 * Declined and expired requests of citizens still waiting that no coordinator has dealt with yet (a new request deals
 * with them), newest first, paged: the coordinator's start page item (app/components/MatchRequestNotices.tsx).
 */
export function closedRequestsToHandle(page = 1, d: Db = db()): Page<ClosedRequest> {
  const where = and(
    inArray(matchRequests.status, ["declined", "expired"]),
    isNull(matchRequests.handledAt),
    eq(mentees.status, "waiting"),
    isNull(mentees.anonymisedAt),
  );
  return pagedQuery(
    page,
    () =>
      d
        .select({ n: sql<number>`count(*)` })
        .from(matchRequests)
        .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
        .where(where)
        .get()!.n,
    d
      .select({
        id: matchRequests.id,
        status: matchRequests.status,
        answeredAt: matchRequests.answeredAt,
        menteeId: mentees.id,
        menteeName: fullName(mentees.firstName, mentees.lastName),
        mentorName: fullName(mentors.firstName, mentors.lastName),
        declineReason: matchRequests.declineReason,
      })
      .from(matchRequests)
      .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
      .innerJoin(mentors, eq(mentors.id, matchRequests.mentorId))
      .where(where)
      .orderBy(desc(matchRequests.answeredAt), desc(matchRequests.id)),
  );
}
