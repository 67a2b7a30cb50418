/**
 * The request side of the planning page, shared by the mentor's and the coordinator's route (both thin): read the
 * page, and for a post pick the form by its intent, parse it with its schema, call the use case, and answer with a
 * redirect back to the course or the form's errors (on their fields).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { isPlannedMeetingIntent, plannedMeetingSchemas, type PlannedMeetingIntent } from "../schemas/between";
import { today } from "../utils/clock";
import {
  cancelMeeting,
  changeMeeting,
  confirmHeld,
  markMissed,
  plannedForCourse,
  plannedMeetingFor,
  planMeeting,
  planningCourse,
} from "./planned-meetings.server";
import { replyWith, type Actor, type Result } from "./kernel.server";

export function plannedMeetingPage(actor: Actor, courseId: number, url: URL) {
  const course = planningCourse(actor, courseId);
  if (!course) throw notFound();
  const m = Number(url.searchParams.get("m"));
  const editing = Number.isInteger(m) && m > 0 && m <= 2_147_483_647 ? plannedMeetingFor(actor, courseId, m) : null;
  return {
    course,
    editing: editing?.changeable ? editing : null,
    awaiting: actor.role === "mentor" ? plannedForCourse(courseId).filter((p) => p.awaitsLogging) : [],
    today: today(),
  };
}

export async function plannedMeetingAction(request: Request, actor: Actor, courseId: number, coursePath: string) {
  if (!planningCourse(actor, courseId)) throw notFound();
  const form = await request.formData();
  const raw = form.get("intent");
  const mentorOnly = raw === "confirm" || raw === "missed";
  if (!isPlannedMeetingIntent(raw) || (mentorOnly && actor.role !== "mentor"))
    return data({ intent: null, result: null }, { status: 400 });
  const intent: PlannedMeetingIntent = raw;
  const submission = parseWithZod(form, { schema: plannedMeetingSchemas[intent] });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  let r: Result<unknown>;
  switch (v.intent) {
    case "plan":
      r = planMeeting(actor, courseId, v);
      break;
    case "change":
      r = changeMeeting(actor, courseId, v.plannedId, v);
      break;
    case "cancel":
      r = cancelMeeting(actor, courseId, v.plannedId);
      break;
    case "confirm":
      r = confirmHeld(actor.id, courseId, v.plannedId, { minutes: v.minutes, topics: v.topics });
      break;
    case "missed":
      r = markMissed(actor.id, courseId, v.plannedId);
      break;
  }
  if (!r.ok) {
    if (r.formErrors.includes("courses.errors.notFound")) throw notFound();
    return data({ intent, result: replyWith(submission, r) }, { status: 400 });
  }
  return redirect(`${coursePath}?done=meeting_${intent}#planned-title`);
}

/** A route's numeric id parameter, or a 404 (the one rule of app/utils/params.server.ts). */
export { idParam } from "../utils/params.server";
export type PlannedMeetingPageData = ReturnType<typeof plannedMeetingPage>;
