import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { citizenPath, notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import {
  answerProposal,
  candidatesForOpening,
  changeOpeningStatus,
  getOpening,
  proposeCitizen,
  type Answer,
} from "../services/openings.server";
import { openingPageSchemas, type OpeningPageIntent } from "../schemas/companies";
import { declineReasons } from "../domain/enums";
import { addDays } from "../domain/dates";
import { Alert, SelectField, TextArea, TextField } from "../components/forms";
import { IntentForm } from "../components/IntentForm";
import { OpeningReasons } from "../components/company/OpeningReasons";
import { industryLabel } from "../components/CourseParts";
import { formatDate, formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";
import { today } from "../utils/clock";

export const meta = pageMeta("companies.titles.opening");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:opening:any");
  const id = idParam(params.id);
  const o = getOpening(scope, id);
  if (!o) throw notFound();
  // The ranked citizens (within scope) are a logged read of each one shown.
  const ranked = o.status === "open" ? candidatesForOpening(scope, id, user) : null;
  return {
    o,
    ranked,
    citizenBase: citizenPath(user),
    today: today(),
  };
}

const isIntent = (v: unknown): v is OpeningPageIntent =>
  typeof v === "string" && Object.prototype.hasOwnProperty.call(openingPageSchemas, v);
type ActionData = {
  intent: OpeningPageIntent | null;
  row: number | null;
  result: SubmissionResult<string[]> | null;
  error?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:opening:any");
  const id = idParam(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isIntent(intent))
    return data<ActionData>(
      { intent: null, row: null, result: null, error: "companies.errors.notDone" },
      { status: 400 },
    );
  const submission = parseWithZod(form, { schema: openingPageSchemas[intent] });
  const rowOf = (k: string) => {
    const n = Number(form.get(k));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const row = intent === "propose" ? rowOf("menteeId") : rowOf("proposalId");
  if (submission.status !== "success")
    return data<ActionData>({ intent, row, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const refuse = (error: string, status = 409) =>
    data<ActionData>({ intent, row, result: submission.reply({ formErrors: [error] }), error }, { status });

  if (intent === "confirm" || intent === "close" || intent === "reopen") {
    const r = changeOpeningStatus(id, intent, user);
    if (!r.ok && r.reason === "not_found") throw notFound();
    if (!r.ok) return refuse("companies.errors.notAllowed");
    return redirect(`/opslag/${id}?done=${intent}`);
  }
  if (intent === "propose") {
    const p = v as { menteeId: number; openingId: number };
    if (p.openingId !== id) return refuse("companies.errors.notDone", 400);
    const r = proposeCitizen(scope, id, p.menteeId, user);
    if (!r.ok && r.reason === "not_found") throw notFound();
    if (!r.ok)
      return refuse(
        r.reason === "rule"
          ? `companies.errors.rule|${JSON.stringify({ rules: (r.rules ?? []).join(",") })}`
          : `companies.errors.${r.reason}`,
      );
    return redirect(`/opslag/${id}?done=propose#proposals`);
  }
  const { proposalId, ...answer } = v as { proposalId: number } & Answer;
  const r = answerProposal(scope, id, proposalId, answer as Answer, user);
  if (!r.ok && r.reason === "not_found") throw notFound();
  if (!r.ok) return refuse(`companies.errors.${r.reason}`);
  if (r.placementId) return redirect(`/placeringer/${r.placementId}?oprettet=1`);
  return redirect(`/opslag/${id}?done=${intent}#proposals`);
}

export default function OpeningPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { o, ranked, citizenBase, today: todayDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const done = params.get("done");
  const last = (intent: OpeningPageIntent, row: number | null = null) =>
    actionData?.intent === intent && actionData.row === row ? (actionData.result ?? undefined) : undefined;
  const errorFor = (intent: OpeningPageIntent, row: number | null) =>
    actionData?.intent === intent && actionData.row === row && actionData.error ? actionData.error : null;
  const errorText = (e: string) => {
    const [key, raw] = e.split("|");
    if (key === "companies.errors.rule") {
      const rules = String(JSON.parse(raw).rules).split(",").filter(Boolean);
      return t(key, { rules: rules.map((r) => t(`companies.rule.${r}`)).join("; ") });
    }
    return t(key);
  };
  const statusError = (["confirm", "close", "reopen"] as const).map((i) => errorFor(i, null)).find(Boolean);
  return (
    <>
      <p>
        <Link to="/opslag">{t("companies.back.openings")}</Link> ·{" "}
        <Link to={`/virksomheder/${o.companyId}`}>{o.companyName}</Link>
      </p>
      <h1>
        {t(`enum.openingType.${o.type}`)}: {o.occupation}
      </h1>
      {params.get("oprettet") ? <Alert kind="success">{t("companies.done.openingCreated")}</Alert> : null}
      {params.get("gemt") ? <Alert kind="success">{t("companies.done.saved")}</Alert> : null}
      {done ? <Alert kind="success">{t(`companies.done.${done}`)}</Alert> : null}
      {statusError ? <Alert kind="error">{errorText(statusError)}</Alert> : null}
      {actionData && actionData.intent === null ? <Alert kind="error">{t("companies.errors.notDone")}</Alert> : null}

      <dl className="mb-dl">
        <dt>{t("companies.opening.status")}</dt>
        <dd data-testid="opening-status">{t(`enum.openingStatus.${o.status}`)}</dd>
        <dt>{t("companies.opening.company")}</dt>
        <dd>
          <Link to={`/virksomheder/${o.companyId}`}>{o.companyName}</Link> ({t("companies.field.cvr")} {o.companyCvr})
        </dd>
        <dt>{t("companies.field.industry")}</dt>
        <dd>{industryLabel(o.industryCode, lng)}</dd>
        <dt>{t("companies.opening.municipality")}</dt>
        <dd>{o.municipalityName}</dd>
        <dt>{t("companies.opening.startDate")}</dt>
        <dd>{o.startDate ? formatDate(o.startDate, lng) : "–"}</dd>
        <dt>{t("companies.opening.durationWeeks")}</dt>
        <dd>{o.durationWeeks ? t("companies.opening.weeks", { count: o.durationWeeks }) : "–"}</dd>
        <dt>{t("companies.opening.weeklyHours")}</dt>
        <dd>{o.weeklyHours ?? "–"}</dd>
        <dt>{t("companies.opening.danishLevel")}</dt>
        <dd>
          {o.danishLevel === "none"
            ? t("companies.opening.noDanishRequirement")
            : t(`enum.danishLevel.${o.danishLevel}`)}
        </dd>
        <dt>{t("companies.opening.places")}</dt>
        <dd>{t("companies.opening.takenOf", { taken: o.taken, places: o.places })}</dd>
        <dt>{t("companies.opening.deadline")}</dt>
        <dd>{o.deadline ? formatDate(o.deadline, lng) : "–"}</dd>
        {o.description ? (
          <>
            <dt>{t("companies.opening.description")}</dt>
            <dd className="mb-pre-line">{o.description}</dd>
          </>
        ) : null}
      </dl>
      <div className="mb-actions">
        <Link to={`/opslag/${o.id}/rediger`} className="button button-secondary">
          {t("companies.opening.edit")}
        </Link>
        {o.events
          .filter((e) => e !== "fill")
          .map((e) => (
            <Form key={e} method="post" className="mb-inline-form">
              <input type="hidden" name="intent" value={e} />
              <button type="submit" className={`button ${e === "confirm" ? "button-primary" : "button-secondary"}`}>
                {t(`companies.opening.event.${e}`)}
              </button>
            </Form>
          ))}
      </div>

      <section aria-labelledby="proposals">
        <h2 id="proposals" tabIndex={-1}>
          {t("companies.proposals.title", { count: o.proposalsTotal })}
        </h2>
        <p className="form-hint">{t("companies.proposals.scopeNote")}</p>
        {o.proposals.length === 0 ? (
          <p>{t("companies.proposals.none")}</p>
        ) : (
          <ul className="nobullet-list mb-stack">
            {o.proposals.map((p) => (
              <li key={p.id} className="mb-card" data-testid={`proposal-${p.menteeId}`}>
                <h3 className="h4">
                  <Link to={`${citizenBase}/${p.menteeId}`}>
                    {p.firstName} {p.lastName}
                  </Link>{" "}
                  · {p.municipalityName}
                </h3>
                <p>
                  <span className="mb-badge">{t(`enum.proposalStatus.${p.status}`)}</span>
                  {" · "}
                  {t("companies.proposals.proposed", {
                    date: formatDate(p.proposedAt, lng),
                    name: p.proposedByName ?? "",
                  })}
                  {p.score != null ? (
                    <> · {t("companies.candidates.score", { score: formatNumber(p.score, lng, 1) })}</>
                  ) : null}
                  {p.declineReason ? (
                    <>
                      {" "}
                      · {t(`enum.declineReason.${p.declineReason}`)}
                      {p.declineNote ? `: ${p.declineNote}` : ""}
                    </>
                  ) : null}
                </p>
                {p.placementId ? (
                  <p>
                    <Link to={`/placeringer/${p.placementId}`}>{t("companies.proposals.placement")}</Link>
                  </p>
                ) : null}
                <details>
                  <summary>{t("companies.proposals.reasons")}</summary>
                  <OpeningReasons reasons={p.reasons} />
                </details>
                {p.status === "proposed" ? (
                  <>
                    {errorFor("accept", p.id) || errorFor("decline", p.id) || errorFor("withdraw", p.id) ? (
                      <Alert kind="error">
                        {errorText(
                          (errorFor("accept", p.id) ?? errorFor("decline", p.id) ?? errorFor("withdraw", p.id))!,
                        )}
                      </Alert>
                    ) : null}
                    <IntentForm
                      id={`accept-${p.id}`}
                      intent="accept"
                      schema={openingPageSchemas.accept}
                      hidden={{ proposalId: p.id }}
                      headingLevel={4}
                      title={t("companies.proposals.accept")}
                      intro={<p className="form-hint">{t("companies.proposals.acceptIntro")}</p>}
                      lastResult={last("accept", p.id)}
                      defaults={{
                        startDate: o.startDate && o.startDate > todayDate ? o.startDate : todayDate,
                        plannedEndDate: o.durationWeeks
                          ? addDays(
                              o.startDate && o.startDate > todayDate ? o.startDate : todayDate,
                              o.durationWeeks * 7 - 1,
                            )
                          : "",
                      }}
                      submit={t("companies.proposals.acceptSubmit")}
                      render={(f) => (
                        <>
                          <TextField field={f.startDate} label={t("companies.placement.startDate")} type="date" />
                          <TextField
                            field={f.plannedEndDate}
                            label={t("companies.placement.plannedEndDate")}
                            type="date"
                            optional
                          />
                          <TextField
                            field={f.workplaceMentorName}
                            label={t("companies.placement.workplaceMentorName")}
                            hint={t("companies.placement.workplaceMentorHint")}
                          />
                          <TextField
                            field={f.workplaceMentorPhone}
                            label={t("companies.placement.workplaceMentorPhone")}
                            type="tel"
                            inputMode="tel"
                          />
                          {o.type === "igu" ? (
                            <>
                              <TextField
                                field={f.completionAdviserName}
                                label={t("companies.placement.completionAdviserName")}
                                hint={t("companies.placement.completionAdviserHint")}
                                optional
                              />
                              <TextField
                                field={f.completionAdviserPhone}
                                label={t("companies.placement.completionAdviserPhone")}
                                type="tel"
                                inputMode="tel"
                                optional
                              />
                            </>
                          ) : null}
                        </>
                      )}
                    />
                    <IntentForm
                      id={`decline-${p.id}`}
                      intent="decline"
                      schema={openingPageSchemas.decline}
                      hidden={{ proposalId: p.id }}
                      headingLevel={4}
                      secondary
                      title={t("companies.proposals.decline")}
                      lastResult={last("decline", p.id)}
                      submit={t("companies.proposals.declineSubmit")}
                      render={(f) => (
                        <>
                          <SelectField
                            field={f.reason}
                            label={t("companies.proposals.declineReason")}
                            placeholder={t("competence.choose")}
                            options={declineReasons.map((r) => ({ value: r, label: t(`enum.declineReason.${r}`) }))}
                          />
                          <TextArea
                            field={f.note}
                            label={t("companies.proposals.declineNote")}
                            hint={t("companies.proposals.declineNoteHint")}
                            optional
                            rows={2}
                          />
                        </>
                      )}
                    />
                    <Form method="post" className="mb-inline-form">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="proposalId" value={p.id} />
                      <button
                        type="submit"
                        className="button button-tertiary"
                        aria-label={t("companies.proposals.withdrawLabel", { name: `${p.firstName} ${p.lastName}` })}
                      >
                        {t("companies.proposals.withdraw")}
                      </button>
                    </Form>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {ranked ? (
        <section aria-labelledby="candidates">
          <h2 id="candidates">{t("companies.candidates.title", { count: ranked.total })}</h2>
          <p>{t("companies.candidates.intro", { shown: ranked.candidates.length })}</p>
          {ranked.candidates.length === 0 ? (
            <p>{t("companies.candidates.none")}</p>
          ) : (
            <ol className="mb-candidates nobullet-list" data-testid="opening-candidates">
              {ranked.candidates.map((c, i) => {
                const err = errorFor("propose", c.citizenId);
                return (
                  <li key={c.citizenId} className="mb-candidate" aria-labelledby={`cand-${c.citizenId}`}>
                    <h3 id={`cand-${c.citizenId}`}>
                      {t("companies.candidates.rank", { rank: i + 1, name: `${c.firstName} ${c.lastName}` })}
                    </h3>
                    <p>
                      <strong>{t("companies.candidates.score", { score: formatNumber(c.score, lng, 1) })}</strong> ·{" "}
                      {c.municipalityName}
                      {c.assessed ? null : (
                        <>
                          {" "}
                          · <span className="mb-badge mb-badge--warn">{t("companies.candidates.notAssessed")}</span>
                        </>
                      )}
                    </p>
                    <OpeningReasons reasons={c.reasons} />
                    {err ? <Alert kind="error">{errorText(err)}</Alert> : null}
                    <Form method="post">
                      <input type="hidden" name="intent" value="propose" />
                      <input type="hidden" name="openingId" value={o.id} />
                      <input type="hidden" name="menteeId" value={c.citizenId} />
                      <button type="submit" className="button button-primary">
                        {t("companies.candidates.propose", { name: `${c.firstName} ${c.lastName}` })}
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ) : o.status !== "open" ? (
        <p>{t("companies.candidates.notOpen")}</p>
      ) : null}

      {o.history.length ? (
        <section aria-labelledby="opening-history">
          <h2 id="opening-history">{t("companies.opening.history")}</h2>
          <ul>
            {o.history.map((h, i) => (
              <li key={i}>
                {formatDate(h.at, lng)}: {h.fromStatus ? `${t(`enum.openingStatus.${h.fromStatus}`)} → ` : ""}
                {t(`enum.openingStatus.${h.toStatus}`)}
                {h.byName ? ` (${h.byName})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
