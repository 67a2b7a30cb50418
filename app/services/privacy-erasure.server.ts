/**
 * Erasure: the person's name, contacts and free text go, while the anonymous course, hours and outcomes remain for
 * statistics. Live courses (and placements) end first, through the status path.
 */
import { occupyingCourseStatuses, runningCourseStatuses } from "../domain/enums";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  citizenContactChanges,
  menteeChanges,
  competenceProfiles,
  courseGoals,
  courses,
  followUps,
  meetings,
  mentees,
  mentorScreenings,
  mentors,
  messages,
  openingProposals,
  placementFollowUps,
  placements,
  plannedMeetings,
  sessions,
  surveys,
  users,
  matchRequests,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { menteeStatusWhenCourseEnds } from "../domain/mentee-status";
import { audit } from "./audit.server";
import { countRows } from "../utils/sql";
import { revokeCitizenLinks } from "./citizen-links.server";
import { transaction, type AuditActor, type Scope, type Tx } from "./kernel.server";
import { mustChangeStatus, type StatusChange } from "./status.server";
import type { StatusEntity } from "../domain/status-machines";
import { nowIso, today } from "../utils/clock";
import { about } from "./person-records.server";
import { ANONYMISED, menteeInScope, mentorInScope, type PersonType } from "./privacy.server";

/**
 * The status changes an erasure (or a withdrawn consent) causes, for one reason: the act's own access-log entry covers
 * them all, so none writes its own.
 */
function coveredChanges(tx: Tx, actor: AuditActor, reason: string) {
  return <E extends StatusEntity>(c: Omit<StatusChange<E>, "actor" | "reason" | "audit">) =>
    mustChangeStatus(tx, { ...c, actor, reason, audit: false });
}

/**
 * Erasure on the company side: the competence assessment goes (every version); placements keep type, company, dates,
 * status and outcome for statistics, but lose the workplace mentor's and adviser's names and phones and the follow-up
 * notes; proposals lose their reasons (drawn from the assessment) and the company's note. Live placements end.
 */
function eraseCompanySide(tx: Tx, id: number, actor: AuditActor) {
  tx.delete(competenceProfiles).where(eq(competenceProfiles.menteeId, id)).run();
  const live = tx
    .select()
    .from(placements)
    .where(and(eq(placements.menteeId, id), inArray(placements.status, ["planned", "active"])))
    .all();
  const end = coveredChanges(tx, actor, "person_erased");
  for (const p of live) {
    const to = p.status === "planned" ? "cancelled" : "ended_early";
    const set = { endedOn: to === "ended_early" ? today() : null, endReason: to === "ended_early" ? "other" : null };
    end({ entity: "placement", id: p.id, from: p.status, to, set });
  }
  tx.update(placements)
    .set({
      workplaceMentorName: null,
      workplaceMentorPhone: null,
      completionAdviserName: null,
      completionAdviserPhone: null,
    })
    .where(eq(placements.menteeId, id))
    .run();
  tx.update(placementFollowUps)
    .set({ note: null })
    .where(
      inArray(
        placementFollowUps.placementId,
        tx.select({ id: placements.id }).from(placements).where(eq(placements.menteeId, id)),
      ),
    )
    .run();
  tx.update(openingProposals)
    .set({
      reasons: null,
      declineNote: null,
      status: sql`case when ${openingProposals.status} = 'proposed' then 'withdrawn' else ${openingProposals.status} end`,
    })
    .where(eq(openingProposals.menteeId, id))
    .run();
}

/** The person's messages: those not sent yet are cancelled, and none keeps the address or the data it was sent with. */
function anonymiseMessages(tx: Tx, type: PersonType, id: number) {
  tx.update(messages)
    .set({ status: "cancelled", lastError: "person erased" })
    .where(and(about(messages, type, id), inArray(messages.status, ["queued", "failed", "held"])))
    .run();
  tx.update(messages)
    .set({ recipient: ANONYMISED, data: {}, secrets: null, payload: null })
    .where(about(messages, type, id))
    .run();
}

/**
 * Ends the live courses of a person (the programme cannot go on without the person's data) and moves the people on
 * the other side through their machines: the mentor goes from active back to approved when no course occupies them any
 * more; the citizen as `menteeStatusWhenCourseEnds` says (a started course ends early; before the start a citizen who
 * leaves is withdrawn, one whose mentor leaves returns to the queue). The caller's own access-log entry covers it all.
 */
export function endLiveCourses(tx: Tx, person: { type: PersonType; id: number }, actor: AuditActor): number {
  const side = person.type === "mentee" ? courses.menteeId : courses.mentorId;
  const live = tx
    .select({ id: courses.id, status: courses.status, menteeId: courses.menteeId, mentorId: courses.mentorId })
    .from(courses)
    .where(and(eq(side, person.id), inArray(courses.status, [...runningCourseStatuses])))
    .all();
  const reason = "consent_withdrawn";
  const move = coveredChanges(tx, actor, reason);
  for (const c of live) {
    move({
      entity: "course",
      id: c.id,
      from: c.status,
      to: "ended_early",
      set: { endedOn: today(), endReason: reason },
    });
    const occupied = countRows(
      tx,
      courses,
      and(eq(courses.mentorId, c.mentorId), inArray(courses.status, [...occupyingCourseStatuses])),
    );
    const mentor = tx.select({ status: mentors.status }).from(mentors).where(eq(mentors.id, c.mentorId)).get();
    if (occupied === 0 && mentor?.status === "active")
      move({ entity: "mentor", id: c.mentorId, from: "active", to: "approved" });
    const mentee = tx
      .select({ status: mentees.status, anonymisedAt: mentees.anonymisedAt })
      .from(mentees)
      .where(eq(mentees.id, c.menteeId))
      .get();
    const to =
      mentee && !mentee.anonymisedAt ? menteeStatusWhenCourseEnds(mentee.status, person.type === "mentee") : null;
    if (mentee && to) move({ entity: "mentee", id: c.menteeId, from: mentee.status, to });
  }
  return live.length;
}

/** The name every erased person gets instead of their own. */
const anonymousName = { firstName: ANONYMISED, lastName: ANONYMISED };

/** A citizen's erasure: their record, the free text about their courses, the company side, their page's links. */
function eraseMentee(tx: Tx, m: NonNullable<ReturnType<typeof menteeInScope>>, actor: AuditActor) {
  const id = m.id;
  tx.update(mentees)
    .set({
      ...anonymousName,
      phone: null,
      email: null,
      educationField: null,
      educationCountry: null,
      experience: m.experience.map((e) => ({ title: "", years: e.years, industryCode: e.industryCode })),
      wishedOccupation: null,
      availability: null,
      withdrawnReason: null,
      currentInternshipEmployer: null,
      needsConsideration: false,
      anonymisedAt: m.anonymisedAt ?? nowIso(),
    })
    .where(eq(mentees.id, id))
    .run();
  const courseIds = tx.select({ id: courses.id }).from(courses).where(eq(courses.menteeId, id));
  tx.update(meetings).set({ nextStep: null }).where(inArray(meetings.courseId, courseIds)).run();
  tx.update(followUps).set({ notes: null }).where(inArray(followUps.courseId, courseIds)).run();
  tx.update(surveys).set({ comment: null }).where(inArray(surveys.courseId, courseIds)).run();
  tx.update(courses).set({ endNote: null, manualReason: null }).where(eq(courses.menteeId, id)).run();
  eraseCompanySide(tx, id, actor);
  // Issue 21: the pair's own words about meetings and goals.
  tx.update(plannedMeetings)
    .set({ place: null, agenda: null })
    .where(inArray(plannedMeetings.courseId, courseIds))
    .run();
  tx.update(courseGoals).set({ text: null }).where(inArray(courseGoals.courseId, courseIds)).run();
  // The citizen's page: pending number changes go, and every link to the page is closed.
  tx.delete(citizenContactChanges).where(eq(citizenContactChanges.menteeId, id)).run();
  // Issue 19: the intake call's note (which fields were corrected stays: it names no value).
  tx.update(menteeChanges).set({ note: null }).where(eq(menteeChanges.menteeId, id)).run();
  revokeCitizenLinks(tx, id);
  // Issue 19: the free-text reasons of match requests about the citizen (the coordinator's, the mentor's).
  tx.update(matchRequests).set({ reason: null, declineReason: null }).where(eq(matchRequests.menteeId, id)).run();
}

/** A mentor's erasure: their record (retired if they still can be), screening notes, account and sign-ins. */
function eraseMentor(tx: Tx, m: NonNullable<ReturnType<typeof mentorInScope>>, actor: AuditActor) {
  const id = m.id;
  tx.update(mentors)
    .set({
      ...anonymousName,
      email: `anonymised-mentor-${id}@invalid`,
      phone: "",
      postcode: "0000",
      employer: null,
      jobTitle: ANONYMISED,
      motivation: "",
      rejectionReason: null,
      anonymisedAt: m.anonymisedAt ?? nowIso(),
    })
    .where(eq(mentors.id, id))
    .run();
  // A mentor who can still retire does (a rejected one stays rejected: the machine has no way back to retired).
  const after = tx.select({ status: mentors.status }).from(mentors).where(eq(mentors.id, id)).get()!.status;
  if (after !== "retired" && after !== "rejected")
    coveredChanges(tx, actor, "person_erased")({ entity: "mentor", id, from: after, to: "retired" });
  tx.update(mentorScreenings).set({ notes: null }).where(eq(mentorScreenings.mentorId, id)).run();
  if (m.userId) {
    tx.update(users)
      .set({
        email: `anonymised-user-${m.userId}@invalid`,
        name: ANONYMISED,
        passwordHash: null,
        active: false,
        totpSecret: null,
      })
      .where(eq(users.id, m.userId))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, m.userId)).run();
  }
  tx.update(matchRequests).set({ declineReason: null }).where(eq(matchRequests.mentorId, id)).run();
}

/**
 * Erasure: names, contacts and free text go; ids, municipality, dates, hours and outcomes stay for anonymous statistics.
 * Live courses end first. Idempotent. Returns false if the person is not found or not in scope.
 */
export function erasePerson(type: PersonType, id: number, scope: Scope, actor: AuditActor, d: Db = db()): boolean {
  return transaction((tx) => {
    const mentee = type === "mentee" ? menteeInScope(tx, id, scope) : undefined;
    const mentor = type === "mentor" ? mentorInScope(tx, id, scope) : undefined;
    if (!mentee && !mentor) return false;
    endLiveCourses(tx, { type, id }, actor);
    if (mentee) eraseMentee(tx, mentee, actor);
    if (mentor) eraseMentor(tx, mentor, actor);
    anonymiseMessages(tx, type, id);
    audit(actor, "anonymise", type, id, undefined, tx);
    return true;
  }, d);
}
