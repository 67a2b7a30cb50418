/** The scale seed's citizens (referred, matched, in course, ended, withdrawn, back in the queue) and their history. */
import { int, menteeValues, pick, weighted } from "../../factories";
import { addDays } from "../../../app/domain/dates";
import type { MenteeStatus } from "../../../app/domain/enums";
import { WELCOME_TEMPLATE } from "../../../app/services/referrals.server";
import {
  FORMER_SHARE,
  MENTEE_PLAN,
  WITHDRAWN_REASONS,
  rampDay,
  minDay,
  maxDay,
  at,
  shiftPlan,
  planCourses,
} from "./plan";
import { type ScaleCtx, CHUNK } from "./context";
import { type Staff } from "./staff";
import { type Mentors } from "./mentors";
import { type CourseWriter } from "./courses";

/** Citizens by the thousand, each with the courses of their story. */
export function seedMentees(s: ScaleCtx, staff: Staff, team: Mentors, writer: CourseWriter) {
  const { N, rng, now, progStart, shares, former, progress, put, bump, tx, messageSpecs, logAudit, clock, status } = s;
  const { coordinator, caseworkerOf } = staff;
  const { demoMentor, pastMentor, liveMentor } = team;
  const { addCourse, menteeChannel } = writer;

  for (let i = 0; i < N; i += CHUNK) {
    tx(() => {
      for (let k = i; k < Math.min(N, i + CHUNK); k++) {
        const demo = k === 0;
        const isFormer = !demo && former.length > 0 && rng() < FORMER_SHARE;
        const code = demo ? 751 : isFormer ? pick(rng, former) : weighted(rng, shares);
        let st: MenteeStatus = demo ? "in_course" : weighted(rng, MENTEE_PLAN);
        if (isFormer && !["withdrawn", "completed", "ended_early"].includes(st)) st = "completed";
        const plan = planCourses(rng, now, progStart, st, demo);
        if (isFormer) {
          // Closed before the municipality left the programme: shift the whole story back a year.
          plan.referred = maxDay(progStart, addDays(plan.referred, -365));
          plan.courses = plan.courses
            .filter((c) => !c.endedOn || addDays(c.endedOn, -365) > progStart)
            .map((c) => shiftPlan(c, -365));
          if (!plan.courses.length) {
            st = "withdrawn";
            plan.withdrawnOn = addDays(plan.referred, 30);
          }
        }
        const cw = isFormer ? null : caseworkerOf(code);
        // Mentors volunteer in partner municipalities; a former partner's citizens had mentors from the partners.
        const mentorCode = isFormer ? weighted(rng, shares) : code;
        const last = plan.courses[plan.courses.length - 1];
        const optOut = rng() < 0.01 ? addDays(plan.referred, int(rng, 5, 60)) : null;
        const values = menteeValues(rng, code, {
          status: st,
          referredBy: cw?.id ?? null,
          referredAt: at(plan.referred, "09:00"),
          createdAt: at(plan.referred, "09:00"),
          matchedAt: last?.matchedOn ? at(last.matchedOn, "11:00") : null,
          withdrawnReason: st === "withdrawn" ? pick(rng, WITHDRAWN_REASONS) : null,
          smsOptOutAt: optOut && optOut <= now ? at(optOut, "20:00") : null,
          updatedAt: at(plan.withdrawnOn ?? last?.endedOn ?? last?.start ?? plan.referred),
          ...(demo ? { preferredChannel: "sms" as const } : {}),
        });
        const id = put.mentee(values);
        bump("mentees");
        for (const purpose of ["participation", "share_with_mentor", "sms"] as const) {
          put.consent({
            subjectType: "mentee",
            subjectId: id,
            purpose,
            textVersion: "2026-01",
            givenAt: at(plan.referred, "09:00"),
            recordedBy: cw?.id ?? null,
            createdAt: at(plan.referred, "09:00"),
          });
          bump("consents");
        }
        status("mentee", id, null, "waiting", plan.referred, cw?.id ?? null, "referred");
        if (cw) logAudit(plan.referred, "09:00", cw, "create", "mentee", id);
        const to = menteeChannel(values);
        messageSpecs.push({
          at: at(plan.referred, "09:00"),
          ...to,
          template: WELCOME_TEMPLATE,
          locale: values.language!,
          subjectType: "mentee",
          subjectId: id,
          key: `${WELCOME_TEMPLATE}:${id}`,
          data: { firstName: values.firstName },
          fill: [values.firstName],
          blocked: null,
        });
        let prev: string = "waiting";
        for (const c of plan.courses) {
          const live =
            c.status === "proposed" || c.status === "approved" || c.status === "active" || c.status === "paused";
          const mentor = demo
            ? demoMentor
            : live
              ? liveMentor(mentorCode)
              : pastMentor(mentorCode, addDays(c.proposedOn, -10));
          if (live && c.status !== "proposed") mentor.live++;
          addCourse(id, values, code, c, mentor, optOut);
          if (c.status === "proposed") continue;
          status("mentee", id, prev, "matched", c.matchedOn!, coordinator().id);
          prev = "matched";
          if (c.status === "approved") continue;
          status("mentee", id, "matched", "in_course", c.start!, null);
          prev = "in_course";
          if (c.endedOn) {
            status("mentee", id, "in_course", c.status, c.endedOn, null);
            prev = c.status;
          }
          if (c.status === "ended_early" && c !== last) {
            status(
              "mentee",
              id,
              "ended_early",
              "waiting",
              addDays(c.endedOn!, 1),
              coordinator().id,
              "returned to waiting",
            );
            prev = "waiting";
          }
        }
        if (plan.returned)
          status("mentee", id, "ended_early", "waiting", plan.returned, coordinator().id, "returned to waiting");
        if (plan.withdrawnOn)
          status(
            "mentee",
            id,
            "waiting",
            "withdrawn",
            plan.withdrawnOn,
            cw?.id ?? coordinator().id,
            values.withdrawnReason ?? null,
          );
        // Staff read the record now and then (each read is logged).
        const lastDay = minDay(now, plan.withdrawnOn ?? last?.endedOn ?? now);
        for (let v = int(rng, 0, 2); v > 0; v--)
          logAudit(rampDay(rng, plan.referred, lastDay), clock(), coordinator(), "view", "mentee", id);
        if (cw && rng() < 0.6) logAudit(rampDay(rng, plan.referred, lastDay), clock(), cw, "view", "mentee", id);
      }
    });
    progress("mentees", Math.min(N, i + CHUNK), N);
  }
}
