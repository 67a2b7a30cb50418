import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireCaseworker } from "../auth/permissions.server";
import { CitizenHistory } from "../components/company/CitizenHistory";
import { citizenHistory } from "../services/placements.server";
import { getReferral } from "../services/referral-reads.server";
import { withdrawReferral } from "../services/referrals.server";
import { replyWith } from "../services/kernel.server";
import { personInScope } from "../services/privacy.server";
import { withdrawSchema } from "../schemas/referral";
import { canWithdraw } from "../domain/referrals";
import { Alert, ErrorSummary, TextArea } from "../components/forms";
import { HISTORY_PAGE_PARAM, MESSAGES_PAGE_PARAM, ReferralDetail } from "../components/ReferralDetail";
import { pageOf } from "../domain/paging";
import { courseSummariesForMentee } from "../services/course-reads.server";
import { CourseSummary } from "../components/CourseSummary";
import { pageMeta } from "../i18n/meta";
import { CHANGES_PAGE_PARAM, RecordChanges } from "../components/MenteeCorrection";
import { recordChanges } from "../services/mentee-corrections.server";

export const meta = pageMeta("citizen");

function parseId(v: string | undefined): number {
  const id = Number(v);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const url = new URL(request.url);
  const r = getReferral(scope, parseId(params.id), user, {
    messages: pageOf(url.searchParams, MESSAGES_PAGE_PARAM),
    history: pageOf(url.searchParams, HISTORY_PAGE_PARAM),
  });
  if (!r) throw notFound();
  return {
    r,
    canWithdraw: canWithdraw(r.mentee.status),
    courses: courseSummariesForMentee(scope, r.mentee.id),
    history: citizenHistory(scope, r.mentee.id),
    changes: recordChanges(r.mentee.id, pageOf(url.searchParams, CHANGES_PAGE_PARAM)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const id = parseId(params.id);
  // Scope first: another municipality's citizen does not exist, whatever was posted.
  if (!personInScope("mentee", id, scope)) throw notFound();
  const submission = parseWithZod(await request.formData(), { schema: withdrawSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const res = withdrawReferral(scope, id, submission.value.reason, user);
  if (!res) throw notFound();
  if (!res.ok) return data(replyWith(submission, res), { status: 409 });
  return redirect(`/kommune/borgere/${id}?withdrawn=1`);
}

export default function ReferralPage() {
  const { t } = useTranslation();
  const { r, canWithdraw: may, courses, history, changes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "withdraw",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: withdrawSchema }),
  });
  const m = r.mentee;
  return (
    <>
      <p>
        <Link to="/kommune/borgere">{t("referrals.detail.back")}</Link>
      </p>
      <h1>
        {m.firstName} {m.lastName}
      </h1>
      {params.get("created") ? <Alert kind="success">{t("referrals.list.created")}</Alert> : null}
      {params.get("withdrawn") ? <Alert kind="success">{t("referrals.detail.withdrawn")}</Alert> : null}
      {r.mentee.anonymisedAt ? null : (
        <p>
          <Link to={`/kommune/borgere/${m.id}/ret`}>{t("referrals.corrections.link")}</Link>
        </p>
      )}
      <CitizenHistory menteeId={m.id} items={history} />
      <ReferralDetail r={r} />
      <RecordChanges changes={changes} />
      <CourseSummary courses={courses} />
      {may ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("referrals.detail.withdrawTitle")}</h2>
          <p>{t("referrals.detail.withdrawIntro")}</p>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="withdraw" />
            <TextArea
              field={fields.reason}
              label={t("referrals.detail.withdrawReason")}
              hint={t("referrals.detail.withdrawReasonHint")}
              rows={2}
            />
            <button type="submit" className="button button-secondary">
              {t("referrals.detail.withdrawSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
