/** The proposals of citizens (within scope) to an opening, with the company's answer for each one still open. */
import { Form } from "@remix-run/react";
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import { openingPageSchemas } from "../../schemas/companies";
import { declineReasons } from "../../domain/enums";
import { addDays } from "../../domain/dates";
import { Alert, SelectField, TextArea, TextField } from "../forms";
import { IntentForm } from "../IntentForm";
import { OpeningReasons } from "./OpeningReasons";
import { formatDate, formatNumber } from "../../i18n/format";
import { refusalText, type ErrorFor, type LastResult, type OpeningView } from "./OpeningPage";
import { WorkplaceContactFields } from "./WorkplaceContactFields";

export function OpeningProposals({
  o,
  citizenBase,
  todayDate,
  last,
  errorFor,
}: {
  o: OpeningView;
  citizenBase: string;
  todayDate: string;
  last: LastResult;
  errorFor: ErrorFor;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const errorText = (e: string) => refusalText(t, e);
  return (
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
                        <WorkplaceContactFields fields={f} igu={o.type === "igu"} hints />
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
  );
}
