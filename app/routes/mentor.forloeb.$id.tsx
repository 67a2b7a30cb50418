import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import {
  deleteMeeting,
  getMentorCourse,
  logMeeting,
  MEETING_EDIT_DAYS,
  proposeOutcome,
  updateMeeting,
} from "../services/meeting-log.server";
import { replyWith } from "../services/kernel.server";
import { answerMentorSurvey } from "../services/surveys.server";
import { minimalProfileForMentor } from "../services/competence.server";
import { deleteMeetingSchema, meetingSchema, proposeOutcomeSchema, surveySchema } from "../schemas/courses";
import { Alert } from "../components/forms";
import { z } from "zod";
import { pageMeta } from "../i18n/meta";
import { getLocale } from "../i18n/locale.server";
import { plannedForCourse } from "../services/planned-meetings.server";
import { goalsForCourse } from "../services/goals.server";
import { tipsForMonth } from "../services/guidance.server";
import { PlannedMeetingsSection } from "../components/PlannedMeetings";
import { GoalPlanSection } from "../components/GoalPlan";
import { GuidanceTips } from "../components/Guidance";
import { CourseOverview } from "../components/mentor-course/CourseOverview";
import { MeetingLogForm, MeetingMonths, MentorMeetingList } from "../components/mentor-course/MeetingLog";
import { MentorSurvey, OutcomeProposals } from "../components/mentor-course/MentorCourseForms";
import { MenteeForMentor } from "../components/mentor-course/MenteeForMentor";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("course");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:own");
  const course = getMentorCourse(user.id, idParam(params.id));
  if (!course) throw notFound();
  // The competence assessment in its minimal form only: education, experience, wishes (share_with_mentor).
  const month = course.commitment?.currentMonth?.index ?? null;
  return {
    ...course,
    editDays: MEETING_EDIT_DAYS,
    competence: minimalProfileForMentor(user.id, course.course.id),
    planned: plannedForCourse(course.course.id),
    goals: goalsForCourse(course.course.id),
    tips: tipsForMonth(month, await getLocale(request, user)),
    month,
  };
}

type Intent = "log" | "update" | "delete" | "propose" | "survey";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "log:meeting:own");
  const id = idParam(params.id);
  if (!getMentorCourse(user.id, id)) throw notFound();
  const form = await request.formData();
  const intentRaw = form.get("intent");
  const intent: Intent =
    intentRaw === "delete" || intentRaw === "propose" || intentRaw === "survey" || intentRaw === "update"
      ? intentRaw
      : "log";
  const bad = (result: unknown) => data({ intent, result }, { status: 400 });

  if (intent === "log" || intent === "update") {
    const submission = parseWithZod(form, { schema: meetingSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const v = submission.value;
    const input = { date: v.date, minutes: v.minutes, form: v.form, topics: v.topics, nextStep: v.nextStep };
    const r =
      v.intent === "update" && v.meetingId
        ? updateMeeting(user.id, id, v.meetingId, input)
        : logMeeting(user.id, id, input);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=${v.intent === "update" ? "updated" : "saved"}`);
  }
  if (intent === "delete") {
    const submission = parseWithZod(form, { schema: deleteMeetingSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const r = deleteMeeting(user.id, id, submission.value.meetingId);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=deleted`);
  }
  if (intent === "propose") {
    const submission = parseWithZod(form, { schema: proposeOutcomeSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const r = proposeOutcome(user.id, id, submission.value);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=proposed`);
  }
  const submission = parseWithZod(form, {
    schema: surveySchema.extend({ surveyId: z.coerce.number().int().positive().max(2_147_483_647) }),
  });
  if (submission.status !== "success") return bad(submission.reply());
  const r = answerMentorSurvey(user.id, id, submission.value.surveyId, submission.value);
  if (!r.ok) return bad(replyWith(submission, r));
  return redirect(`/mentor/forloeb/${id}?done=survey#survey`);
}

export type MentorCourseData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function MentorCourse() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const meetingDone = done?.startsWith("meeting_") ? done.slice("meeting_".length) : null;
  const editId = Number(params.get("rediger"));
  const editing = d.meetings.find((m) => m.id === editId && m.editable) ?? null;
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? (actionData.result as never) : undefined);
  const deleteResult = resultFor("delete") as { error?: Record<string, string[]> } | undefined;

  return (
    <>
      <p>
        <Link to="/mentor">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("courses.page.title", { name: d.mentee.firstName })}</h1>
      {done === "saved" ? <Alert kind="success">{t("courses.meeting.saved")}</Alert> : null}
      {done === "updated" ? <Alert kind="success">{t("courses.meeting.updated")}</Alert> : null}
      {done === "deleted" ? <Alert kind="success">{t("courses.meeting.deleted")}</Alert> : null}
      {done === "proposed" ? <Alert kind="success">{t("courses.outcome.proposed")}</Alert> : null}
      {done === "survey" ? <Alert kind="success">{t("courses.survey.thanks")}</Alert> : null}
      {deleteResult?.error ? <Alert kind="error">{t("courses.meeting.notEditable")}</Alert> : null}
      {meetingDone ? (
        <Alert kind="success">
          {t(
            `between.meeting.${({ plan: "planned", change: "changed", cancel: "cancelled", confirm: "confirmed", missed: "markedMissed" } as Record<string, string>)[meetingDone] ?? "planned"}`,
          )}
        </Alert>
      ) : null}

      <CourseOverview d={d} />

      <PlannedMeetingsSection
        items={d.planned}
        planPath={`/mentor/forloeb/${d.course.id}/moede`}
        confirmAction={`/mentor/forloeb/${d.course.id}/moede`}
        canPlan={d.course.status === "approved" || d.course.status === "active"}
        canConfirm={d.course.status === "active"}
      />

      <GoalPlanSection
        goals={d.goals}
        editPath={
          d.course.status === "completed" || d.course.status === "ended_early"
            ? null
            : `/mentor/forloeb/${d.course.id}/maal`
        }
      />

      {d.tips.length && d.month ? <GuidanceTips tips={d.tips} month={d.month} /> : null}

      <MeetingLogForm
        key={editing ? `meeting-${editing.id}` : "meeting"}
        d={d}
        editing={editing}
        lastResult={resultFor(editing ? "update" : "log") as never}
      />

      <MeetingMonths d={d} />

      <MentorMeetingList d={d} />

      <MentorSurvey d={d} lastResult={resultFor("survey") as never} />

      <OutcomeProposals d={d} lastResult={resultFor("propose") as never} />

      <MenteeForMentor d={d} />
    </>
  );
}
