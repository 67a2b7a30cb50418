/** A course's outcomes for the coordinator: those registered or proposed (to confirm or reject) and the form to register one. */
import { type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/use-translation";
import { type CoordinatorIntent } from "../../schemas/courses";
import { Checkbox, SelectField, TextField } from "../forms";
import { industryLabel, industryOptions } from "../CourseParts";
import { formatDate } from "../../i18n/format";
import { outcomePhases, outcomeTypes } from "../../domain/enums";
import { scrollRegion } from "../TableWrap";
import type { StaffCourseData } from "../../routes/koordinator.forloeb.$id";
import { ActionForm } from "./ActionForm";

type Last = (intent: CoordinatorIntent) => SubmissionResult<string[]> | undefined;

export function StaffOutcomes({ d, last }: { d: StaffCourseData; last: Last }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = d.course;
  return (
    <>
      {d.begun || d.outcomes.length ? (
        <section aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t("courses.outcome.title")}</h2>
          {d.outcomes.length ? (
            <div className="mb-table-wrap" {...scrollRegion(t("courses.outcome.title"))}>
              <table className="table table--zebra">
                <thead>
                  <tr>
                    <th scope="col">{t("courses.outcome.type")}</th>
                    <th scope="col">{t("courses.outcome.phase")}</th>
                    <th scope="col">{t("courses.outcome.date")}</th>
                    <th scope="col">{t("courses.outcome.industry")}</th>
                    <th scope="col">{t("courses.outcome.viaNetworkShort")}</th>
                    <th scope="col">{t("courses.page.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.outcomes.map((o) => (
                    <tr key={o.id}>
                      <td>{t(`enum.outcomeType.${o.type}`)}</td>
                      <td>{t(`enum.outcomePhase.${o.phase}`)}</td>
                      <td>{formatDate(o.outcomeDate, lng)}</td>
                      <td>{industryLabel(o.employerIndustryCode, lng)}</td>
                      <td>{o.viaMentorNetwork ? t("common.yes") : t("common.no")}</td>
                      <td>
                        {o.confirmed ? (
                          t("courses.outcome.confirmed")
                        ) : (
                          <Form method="post" className="mb-inline-form">
                            <input type="hidden" name="outcomeId" value={o.id} />
                            {t("courses.outcome.awaiting")}{" "}
                            <button
                              type="submit"
                              name="intent"
                              value="confirm_outcome"
                              className="button button-secondary"
                              aria-label={t("courses.outcome.confirmLabel", { type: t(`enum.outcomeType.${o.type}`) })}
                            >
                              {t("courses.outcome.confirm")}
                            </button>{" "}
                            <button
                              type="submit"
                              name="intent"
                              value="reject_outcome"
                              className="button button-tertiary"
                              aria-label={t("courses.outcome.rejectLabel", { type: t(`enum.outcomeType.${o.type}`) })}
                            >
                              {t("courses.outcome.reject")}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("courses.outcome.none")}</p>
          )}
          {d.begun ? (
            <ActionForm
              intent="outcome"
              title={t("courses.outcome.registerTitle")}
              lastResult={last("outcome")}
              defaults={{ outcomeDate: d.today, phase: c.endedOn && c.endedOn < d.today ? "followup_3m" : "end" }}
              render={(f) => (
                <>
                  <SelectField
                    field={f.type}
                    label={t("courses.outcome.type")}
                    placeholder=""
                    options={outcomeTypes.map((v) => ({ value: v, label: t(`enum.outcomeType.${v}`) }))}
                  />
                  <SelectField
                    field={f.phase}
                    label={t("courses.outcome.phase")}
                    options={outcomePhases.map((v) => ({ value: v, label: t(`enum.outcomePhase.${v}`) }))}
                  />
                  <TextField field={f.outcomeDate} label={t("courses.outcome.date")} type="date" />
                  <SelectField
                    field={f.employerIndustryCode}
                    label={t("courses.outcome.industry")}
                    optional
                    placeholder={t("courses.outcome.industryPlaceholder")}
                    options={industryOptions(lng)}
                  />
                  <Checkbox field={f.viaMentorNetwork} label={t("courses.outcome.viaNetwork")} />
                </>
              )}
              submit={t("courses.outcome.register")}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
