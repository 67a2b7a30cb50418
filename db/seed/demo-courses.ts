/**
 * The demo's citizens and courses: 120 citizens across statuses, courses in every state with meetings, follow-up calls,
 * surveys and outcomes.
 */
import { eq } from "drizzle-orm";
import { courses, followUps, meetings, mentees, outcomes, surveys } from "../schema";
import { giveConsents, insertMentee, int, pick } from "../factories";
import { addDays, addMonths } from "../../app/domain/dates";
import type { MeetingTopic, OutcomeType } from "../../app/domain/enums";
import { mustChangeStatus } from "../../app/services/status.server";
import { seedHistory, type DemoCtx, type PoolMentor } from "./demo-context";
import { welcome } from "./demo-requests";

const TOPICS: MeetingTopic[] = [
  "cv",
  "applications",
  "interviews",
  "network",
  "industry_insight",
  "workplace_culture",
  "education_guidance",
];

/** Citizens and their courses; returns each pool mentor's number of running courses. */
export function seedMenteesAndCourses(
  { t, rng, srng, now, partnerCodes, coord, caseworkers }: DemoCtx,
  pool: PoolMentor[],
  demoMentor: { id: number },
): Map<number, number> {
  const plan: [typeof mentees.$inferInsert.status, number][] = [
    ["in_course", 28],
    ["completed", 36],
    ["ended_early", 8],
    ["matched", 5],
    ["waiting", 36],
    ["withdrawn", 7],
  ];
  const activeLoad = new Map<number, number>();
  let mentorCursor = 0;
  const nextMentor = (needFree: boolean) => {
    for (let k = 0; k < pool.length; k++) {
      const p = pool[(mentorCursor + k) % pool.length];
      if (!needFree || (activeLoad.get(p.id) ?? 0) < p.capacity) {
        mentorCursor = (mentorCursor + k + 1) % pool.length;
        return p.id;
      }
    }
    return null;
  };
  let first = true;
  let storyDrops = 0;
  for (const [status, n] of plan) {
    for (let i = 0; i < n; i++) {
      const code = first ? 751 : pick(rng, partnerCodes);
      const referredOn =
        status === "waiting"
          ? addDays(now, -int(rng, 2, 90))
          : status === "completed" || status === "ended_early"
            ? addDays(now, -int(rng, 240, 640))
            : addDays(now, -int(rng, 30, 200));
      // The story's first two early ends (the queue's issue-19 cases) are written as they happened: in course, then
      // ended early through the one status path; the other citizens are written as they are today.
      const storyDrop = status === "ended_early" && storyDrops < 2;
      const mentee = insertMentee(t, rng, code, {
        status: storyDrop ? "in_course" : status,
        referredBy: caseworkers.get(code) ?? null,
        referredAt: referredOn + "T09:00:00.000Z",
        withdrawnReason: status === "withdrawn" ? "Borgeren er flyttet til en anden kommune" : null,
      });
      giveConsents(
        t,
        "mentee",
        mentee.id,
        ["participation", "share_with_mentor", "sms"],
        referredOn + "T09:00:00.000Z",
        caseworkers.get(code) ?? null,
      );
      const referrer = caseworkers.get(code);
      mustChangeStatus(t, {
        ...seedHistory(coord),
        actor: referrer == null ? null : { id: referrer, role: "caseworker" },
        entity: "mentee",
        id: mentee.id,
        from: null,
        to: "waiting",
        at: referredOn + "T09:00:00.000Z",
      });
      welcome(t, mentee, referredOn);
      if (status === "waiting" || status === "withdrawn") continue;
      const live = status === "in_course" || status === "matched";
      const mentorId = first ? demoMentor.id : nextMentor(live);
      first = false;
      if (mentorId == null) continue;
      if (live) activeLoad.set(mentorId, (activeLoad.get(mentorId) ?? 0) + 1);
      const matchedOn = addDays(referredOn, int(rng, 10, 45));
      const start = status === "matched" ? addDays(now, int(rng, 1, 14)) : addDays(matchedOn, int(rng, 5, 14));
      const plannedEnd = addMonths(start, 6);
      const courseStatus =
        status === "matched" ? "approved" : status === "in_course" ? (i % 11 === 5 ? "paused" : "active") : status;
      const endedOn =
        status === "completed" ? plannedEnd : status === "ended_early" ? addDays(start, int(rng, 30, 120)) : null;
      const course = t
        .insert(courses)
        .values({
          menteeId: mentee.id,
          mentorId,
          status: courseStatus as typeof courses.$inferInsert.status,
          proposedAt: matchedOn + "T10:00:00.000Z",
          proposedBy: coord.id,
          approvedAt: matchedOn + "T11:00:00.000Z",
          approvedBy: coord.id,
          startDate: start,
          plannedEndDate: plannedEnd,
          endedOn,
          endReason:
            status === "ended_early"
              ? pick(rng, ["mentee_withdrew", "no_contact", "moved", "personal_circumstances"] as const)
              : null,
          matchScore: int(rng, 55, 95),
          weightsVersion: 1,
          matchReasons: [{ code: "industry_division" }, { code: "same_municipality" }],
        })
        .returning()
        .get();
      t.update(mentees)
        .set({ matchedAt: matchedOn + "T11:00:00.000Z" })
        .where(eq(mentees.id, mentee.id))
        .run();
      if (storyDrop) {
        storyDrops++;
        mustChangeStatus(t, {
          ...seedHistory(coord),
          entity: "mentee",
          id: mentee.id,
          from: "in_course",
          to: "ended_early",
          at: endedOn + "T12:00:00.000Z",
        });
      }
      // meetings: about 1-2 a month up to today or the end
      const until = endedOn ?? (now < plannedEnd ? now : plannedEnd);
      if (status !== "matched") {
        let day = addDays(start, int(rng, 0, 4));
        const behind = i % 7 === 3; // some courses fall behind
        while (day <= until) {
          t.insert(meetings)
            .values({
              courseId: course.id,
              date: day,
              minutes: pick(rng, [60, 90, 120, 150]),
              form: pick(rng, ["in_person", "in_person", "phone", "video", "company_visit"] as const),
              topics: [pick(rng, TOPICS), pick(rng, TOPICS)].filter((v, k, a) => a.indexOf(v) === k),
              nextStep: "Vi mødes igen og ser på ansøgninger.",
            })
            .run();
          day = addDays(day, behind ? int(rng, 30, 50) : int(rng, 12, 24));
        }
        let call = addDays(start, 7);
        while (call <= until) {
          const st = rng() < 0.8 ? "on_track" : rng() < 0.7 ? "concern" : "needs_action";
          t.insert(followUps)
            .values({
              courseId: course.id,
              calledOn: call,
              target: pick(rng, ["mentor", "mentor", "mentee"] as const),
              status: st,
              notes: st === "on_track" ? "Godt samarbejde." : "Aftalt nyt møde snarest.",
              createdBy: coord.id,
            })
            .run();
          call = addDays(call, int(rng, 28, 42));
        }
      }
      // Surveys: day 30 for every course that got there, closure for the finished ones; most answered. A separate
      // random stream, so adding them left the rest of the demo as it was.
      if (status !== "matched") {
        const survey = (kind: "day30" | "closure", sentOn: string) => {
          for (const respondent of ["mentee", "mentor"] as const) {
            const answered = srng() < (respondent === "mentor" ? 0.8 : 0.65);
            const answeredOn = addDays(sentOn, int(srng, 0, 6));
            t.insert(surveys)
              .values({
                courseId: course.id,
                kind,
                respondent,
                sentAt: sentOn + "T08:00:00.000Z",
                answeredAt: answered && answeredOn <= now ? answeredOn + "T19:30:00.000Z" : null,
                satisfaction: answered && answeredOn <= now ? pick(srng, [5, 5, 4, 4, 4, 3, 3, 2]) : null,
                closerToJob: answered && answeredOn <= now ? pick(srng, ["yes", "yes", "unsure", "no"] as const) : null,
              })
              .run();
          }
        };
        if (addDays(start, 30) <= until) survey("day30", addDays(start, 30));
        if (endedOn) survey("closure", endedOn);
      }
      if (status === "completed") {
        const positive = rng() < 0.65;
        const type: OutcomeType = positive
          ? pick(rng, [
              "job_full_time",
              "job_full_time",
              "job_part_time",
              "education",
              "wage_subsidy",
              "internship_unpaid",
              "igu",
              "internship_paid",
            ] as const)
          : "closer_to_job";
        t.insert(outcomes)
          .values({
            courseId: course.id,
            type,
            phase: "end",
            outcomeDate: endedOn!,
            employerIndustryCode:
              positive && type !== "education" ? pick(rng, ["41", "47", "56", "49", "86", "87"]) : null,
            viaMentorNetwork: positive && rng() < 0.4,
            recordedBy: coord.id,
          })
          .run();
        if (addMonths(endedOn!, 3) <= now) {
          const keep = positive ? rng() < 0.85 : rng() < 0.3;
          const later: OutcomeType = keep
            ? positive
              ? type
              : pick(rng, ["job_part_time", "internship_unpaid", "education"] as const)
            : "closer_to_job";
          t.insert(outcomes)
            .values({
              courseId: course.id,
              type: later,
              phase: "followup_3m",
              outcomeDate: addMonths(endedOn!, 3),
              recordedBy: coord.id,
            })
            .run();
        }
      }
    }
  }
  return activeLoad;
}
