/** The scale seed's plan: how many of what, where and when, and each citizen's story as dates. */
import { int, weighted, type Rng } from "../../factories";
import { addDays, addMonths, daysBetween } from "../../../app/domain/dates";
import type { CourseStatus, EndReason, MenteeStatus, MentorStatus, MessageLanguage } from "../../../app/domain/enums";

/** Share of referred citizens per partner municipality (relative weights): Copenhagen and Aarhus large. */
export const MUNICIPALITY_WEIGHTS: Record<number, number> = {
  101: 24,
  751: 20,
  621: 7,
  657: 6,
  540: 5,
  510: 4.5,
  580: 4,
  430: 3.5,
  575: 3,
  707: 3,
  390: 3,
  550: 2.5,
  530: 2,
};
/** Former partners: a few closed cases from before they left (reports list municipalities with referred citizens). */
export const FORMER_PARTNERS = [461, 851];
export const FORMER_SHARE = 0.01;
/** Some mentors live next door to the partner municipality they volunteer in. */
export const NEIGHBOURS: Record<number, number[]> = {
  101: [147, 157, 173],
  751: [706, 710, 727, 740],
  621: [607, 630],
  657: [661, 756],
  430: [410, 420, 440, 479],
  390: [370],
};
export const YEARS = 5;

export const MENTEE_PLAN: [MenteeStatus, number][] = [
  ["waiting", 12.4],
  ["withdrawn", 39.6],
  ["matched", 1.1],
  ["in_course", 5.4],
  ["completed", 32],
  ["ended_early", 9.5],
];
export const MENTOR_PLAN: [MentorStatus | "pool", number][] = [
  ["pool", 55.5],
  ["retired", 30],
  ["rejected", 6],
  ["paused", 4],
  ["applied", 2.5],
  ["screening", 2],
];
export const END_REASONS: [EndReason, number][] = [
  ["got_job", 20],
  ["mentee_withdrew", 20],
  ["mentor_withdrew", 10],
  ["no_contact", 15],
  ["moved", 10],
  ["personal_circumstances", 15],
  ["consent_withdrawn", 3],
  ["other", 7],
];
export const WITHDRAWN_REASONS = [
  "Borgeren er flyttet til en anden kommune",
  "Borgeren har fået job",
  "Borgeren er startet på uddannelse",
  "Borgeren ønsker ikke at deltage alligevel",
  "Ikke muligt at få kontakt",
];

export type MentorMeta = {
  id: number;
  userId: number | null;
  firstName: string;
  email: string;
  locale: MessageLanguage;
  status: MentorStatus | "pool";
  serves: number;
  createdOn: string;
  capacity: number;
  live: number;
  firstMatched: string | null;
  lastEnded: string | null;
  pausedFrom: string | null;
};

/** A day between `from` and `to` (inclusive), more often late than early: the programme grew over the years. */
export function rampDay(rng: Rng, from: string, to: string): string {
  const span = Math.max(0, daysBetween(from, to));
  for (;;) {
    const t = rng();
    if (rng() < 0.4 + 0.6 * t) return addDays(from, Math.floor(t * (span + 1)));
  }
}
export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);
export const at = (day: string, hhmm = "10:00") => `${day}T${hhmm}:00.000Z`;

export type CoursePlan = {
  status: CourseStatus;
  proposedOn: string;
  matchedOn: string | null;
  start: string | null;
  plannedEnd: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  pauses: { from: string; to: string | null }[];
};

export function shiftPlan(c: CoursePlan, days: number): CoursePlan {
  const s = (v: string | null) => (v ? addDays(v, days) : v);
  return {
    ...c,
    proposedOn: addDays(c.proposedOn, days),
    matchedOn: s(c.matchedOn),
    start: s(c.start),
    plannedEnd: s(c.plannedEnd),
    endedOn: s(c.endedOn),
    pauses: c.pauses.map((p) => ({ from: addDays(p.from, days), to: s(p.to) })),
  };
}

/** One citizen's story as dates: when referred, their courses (usually one), a withdrawal or a return to the queue. */
export function planCourses(
  rng: Rng,
  now: string,
  progStart: string,
  st: MenteeStatus,
  demo: boolean,
): { referred: string; courses: CoursePlan[]; withdrawnOn?: string; returned?: string } {
  const plans: CoursePlan[] = [];
  const approvedCourse = (matchedOn: string, start: string, o: Partial<CoursePlan>): CoursePlan => ({
    status: "approved",
    proposedOn: matchedOn,
    matchedOn,
    start,
    plannedEnd: addMonths(start, 6),
    endedOn: null,
    endReason: null,
    pauses: [],
    ...o,
  });
  const earlyEnd = (startFrom: string, startTo: string): CoursePlan => {
    const start = rampDay(rng, startFrom, startTo);
    return approvedCourse(addDays(start, -int(rng, 5, 14)), start, {
      status: "ended_early",
      endedOn: minDay(addDays(start, int(rng, 20, 150)), addDays(now, -1)),
      endReason: weighted(rng, END_REASONS),
    });
  };
  let referred: string;
  switch (st) {
    case "waiting": {
      if (rng() < 0.08) {
        referred = addDays(now, -int(rng, 300, 900));
        const early = earlyEnd(addDays(referred, 25), addDays(referred, 120));
        plans.push(early);
        return { referred, courses: plans, returned: addDays(early.endedOn!, 1) };
      }
      referred = addDays(now, -Math.min(700, 1 + Math.floor(-Math.log(1 - rng()) * 110)));
      if (rng() < 0.02)
        plans.push({
          status: "proposed",
          proposedOn: maxDay(referred, addDays(now, -int(rng, 0, 5))),
          matchedOn: null,
          start: null,
          plannedEnd: null,
          endedOn: null,
          endReason: null,
          pauses: [],
        });
      return { referred, courses: plans };
    }
    case "withdrawn": {
      referred = rampDay(rng, progStart, addDays(now, -15));
      return {
        referred,
        courses: plans,
        withdrawnOn: minDay(addDays(referred, int(rng, 10, 150)), addDays(now, -1)),
      };
    }
    case "matched": {
      const matchedOn = addDays(now, -int(rng, 0, 20));
      plans.push(approvedCourse(matchedOn, addDays(now, int(rng, 1, 14)), {}));
      break;
    }
    case "in_course": {
      const extended = !demo && rng() < 0.08;
      const start = demo
        ? addDays(now, -60)
        : extended
          ? addDays(now, -int(rng, 176, 240))
          : addDays(now, -int(rng, 0, 175));
      const plan = approvedCourse(addDays(start, -int(rng, 5, 14)), start, { status: "active" });
      if (extended) plan.plannedEnd = addMonths(start, 8);
      if (!demo && rng() < 0.08 && daysBetween(start, now) > 35) {
        plan.status = "paused";
        plan.pauses.push({ from: maxDay(addDays(start, 30), addDays(now, -int(rng, 5, 40))), to: null });
      } else if (!demo && rng() < 0.1 && daysBetween(start, now) > 80) {
        const from = addDays(start, int(rng, 30, 60));
        const to = addDays(from, int(rng, 14, 42));
        plan.pauses.push({ from, to: minDay(to, addDays(now, -1)) });
        plan.plannedEnd = addDays(plan.plannedEnd!, daysBetween(from, minDay(to, addDays(now, -1))));
      }
      plans.push(plan);
      break;
    }
    case "completed": {
      const endedOn = rampDay(rng, addDays(progStart, 400), addDays(now, -1));
      const months = rng() < 0.1 ? 8 : 6;
      const start = addMonths(endedOn, -months);
      const plan = approvedCourse(addDays(start, -int(rng, 5, 14)), start, {
        status: "completed",
        endedOn,
        plannedEnd: endedOn,
      });
      if (months === 8 && rng() < 0.5) {
        const from = addDays(start, int(rng, 30, 90));
        plan.pauses.push({ from, to: addDays(from, int(rng, 14, 42)) });
      }
      plans.push(plan);
      break;
    }
    case "ended_early":
      plans.push(earlyEnd(addDays(progStart, 170), addDays(now, -25)));
      break;
  }
  const first = plans[0];
  // Some came back after a course that ended early, and got a new one.
  if (!demo && rng() < 0.04 && daysBetween(progStart, first.matchedOn!) > 400)
    plans.unshift(earlyEnd(addDays(progStart, 60), addDays(first.matchedOn!, -200)));
  referred = maxDay(progStart, addDays(plans[0].matchedOn!, -int(rng, 10, 150)));
  return { referred, courses: plans };
}
