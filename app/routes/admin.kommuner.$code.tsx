import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import {
  getMunicipality,
  inviteCaseworker,
  setCaseworkerActive,
  updatePartner,
} from "../services/municipalities.server";
import { replyWith } from "../services/kernel.server";
import { deactivateSchema, inviteSchema, municipalitySchema } from "../schemas/referral";
import { Alert, Checkbox, ErrorSummary, TextField } from "../components/forms";
import { formatDateTime } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("municipality");

function parseCode(v: string | undefined): number {
  const code = Number(v);
  if (!Number.isInteger(code) || code <= 0 || code > 9999) throw notFound();
  return code;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:municipality:any");
  const m = getMunicipality(parseCode(params.code));
  if (!m) throw notFound();
  return m;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:municipality:any");
  const code = parseCode(params.code);
  if (!getMunicipality(code)) throw notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "invite") {
    const s = parseWithZod(formData, { schema: inviteSchema });
    if (s.status !== "success") return data({ form: "invite" as const, result: s.reply() }, { status: 400 });
    const res = inviteCaseworker(code, s.value, user);
    if (!res) throw notFound();
    if (!res.ok) return data({ form: "invite" as const, result: replyWith(s, res) }, { status: 400 });
    return redirect(`/admin/kommuner/${code}?done=invited`);
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const s = parseWithZod(formData, { schema: deactivateSchema });
    if (s.status !== "success") return data({ form: "deactivate" as const, result: s.reply() }, { status: 400 });
    if (!setCaseworkerActive(code, s.value.userId, s.value.intent === "reactivate", user)) throw notFound();
    return redirect(`/admin/kommuner/${code}?done=${s.value.intent}d`);
  }
  const s = parseWithZod(formData, { schema: municipalitySchema });
  if (s.status !== "success") return data({ form: "partner" as const, result: s.reply() }, { status: 400 });
  updatePartner(code, s.value, user);
  return redirect(`/admin/kommuner/${code}?done=saved`);
}

export default function MunicipalityEdit() {
  const { t, i18n } = useTranslation();
  const { municipality: m, caseworkers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const [pForm, pFields] = useForm({
    id: "partner",
    lastResult: actionData?.form === "partner" ? actionData.result : undefined,
    defaultValue: {
      isPartner: m.isPartner ? "on" : undefined,
      partnerSince: m.partnerSince ?? "",
      agreementDate: m.agreementDate ?? "",
      dpaDate: m.dpaDate ?? "",
      yearlyQuota: m.yearlyQuota != null ? String(m.yearlyQuota) : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: municipalitySchema }),
  });
  const [iForm, iFields] = useForm({
    id: "invite",
    lastResult: actionData?.form === "invite" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  return (
    <>
      <p>
        <Link to="/admin/kommuner">{t("municipalities.edit.back")}</Link>
      </p>
      <h1>{t("municipalities.edit.title", { name: m.name })}</h1>
      {done === "saved" ? <Alert kind="success">{t("municipalities.edit.saved")}</Alert> : null}
      {done === "invited" ? <Alert kind="success">{t("municipalities.edit.invitedDone")}</Alert> : null}
      {done === "deactivated" ? <Alert kind="success">{t("municipalities.edit.deactivated")}</Alert> : null}
      {done === "reactivated" ? <Alert kind="success">{t("municipalities.edit.reactivated")}</Alert> : null}

      <section aria-labelledby="partner-title">
        <h2 id="partner-title">{t("municipalities.edit.partnerTitle")}</h2>
        <ErrorSummary form={pForm} />
        <Form method="post" {...getFormProps(pForm)}>
          <input type="hidden" name="intent" value="partner" />
          <Checkbox field={pFields.isPartner} label={t("municipalities.edit.isPartner")} />
          <TextField field={pFields.partnerSince} label={t("municipalities.edit.partnerSince")} type="date" optional />
          <TextField
            field={pFields.agreementDate}
            label={t("municipalities.edit.agreementDate")}
            type="date"
            optional
          />
          <TextField field={pFields.dpaDate} label={t("municipalities.edit.dpaDate")} type="date" optional />
          <TextField
            field={pFields.yearlyQuota}
            label={t("municipalities.edit.yearlyQuota")}
            hint={t("municipalities.edit.yearlyQuotaHint")}
            inputMode="numeric"
            optional
            className="input-width-xs"
          />
          <button type="submit" className="button button-primary">
            {t("municipalities.edit.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="caseworkers-title">
        <h2 id="caseworkers-title">{t("municipalities.edit.caseworkersTitle")}</h2>
        {caseworkers.length === 0 ? (
          <p>{t("municipalities.edit.noCaseworkers")}</p>
        ) : (
          <div className="mb-table-wrap" {...scrollRegion(t("municipalities.edit.caseworkersTitle"))}>
            <table className="table table--zebra" data-testid="caseworkers">
              <thead>
                <tr>
                  <th scope="col">{t("municipalities.edit.name")}</th>
                  <th scope="col">{t("municipalities.edit.email")}</th>
                  <th scope="col">{t("municipalities.edit.status")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("municipalities.edit.deactivate")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {caseworkers.map((c) => (
                  <tr key={c.id}>
                    <td>{c.name}</td>
                    <td>{c.email}</td>
                    <td>
                      {!c.active
                        ? t("municipalities.edit.inactive")
                        : c.hasPassword
                          ? t("municipalities.edit.active")
                          : t("municipalities.edit.invited")}
                      {c.lastLoginAt ? ` · ${formatDateTime(c.lastLoginAt, i18n.language)}` : ""}
                    </td>
                    <td>
                      <Form method="post" className="mb-inline-form">
                        <input type="hidden" name="userId" value={c.id} />
                        {c.active ? (
                          <button
                            type="submit"
                            name="intent"
                            value="deactivate"
                            className="button button-secondary"
                            aria-label={`${t("municipalities.edit.deactivate")}: ${c.name}`}
                          >
                            {t("municipalities.edit.deactivate")}
                          </button>
                        ) : (
                          <button
                            type="submit"
                            name="intent"
                            value="reactivate"
                            className="button button-tertiary"
                            aria-label={`${t("municipalities.edit.reactivate")}: ${c.name}`}
                          >
                            {t("municipalities.edit.reactivate")}
                          </button>
                        )}
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("municipalities.edit.inviteTitle")}</h3>
        <p>{t("municipalities.edit.inviteIntro")}</p>
        <ErrorSummary form={iForm} />
        <Form method="post" {...getFormProps(iForm)}>
          <input type="hidden" name="intent" value="invite" />
          <TextField field={iFields.name} label={t("municipalities.edit.name")} autoComplete="off" />
          <TextField field={iFields.email} label={t("municipalities.edit.email")} type="email" autoComplete="off" />
          <button type="submit" className="button button-primary">
            {t("municipalities.edit.invite")}
          </button>
        </Form>
      </section>
    </>
  );
}
