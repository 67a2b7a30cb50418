/** The coordinator's follow-up calls on a course: the calls made and the form for the next. */
import { type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "../../i18n/use-translation";
import { type CoordinatorIntent } from "../../schemas/courses";
import { Checkbox, ChoiceGroup, TextArea, TextField } from "../forms";
import { formatDate } from "../../i18n/format";
import { followUpStatuses, followUpTargets } from "../../domain/enums";
import { scrollRegion } from "../TableWrap";
import type { StaffCourseData } from "../../routes/koordinator.forloeb.$id";
import { ActionForm } from "./ActionForm";

type Last = (intent: CoordinatorIntent) => SubmissionResult<string[]> | undefined;

export function FollowUps({ d, last }: { d: StaffCourseData; last: Last }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
      <section aria-labelledby="follow-up">
        <h2 id="follow-up" tabIndex={-1}>
          {t("courses.followUp.title")}
        </h2>
        {d.followUps.length ? (
          <div className="mb-table-wrap" {...scrollRegion(t("courses.followUp.title"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("courses.followUp.calledOn")}</th>
                  <th scope="col">{t("courses.followUp.target")}</th>
                  <th scope="col">{t("courses.followUp.status")}</th>
                  <th scope="col">{t("courses.followUp.notes")}</th>
                  <th scope="col">{t("courses.followUp.by")}</th>
                </tr>
              </thead>
              <tbody>
                {d.followUps.map((f) => (
                  <tr key={f.id}>
                    <td>{formatDate(f.calledOn, lng)}</td>
                    <td>{t(`enum.followUpTarget.${f.target}`)}</td>
                    <td>
                      {t(`enum.followUpStatus.${f.status}`)}
                      {f.escalatedAt ? (
                        <>
                          {" "}
                          · <span className="mb-badge mb-badge--warn">{t("courses.followUp.escalated")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{f.notes}</td>
                    <td>{f.byName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("courses.followUp.none")}</p>
        )}
        {d.stage === "completed" || d.stage === "ended_early" ? null : (
          <ActionForm
            intent="follow_up"
            title={t("courses.followUp.log")}
            lastResult={last("follow_up")}
            defaults={{ calledOn: d.today, target: "mentor", status: "on_track" }}
            render={(f) => (
              <>
                <TextField field={f.calledOn} label={t("courses.followUp.calledOn")} type="date" />
                <ChoiceGroup
                  field={f.target}
                  legend={t("courses.followUp.target")}
                  options={followUpTargets.map((v) => ({ value: v, label: t(`enum.followUpTarget.${v}`) }))}
                />
                <ChoiceGroup
                  field={f.status}
                  legend={t("courses.followUp.status")}
                  options={followUpStatuses.map((v) => ({ value: v, label: t(`enum.followUpStatus.${v}`) }))}
                />
                <TextArea
                  field={f.notes}
                  label={t("courses.followUp.notes")}
                  hint={t("courses.followUp.notesHint")}
                  optional
                  rows={3}
                />
                <Checkbox field={f.escalate} label={t("courses.followUp.escalate")} />
              </>
            )}
            submit={t("courses.followUp.save")}
          />
        )}
      </section>
    </>
  );
}
