/**
 * Opt-out page from the link in every email to a mentee. The token is opaque (encrypted, authenticated); the page asks
 * before it acts (a mail scanner that follows links must not unsubscribe anyone) and works without JavaScript.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { channels, type Channel } from "../domain/enums";
import { optOut, optOutState, readOptOutToken } from "../messaging/preferences.server";
import { optOutSchema } from "../schemas/messaging";
import { audit } from "../services/audit.server";
import { Alert, ChoiceGroup, ErrorSummary } from "../components/forms";

export const meta: MetaFunction = () => [{ title: "Afmeld beskeder · Mentorbro" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const person = readOptOutToken(params.token ?? "");
  const state = person ? optOutState(person) : null;
  if (!state) return data({ valid: false as const, stopped: [] as Channel[] }, { status: 404, headers: { "Referrer-Policy": "no-referrer" } });
  const stopped = channels.filter((c) => (c === "sms" ? state.smsOptOutAt : state.emailOptOutAt));
  return data({ valid: true as const, stopped }, { headers: { "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const person = readOptOutToken(params.token ?? "");
  if (!person || !optOutState(person)) return data({ result: null, invalid: true }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: optOutSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), invalid: false }, { status: 400 });
  if (optOut(person, submission.value.channels, "opted out by link")) {
    audit(null, "update", "mentee", person.id, { action: "opt_out", channels: submission.value.channels, via: "link" });
  }
  return redirect(`/afmeld/${params.token}?done=1`);
}

export default function OptOut() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<{ channels: Channel[] }>({
    id: "opt-out",
    lastResult: actionData?.result ?? undefined,
    defaultValue: { channels: channels.filter((c) => !loaderData.stopped.includes(c)) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: optOutSchema }),
  });
  if (!loaderData.valid || actionData?.invalid) {
    return (
      <div className="row"><div className="col-12 col-md-8 col-lg-6">
        <h1>{t("messaging.optOut.title")}</h1>
        <Alert kind="error">{t("messaging.optOut.invalid")}</Alert>
      </div></div>
    );
  }
  return (
    <div className="row"><div className="col-12 col-md-8 col-lg-6">
      <h1>{t("messaging.optOut.title")}</h1>
      {params.get("done") ? <Alert kind="success">{t("messaging.optOut.done")}</Alert> : null}
      {loaderData.stopped.length ? (
        <p data-testid="opt-out-state">{t("messaging.optOut.already", { channels: loaderData.stopped.map((c) => t(`enum.channel.${c}`)).join(", ") })}</p>
      ) : null}
      <p>{t("messaging.optOut.intro")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <ChoiceGroup field={fields.channels} legend={t("messaging.optOut.channels")} multiple
          options={[{ value: "email", label: t("messaging.optOut.email") }, { value: "sms", label: t("messaging.optOut.sms") }]} />
        <button type="submit" className="button button-primary">{t("messaging.optOut.submit")}</button>
      </Form>
    </div></div>
  );
}
