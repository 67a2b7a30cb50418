import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { applyCoordinatorAction, type CoordinatorAction } from "../services/course-actions.server";
import { getCourseForStaff } from "../services/course-reads.server";
import { replyWith } from "../services/kernel.server";
import { coordinatorSchemas, isCoordinatorIntent, type CoordinatorIntent } from "../schemas/courses";
import { Alert } from "../components/forms";
import { CommitmentBadge, MeetingTable, MonthTable, formatHours } from "../components/CourseParts";
import { formatDate, formatNumber } from "../i18n/format";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { plannedForCourse } from "../services/planned-meetings.server";
import { goalsForCourse } from "../services/goals.server";
import { PlannedMeetingsSection } from "../components/PlannedMeetings";
import { GoalPlanSection } from "../components/GoalPlan";
import { CourseActions } from "../components/staff-course/CourseActions";
import { FollowUps } from "../components/staff-course/FollowUps";
import { StaffOutcomes } from "../components/staff-course/StaffOutcomes";
import { CourseRecord } from "../components/staff-course/CourseRecord";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("course");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:course:any");
  const course = getCourseForStaff(scope, idParam(params.id), user);
  if (!course) throw notFound();
  return {
    ...course,
    today: today(),
    planned: plannedForCourse(course.course.id),
    goals: goalsForCourse(course.course.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:course:any");
  const id = idParam(params.id);
  const form = await request.formData();
  const raw = form.get("intent");
  if (!isCoordinatorIntent(raw)) return data({ intent: null, result: null }, { status: 400 });
  const intent: CoordinatorIntent = raw;
  const submission = parseWithZod(form, { schema: coordinatorSchemas[intent] });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const r = applyCoordinatorAction(scope, id, user, submission.value as CoordinatorAction);
  if (!r.ok) {
    if (r.formErrors.includes("courses.errors.notFound") && intent !== "confirm_outcome" && intent !== "reject_outcome")
      throw notFound();
    return data({ intent, result: replyWith(submission, r) }, { status: 400 });
  }
  return redirect(`/koordinator/forloeb/${id}?done=${intent}`);
}

const doneKey: Record<string, string> = {
  outcome: "courses.outcome.registered",
  confirm_outcome: "courses.outcome.confirmedDone",
  reject_outcome: "courses.outcome.rejectedDone",
  follow_up: "courses.followUp.saved",
  meeting_plan: "between.meeting.planned",
  meeting_change: "between.meeting.changed",
  meeting_cancel: "between.meeting.cancelled",
};

export type StaffCourseData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffCourse() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const c = d.course;
  const com = d.commitment;
  const last = (intent: CoordinatorIntent) =>
    actionData?.intent === intent ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const confirmError = last("confirm_outcome") ?? last("reject_outcome");

  return (
    <>
      <p>
        <Link to="/koordinator/forloeb">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("courses.staff.title", { id: c.id })}</h1>
      {done ? <Alert kind="success">{t(doneKey[done] ?? "courses.staff.done")}</Alert> : null}
      {confirmError ? <Alert kind="error">{t("courses.errors.notFound")}</Alert> : null}

      <dl className="mb-dl">
        <dt>{t("courses.staff.mentee")}</dt>
        <dd>
          {d.mentee.firstName} {d.mentee.lastName} · {d.mentee.phone ?? ""} {d.mentee.email ?? ""} ·{" "}
          {t(`enum.messageLanguage.${d.mentee.language}`)}
        </dd>
        <dt>{t("courses.staff.mentor")}</dt>
        <dd>
          {d.mentor.firstName} {d.mentor.lastName} · {d.mentor.phone} · {d.mentor.email} ·{" "}
          {t(`enum.mentorStatus.${d.mentor.status}`)}
        </dd>
        <dt>{t("courses.staff.municipality")}</dt>
        <dd>{d.municipalityName}</dd>
        <dt>{t("courses.page.status")}</dt>
        <dd>
          {t(`enum.courseStage.${d.stage}`)}
          {com && d.stage === "running" ? (
            <>
              {" "}
              · <CommitmentBadge status={com.status} />
            </>
          ) : null}
          {c.endReason ? <> · {t(`enum.endReason.${c.endReason}`)}</> : null}
        </dd>
        {c.noIndustryReason ? (
          <>
            <dt>{t("courses.staff.noIndustryReason")}</dt>
            <dd>{c.noIndustryReason}</dd>
          </>
        ) : null}
        {c.startDate ? (
          <>
            <dt>{t("courses.page.start")}</dt>
            <dd>{formatDate(c.startDate, lng)}</dd>
          </>
        ) : null}
        {c.plannedEndDate ? (
          <>
            <dt>{t("courses.page.plannedEnd")}</dt>
            <dd>{formatDate(c.plannedEndDate, lng)}</dd>
          </>
        ) : null}
        {c.endedOn ? (
          <>
            <dt>{t("courses.page.endedOn")}</dt>
            <dd>{formatDate(c.endedOn, lng)}</dd>
          </>
        ) : null}
        {com ? (
          <>
            <dt>{t("courses.page.totalHours")}</dt>
            <dd>
              {t("courses.hoursOf", {
                logged: formatHours(com.totalLogged, lng),
                target: formatNumber(com.totalTarget, lng),
              })}
            </dd>
          </>
        ) : null}
        {d.followUp ? (
          <>
            <dt>{t("courses.staff.followUpNext")}</dt>
            <dd>
              {formatDate(d.followUp.dueOn, lng)} – {formatDate(d.followUp.overdueOn, lng)}{" "}
              {d.followUp.state === "overdue" ? (
                <span className="mb-badge mb-badge--bad">{t("courses.followUp.overdue")}</span>
              ) : d.followUp.state === "due" ? (
                <span className="mb-badge mb-badge--warn">{t("courses.followUp.due")}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      {d.begun ? (
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t("courses.meeting.list")}</h2>
          {d.meetings.length ? <MeetingTable meetings={d.meetings} /> : <p>{t("courses.meeting.none")}</p>}
        </section>
      ) : null}

      {com && d.begun ? (
        <section aria-labelledby="months-title">
          <h2 id="months-title">{t("courses.page.months")}</h2>
          <MonthTable months={com.months} />
        </section>
      ) : null}

      <CourseActions d={d} last={last} />

      <PlannedMeetingsSection
        items={d.planned}
        planPath={`/koordinator/forloeb/${c.id}/moede`}
        confirmAction={`/koordinator/forloeb/${c.id}/moede`}
        canPlan={c.status === "approved" || c.status === "active"}
        canConfirm={false}
      />

      <GoalPlanSection
        goals={d.goals}
        editPath={c.status === "proposed" ? null : `/koordinator/forloeb/${c.id}/maal`}
      />

      <FollowUps d={d} last={last} />

      <StaffOutcomes d={d} last={last} />

      <CourseRecord d={d} />
    </>
  );
}
