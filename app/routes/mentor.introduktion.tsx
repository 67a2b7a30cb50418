/** The introduction to the mentor role (issue 21): the coordinators' pages, marked as read before the first match. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { introductionFor, markIntroductionRead } from "../services/guidance.server";
import { introductionReadSchema } from "../schemas/between";
import { Alert, Checkbox, ErrorSummary } from "../components/forms";
import { GuidanceText } from "../components/Guidance";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("introduction");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:guidance:own");
  const intro = introductionFor(user.id, await getLocale(request, user));
  if (!intro) throw notFound();
  return intro;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:mentor:own");
  const submission = parseWithZod(await request.formData(), { schema: introductionReadSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!markIntroductionRead(user.id)) throw notFound();
  return redirect("/mentor/introduktion?done=1");
}

export default function Introduction() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, f] = useForm({
    id: "introduction",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: introductionReadSchema }),
  });
  const unread = d.pages.some((p) => !p.read);
  return (
    <>
      <h1>{t("between.guidance.introTitle")}</h1>
      {params.get("done") ? <Alert kind="success">{t("between.guidance.readDone")}</Alert> : null}
      {d.readAt ? (
        <p>{t("between.guidance.read", { date: formatDate(d.readAt, i18n.language) })}</p>
      ) : (
        <p>{t("between.guidance.introIntro")}</p>
      )}
      {d.pages.map((p) => (
        <section key={p.id} aria-labelledby={`page-${p.id}`}>
          <h2 id={`page-${p.id}`}>
            {p.title}
            {d.readAt && !p.read ? (
              <>
                {" "}
                <span className="mb-badge mb-badge--warn">{t("between.guidance.updated")}</span>
              </>
            ) : null}
          </h2>
          <GuidanceText body={p.body} />
        </section>
      ))}
      {!d.readAt || unread ? (
        <>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <Checkbox field={f.confirm} label={t("between.guidance.confirmLabel")} />
            <button type="submit" className="button button-primary">
              {t("between.guidance.markRead")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
