/** Create (`/koordinator/vejledning/ny`) or edit one guidance page, in Danish and English (issue 21). */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { getGuidancePage, saveGuidancePage } from "../services/guidance.server";
import { idParam } from "../services/planned-meeting-page.server";
import { guidancePageSchema } from "../schemas/between";
import { guidanceKinds } from "../domain/enums";
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField } from "../components/forms";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("guidance");

/** "ny" is a new page; otherwise the page's id. */
function pageId(raw: string | undefined): number | null {
  return raw === "ny" ? null : idParam(raw);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:guidance:any");
  const id = pageId(params.id);
  if (id == null) return { page: null };
  const page = getGuidancePage(id);
  if (!page) throw notFound();
  return { page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:guidance:any");
  const id = pageId(params.id);
  const submission = parseWithZod(await request.formData(), { schema: guidancePageSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const saved = saveGuidancePage(user, id, submission.value);
  if (saved == null) throw notFound();
  return redirect("/koordinator/vejledning?saved=1");
}

export default function GuidanceEdit() {
  const { t } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, f] = useForm({
    id: "guidance",
    lastResult,
    defaultValue: page
      ? {
          kind: page.kind,
          courseMonth: page.courseMonth == null ? "" : String(page.courseMonth),
          sort: String(page.sort),
          titleDa: page.titleDa,
          bodyDa: page.bodyDa,
          titleEn: page.titleEn,
          bodyEn: page.bodyEn,
          active: page.active ? "on" : "",
        }
      : { kind: "tip", sort: "0", active: "on" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guidancePageSchema }),
  });
  return (
    <>
      <p>
        <Link to="/koordinator/vejledning">{t("common.actions.back")}</Link>
      </p>
      <h1>{page ? t("between.guidance.admin.editTitle") : t("between.guidance.admin.newTitle")}</h1>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          field={f.kind}
          label={t("between.guidance.admin.kind")}
          options={guidanceKinds.map((k) => ({ value: k, label: t(`enum.guidanceKind.${k}`) }))}
        />
        <TextField
          field={f.courseMonth}
          label={t("between.guidance.admin.courseMonth")}
          hint={t("between.guidance.admin.courseMonthHint")}
          type="number"
          optional
          className="input-width-xs"
        />
        <TextField field={f.sort} label={t("between.guidance.admin.sort")} type="number" className="input-width-xs" />
        <TextField field={f.titleDa} label={t("between.guidance.admin.titleDa")} />
        <TextArea
          field={f.bodyDa}
          label={t("between.guidance.admin.bodyDa")}
          hint={t("between.guidance.admin.bodyHint")}
          rows={10}
        />
        <TextField field={f.titleEn} label={t("between.guidance.admin.titleEn")} />
        <TextArea
          field={f.bodyEn}
          label={t("between.guidance.admin.bodyEn")}
          hint={t("between.guidance.admin.bodyHint")}
          rows={10}
        />
        <Checkbox field={f.active} label={t("between.guidance.admin.active")} />
        <button type="submit" className="button button-primary">
          {t("between.guidance.admin.save")}
        </button>
      </Form>
    </>
  );
}
