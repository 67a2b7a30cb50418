/**
 * The scale seed's courses: each with its pauses, meetings, follow-up calls, surveys, outcomes, messages and history.
 */
import { mentees } from "../../schema";
import { completedOutcomes, followUpValues, int, meetingValues, pick, surveyValues } from "../../factories";
import { addDays, addMonths } from "../../../app/domain/dates";
import type { Channel } from "../../../app/domain/enums";
import { type MentorMeta, type CoursePlan, minDay, at } from "./plan";
import { APP_URL } from "./messages";
import { type ScaleCtx } from "./context";
import { type Staff } from "./staff";

/** The writer of one citizen's course (and the channel their messages go to). */
export function courseWriter(s: ScaleCtx, staff: Staff) {
  const { rng, now, names, put, bump, messageSpecs, logAudit, clock, status } = s;
  const { coordinator } = staff;
  /** Where a citizen's messages go. */
  const menteeChannel = (m: typeof mentees.$inferInsert): { channel: Channel; recipient: string } =>
    m.preferredChannel === "email" && m.email
      ? { channel: "email", recipient: m.email }
      : { channel: "sms", recipient: m.phone! };

  const addCourse = (
    menteeId: number,
    mentee: typeof mentees.$inferInsert,
    code: number,
    plan: CoursePlan,
    mentor: MentorMeta,
    optOut: string | null,
  ) => {
    const coord = coordinator();
    const matched = plan.matchedOn;
    const reasons =
      mentor.serves === code
        ? [
            { key: "industry_division", params: { code: mentor.id % 2 ? "41" : "47" } },
            { key: "same_municipality", params: { name: names.get(code) ?? String(code) } },
          ]
        : [
            { key: "industry_section", params: { code: "G" } },
            { key: "distance", params: { km: int(rng, 5, 30) } },
          ];
    const courseId = put.course({
      menteeId,
      mentorId: mentor.id,
      status: plan.status,
      proposedAt: at(plan.proposedOn, "09:30"),
      proposedBy: coord.id,
      approvedAt: matched ? at(matched, "11:00") : null,
      approvedBy: matched ? coord.id : null,
      startDate: plan.start,
      plannedEndDate: plan.plannedEnd,
      endedOn: plan.endedOn,
      endReason: plan.endReason,
      endNote: plan.endReason === "other" ? "Se opfølgningsnoter." : null,
      matchScore: plan.status === "proposed" ? int(rng, 40, 70) : int(rng, 55, 95),
      matchReasons: reasons,
      weightsVersion: 1,
      createdAt: at(plan.proposedOn, "09:30"),
      updatedAt: at(plan.endedOn ?? plan.start ?? plan.proposedOn),
    });
    bump("courses");
    if (plan.status === "proposed") {
      status("course", courseId, null, "proposed", plan.proposedOn, coord.id);
      return;
    }
    status("course", courseId, null, "approved", matched!, coord.id);
    logAudit(matched!, clock(), coord, "create", "course", courseId, {
      menteeId,
      mentorId: mentor.id,
      weightsVersion: 1,
      manual: false,
    });
    logAudit(matched!, clock(), coord, "update", "mentee", menteeId, { field: "status", to: "matched", courseId });
    mentor.firstMatched = mentor.firstMatched && mentor.firstMatched < matched! ? mentor.firstMatched : matched;
    const menteeTo = menteeChannel(mentee);
    const blockedFrom = (day: string) =>
      optOut && menteeTo.channel === "sms" && day >= optOut ? "opted out of SMS" : null;
    messageSpecs.push({
      at: at(matched!, "11:01"),
      channel: "email",
      recipient: mentor.email,
      template: "match_mentor",
      locale: mentor.locale,
      subjectType: "mentor",
      subjectId: mentor.id,
      key: `match_mentor:${courseId}`,
      blocked: null,
      data: {
        mentorFirstName: mentor.firstName,
        menteeFirstName: mentee.firstName,
        menteePhone: mentee.phone,
        menteeEmail: mentee.email,
        municipality: names.get(code) ?? "",
        languages: mentee.languages,
        danishLevel: mentee.danishLevel,
        wishedIndustryCodes: mentee.wishedIndustryCodes,
        goals: mentee.goals,
        startDate: plan.start,
        url: `${APP_URL}/mentor`,
      },
      fill: [
        mentor.firstName,
        mentee.firstName,
        mentee.phone ?? "–",
        mentee.email ?? "–",
        names.get(code) ?? "",
        plan.start ?? "",
      ],
    });
    messageSpecs.push({
      at: at(matched!, "11:01"),
      ...menteeTo,
      template: "match_mentee",
      locale: mentee.language!,
      subjectType: "mentee",
      subjectId: menteeId,
      key: `match_mentee:${courseId}`,
      data: { mentorFirstName: mentor.firstName },
      fill: [mentor.firstName],
      blocked: blockedFrom(matched!),
    });
    if (plan.status === "approved") return;

    const start = plan.start!;
    status("course", courseId, "approved", "active", start, coord.id);
    messageSpecs.push({
      at: at(start, "09:00"),
      ...menteeTo,
      template: "course_started_mentee",
      locale: mentee.language!,
      subjectType: "mentee",
      subjectId: menteeId,
      key: `course:${courseId}:started:mentee`,
      data: { startDate: start },
      fill: [],
      blocked: blockedFrom(start),
    });
    for (const p of plan.pauses) {
      put.pause({
        courseId,
        fromDate: p.from,
        toDate: p.to,
        reason: pick(rng, ["Sygdom i familien", "Ferie", "Mentor på arbejdsrejse"]),
        createdBy: coord.id,
        createdAt: at(p.from),
      });
      bump("course_pauses");
      status("course", courseId, "active", "paused", p.from, coord.id);
      if (p.to) status("course", courseId, "paused", "active", p.to, coord.id);
    }
    const openPause = plan.pauses.find((p) => !p.to);
    const until = minDay(plan.endedOn ?? now, openPause ? openPause.from : now);
    const inPause = (day: string) => plan.pauses.some((p) => p.to && day >= p.from && day <= p.to);
    const behind = rng() < 1 / 7;
    for (
      let day = addDays(start, int(rng, 0, 6));
      day <= until;
      day = addDays(day, behind ? int(rng, 30, 50) : int(rng, 12, 24))
    ) {
      if (inPause(day)) continue;
      put.meeting(meetingValues(rng, courseId, day, { createdBy: mentor.userId }));
      bump("meetings");
    }
    for (let call = addDays(start, 7); call <= until; call = addDays(call, int(rng, 28, 42))) {
      put.followUp(followUpValues(rng, courseId, call, coordinator().id));
      bump("follow_ups");
      if (rng() < 0.3) logAudit(call, clock(), coord, "view", "course", courseId);
    }
    const survey = (kind: "day30" | "closure", sentOn: string) => {
      for (const respondent of ["mentee", "mentor"] as const) {
        put.survey(surveyValues(rng, courseId, kind, respondent, sentOn, now));
        bump("surveys");
      }
    };
    if (addDays(start, 30) <= until) survey("day30", addDays(start, 30));
    if (plan.endedOn) {
      survey("closure", plan.endedOn);
      status("course", courseId, openPause ? "paused" : "active", plan.status, plan.endedOn, coord.id, plan.endReason);
      messageSpecs.push({
        at: at(plan.endedOn, "12:00"),
        ...menteeTo,
        template: "course_ended_mentee",
        locale: mentee.language!,
        subjectType: "mentee",
        subjectId: menteeId,
        key: `course:${courseId}:ended:mentee`,
        data: {},
        fill: [],
        blocked: blockedFrom(plan.endedOn),
      });
      logAudit(plan.endedOn, clock(), coord, "update", "course", courseId, { field: "status", to: plan.status });
      mentor.lastEnded = mentor.lastEnded && mentor.lastEnded > plan.endedOn ? mentor.lastEnded : plan.endedOn;
    }
    if (plan.status === "completed") {
      for (const o of completedOutcomes(rng, courseId, plan.endedOn!, addMonths(plan.endedOn!, 3), now, coord.id)) {
        put.outcome(o);
        bump("outcomes");
      }
    } else if (plan.endReason === "got_job") {
      put.outcome({
        courseId,
        type: pick(rng, ["job_full_time", "job_part_time"] as const),
        phase: "end",
        outcomeDate: plan.endedOn!,
        recordedBy: coord.id,
        createdAt: at(plan.endedOn!, "12:00"),
      });
      bump("outcomes");
    } else if (plan.status === "active" && plan.plannedEnd! <= addDays(now, 20) && rng() < 0.3) {
      // The mentor has proposed an outcome near the end; the coordinator has not confirmed it yet.
      put.outcome({
        courseId,
        type: "job_part_time",
        phase: "end",
        outcomeDate: addDays(now, -int(rng, 1, 10)),
        confirmed: false,
        recordedBy: mentor.userId,
        createdAt: at(addDays(now, -1)),
      });
      bump("outcomes");
    }
  };
  return { addCourse, menteeChannel };
}

export type CourseWriter = ReturnType<typeof courseWriter>;
