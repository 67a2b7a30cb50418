import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useMemo } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { decisionSchema, screeningSchema } from "../schemas/volunteer";
import {
  decideMentor,
  getMentorForStaff,
  MENTOR_NOT_FOUND,
  recordScreening,
} from "../services/mentor-screening.server";
import { replyWith } from "../services/kernel.server";
import { introductionForms, screeningSteps } from "../domain/enums";
import { isMatchable, type MentorAction } from "../domain/mentor-status";
import { formatDate, formatDateTime, languageName } from "../i18n/format";
import { today } from "../utils/clock";
import { Alert, ErrorSummary, SelectField, TextArea, TextField } from "../components/forms";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

const COURSES_PAGE_PARAM = "forloeb-side";
const HISTORY_PAGE_PARAM = "historik-side";
import { readsOfMentor } from "../services/guidance.server";
import { GuidanceReads } from "../components/Guidance";

export const meta = pageMeta("mentor");

function parseId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:mentor:any");
  const url = new URL(request.url);
  const detail = getMentorForStaff(parseId(params.id), user, {
    courses: pageOf(url.searchParams, COURSES_PAGE_PARAM),
    history: pageOf(url.searchParams, HISTORY_PAGE_PARAM),
  });
  if (!detail) throw notFound();
  return { ...detail, today: today(), guidanceReads: readsOfMentor(detail.mentor.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "screen:mentor:any");
  const id = parseId(params.id);
  const form = await request.formData();
  if (form.get("intent") === "screening") {
    const submission = parseWithZod(form, { schema: screeningSchema });
    if (submission.status !== "success")
      return data({ screening: submission.reply(), decision: null }, { status: 400 });
    if (!recordScreening(id, submission.value, user).ok) throw notFound();
    return redirect(`/koordinator/mentorer/${id}?done=recorded`);
  }
  const submission = parseWithZod(form, { schema: decisionSchema });
  if (submission.status !== "success") return data({ screening: null, decision: submission.reply() }, { status: 400 });
  const result = decideMentor(id, submission.value.intent, submission.value.reason, user);
  if (!result.ok) {
    if (result.formErrors.includes(MENTOR_NOT_FOUND)) throw notFound();
    return data({ screening: null, decision: replyWith(submission, result) }, { status: 409 });
  }
  return redirect(`/koordinator/mentorer/${id}?done=${submission.value.intent}`);
}

const stepNames = (t: TFunction, steps: readonly string[]) => steps.map((s) => t(`enum.screeningStep.${s}`)).join(", ");

/** A refusal naming missing screening steps by code (`…|{"steps":"a,b"}`) gets their names, for the error summary. */
function withStepNames(
  reply: SubmissionResult<string[]> | undefined,
  names: (codes: string) => string,
): SubmissionResult<string[]> | undefined {
  const form = reply?.error?.[""];
  if (!reply || !form) return reply;
  const named = form.map((e) => {
    const [key, raw] = e.split("|");
    return raw ? `${key}|${JSON.stringify({ steps: names(String(JSON.parse(raw).steps)) })}` : e;
  });
  return { ...reply, error: { ...reply.error, "": named } };
}

export default function MentorDetail() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const m = d.mentor;
  const stepList = (steps: readonly string[]) => stepNames(t, steps);
  const decision = actionData?.decision ?? undefined;
  // Memoised: Conform reports a new lastResult whenever its identity changes.
  const decisionReply = useMemo(
    () => withStepNames(decision, (steps) => stepNames(t, steps.split(","))),
    [decision, t],
  );
  const [sForm, sFields] = useForm({
    id: "screening",
    lastResult: actionData?.screening ?? undefined,
    defaultValue: { doneOn: d.today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: screeningSchema }),
  });
  const [dForm, dFields] = useForm({
    id: "decision",
    lastResult: decisionReply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  const done = params.get("done");
  const ind = (code: string) => {
    const i = d.industries.find((x) => x.code === code);
    return i ? `${i.code} ${lng === "en" ? i.labelEn : i.labelDa}` : code;
  };
  const matchable = isMatchable({ ...m, openCourses: d.openCourses }, d.today);
  return (
    <>
      <p>
        <Link to="/koordinator/mentorer">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("volunteer.detail.title", { name: `${m.firstName} ${m.lastName}` })}</h1>
      <p>
        <strong>{t(`enum.mentorStatus.${m.status}`)}</strong>
        {" · "}
        <span className={`mb-badge ${matchable ? "mb-badge--ok" : "mb-badge--warn"}`}>
          {matchable ? t("volunteer.detail.matchable") : t("volunteer.detail.notMatchable")}
        </span>
      </p>
      {done === "recorded" ? <Alert kind="success">{t("volunteer.detail.recorded")}</Alert> : null}
      {done &&
      done !== "recorded" &&
      Object.keys({ start_screening: 1, approve: 1, reject: 1, pause: 1, resume: 1, retire: 1 }).includes(done) ? (
        <Alert kind="success">{t(`volunteer.detail.done.${done}`)}</Alert>
      ) : null}

      <section aria-labelledby="h-decision">
        <h2 id="h-decision">{t("volunteer.detail.decisionTitle")}</h2>
        {d.missingForApproval.length && (m.status === "applied" || m.status === "screening") ? (
          <p>{t("volunteer.detail.missing", { steps: stepList(d.missingForApproval) })}</p>
        ) : null}
        {d.actions.length ? (
          <>
            <ErrorSummary form={dForm} />
            <Form method="post" {...getFormProps(dForm)}>
              {d.actions.includes("reject") ? (
                <TextArea
                  field={dFields.reason}
                  label={t("volunteer.detail.reason")}
                  hint={t("volunteer.detail.reasonHint")}
                  optional
                  rows={2}
                />
              ) : null}
              {d.actions.map((a: MentorAction) => (
                <button
                  key={a}
                  type="submit"
                  name="intent"
                  value={a}
                  className={`button ${a === "approve" ? "button-primary" : "button-secondary"} mb-inline-form`}
                >
                  {t(`volunteer.detail.action.${a}`)}
                </button>
              ))}
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="h-screening">
        <h2 id="h-screening">{t("volunteer.detail.screeningTitle")}</h2>
        {d.screenings.length ? (
          <div className="mb-table-wrap" {...scrollRegion(t("volunteer.detail.screeningTitle"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("volunteer.detail.step")}</th>
                  <th scope="col">{t("volunteer.detail.doneOn")}</th>
                  <th scope="col">{t("volunteer.detail.form")}</th>
                  <th scope="col">{t("volunteer.detail.notes")}</th>
                  <th scope="col">{t("volunteer.detail.by")}</th>
                </tr>
              </thead>
              <tbody>
                {d.screenings.map((s) => (
                  <tr key={s.id}>
                    <td>{t(`enum.screeningStep.${s.step}`)}</td>
                    <td>{formatDate(s.doneOn, lng)}</td>
                    <td>{s.form ? t(`enum.introductionForm.${s.form}`) : ""}</td>
                    <td>{s.notes}</td>
                    <td>{s.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("volunteer.detail.noScreening")}</p>
        )}
        {m.status === "applied" || m.status === "screening" || m.status === "approved" ? (
          <>
            <h3>{t("volunteer.detail.recordTitle")}</h3>
            <ErrorSummary form={sForm} />
            <Form method="post" {...getFormProps(sForm)}>
              <input type="hidden" name="intent" value="screening" />
              <SelectField
                field={sFields.step}
                label={t("volunteer.detail.step")}
                hint={t("volunteer.detail.recordHintRecord")}
                placeholder={t("volunteer.signup.choose")}
                options={screeningSteps.map((s) => ({ value: s, label: t(`enum.screeningStep.${s}`) }))}
              />
              <TextField
                field={sFields.doneOn}
                label={t("volunteer.detail.doneOn")}
                type="date"
                className="input-width-s"
              />
              <SelectField
                field={sFields.form}
                label={t("volunteer.detail.form")}
                optional
                placeholder={t("volunteer.signup.choose")}
                options={introductionForms.map((f) => ({ value: f, label: t(`enum.introductionForm.${f}`) }))}
              />
              <TextArea
                field={sFields.notes}
                label={t("volunteer.detail.notes")}
                hint={t("volunteer.detail.notesHint")}
                optional
                rows={3}
              />
              <button type="submit" className="button button-secondary">
                {t("volunteer.detail.recordScreening")}
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="h-profile">
        <h2 id="h-profile">{t("volunteer.detail.profile")}</h2>
        <dl className="mb-dl">
          <dt>{t("volunteer.detail.email")}</dt>
          <dd>{m.email}</dd>
          <dt>{t("volunteer.detail.phone")}</dt>
          <dd>{m.phone}</dd>
          <dt>{t("volunteer.detail.municipality")}</dt>
          <dd>
            {d.municipality} ({m.postcode}) · {t("volunteer.detail.travel")}{" "}
            {t("volunteer.detail.km", { km: m.travelKm })}
          </dd>
          <dt>{t("volunteer.detail.jobTitle")}</dt>
          <dd>{m.jobTitle}</dd>
          {m.employer ? (
            <>
              <dt>{t("volunteer.detail.employer")}</dt>
              <dd>{m.employer}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.industry")}</dt>
          <dd>{ind(m.industryCode)}</dd>
          {m.networkIndustryCodes.length ? (
            <>
              <dt>{t("volunteer.detail.network")}</dt>
              <dd>{m.networkIndustryCodes.map(ind).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.years")}</dt>
          <dd>
            {t("volunteer.detail.yearsValue", { count: m.yearsExperience })}
            {m.isManager ? ` · ${t("volunteer.detail.manager")}` : ""}
          </dd>
          {m.languages.length ? (
            <>
              <dt>{t("volunteer.detail.languages")}</dt>
              <dd>{m.languages.map((l) => languageName(l, lng)).join(", ")}</dd>
            </>
          ) : null}
          {m.gender ? (
            <>
              <dt>{t("volunteer.detail.gender")}</dt>
              <dd>{t(`enum.gender.${m.gender}`)}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.menteeGender")}</dt>
          <dd>{t(`enum.genderPreference.${m.menteeGenderPreference}`)}</dd>
          <dt>{t("volunteer.detail.offers")}</dt>
          <dd>{m.offers.map((g) => t(`enum.goal.${g}`)).join(", ")}</dd>
          {m.earliestStart ? (
            <>
              <dt>{t("volunteer.detail.earliestStart")}</dt>
              <dd>{formatDate(m.earliestStart, lng)}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.capacity")}</dt>
          <dd>{m.capacity}</dd>
          {m.pausedFrom ? (
            <>
              <dt>{t("volunteer.detail.paused")}</dt>
              <dd>
                {formatDate(m.pausedFrom, lng)} – {formatDate(m.pausedTo, lng)}
              </dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.motivation")}</dt>
          <dd>{m.motivation}</dd>
        </dl>
        <p>
          <Link to={`/persondata/mentor/${m.id}`}>{t("volunteer.detail.personData")}</Link>
        </p>
      </section>

      <section aria-labelledby="h-courses">
        <h2 id="h-courses">{t("volunteer.detail.coursesTitle")}</h2>
        {d.courses.total ? (
          <>
            {d.courses.pages > 1 ? <PageSummary window={d.courses} /> : null}
            <div className="mb-table-wrap" {...scrollRegion(t("volunteer.detail.coursesTitle"))}>
              <table className="table table--zebra">
                <thead>
                  <tr>
                    <th scope="col">{t("volunteer.detail.mentee")}</th>
                    <th scope="col">{t("volunteer.queue.status")}</th>
                    <th scope="col">{t("volunteer.detail.start")}</th>
                    <th scope="col">{t("volunteer.detail.plannedEnd")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.courses.rows.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.menteeFirstName} ({c.municipality})
                      </td>
                      <td>{t(`enum.courseStatus.${c.status}`)}</td>
                      <td>{formatDate(c.startDate, lng)}</td>
                      <td>{formatDate(c.endedOn ?? c.plannedEndDate, lng)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              window={d.courses}
              param={COURSES_PAGE_PARAM}
              hash="h-courses"
              label={t("volunteer.detail.coursesTitle")}
            />
          </>
        ) : (
          <p>{t("volunteer.detail.noCourses")}</p>
        )}
      </section>

      <GuidanceReads readAt={m.introductionReadAt} reads={d.guidanceReads} />

      <section aria-labelledby="h-history">
        <h2 id="h-history">{t("volunteer.detail.historyTitle")}</h2>
        {d.history.pages > 1 ? <PageSummary window={d.history} /> : null}
        <div className="mb-table-wrap" {...scrollRegion(t("volunteer.detail.historyTitle"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("volunteer.detail.at")}</th>
                <th scope="col">{t("volunteer.detail.from")}</th>
                <th scope="col">{t("volunteer.detail.to")}</th>
                <th scope="col">{t("volunteer.detail.reason")}</th>
                <th scope="col">{t("volunteer.detail.by")}</th>
              </tr>
            </thead>
            <tbody>
              {d.history.rows.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.at, lng)}</td>
                  <td>{h.fromStatus ? t(`enum.mentorStatus.${h.fromStatus}`) : "–"}</td>
                  <td>{t(`enum.mentorStatus.${h.toStatus}`)}</td>
                  <td>{h.reason}</td>
                  <td>{h.byName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          window={d.history}
          param={HISTORY_PAGE_PARAM}
          hash="h-history"
          label={t("volunteer.detail.historyTitle")}
        />
      </section>
    </>
  );
}
