/** The coordinator's actions on a course (start, pause, resume, extend, complete, end early, cancel): those its state allows. */
import { type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { type CoordinatorIntent } from "../../schemas/courses";
import { SelectField, TextArea, TextField } from "../forms";
import { endReasons } from "../../domain/enums";
import type { StaffCourseData } from "../../routes/koordinator.forloeb.$id";
import { ActionForm } from "./ActionForm";

type Last = (intent: CoordinatorIntent) => SubmissionResult<string[]> | undefined;

export function CourseActions({ d, last }: { d: StaffCourseData; last: Last }) {
  const { t } = useTranslation();
  const c = d.course;
  const can = (e: string) => (d.events as string[]).includes(e);
  return (
    <>
      {d.events.length ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t("courses.staff.actions")}</h2>
          {can("start") ? (
            <ActionForm
              intent="start"
              title={t(d.stage === "starts_later" ? "courses.staff.moveStart" : "courses.staff.start")}
              intro={t(d.stage === "starts_later" ? "courses.staff.moveStartIntro" : "courses.staff.startIntro")}
              lastResult={last("start")}
              defaults={{ startDate: c.startDate ?? d.today }}
              render={(f) => <TextField field={f.startDate} label={t("courses.staff.startDate")} type="date" />}
            />
          ) : null}
          {can("pause") ? (
            <ActionForm
              intent="pause"
              title={t("courses.staff.pause")}
              lastResult={last("pause")}
              defaults={{ fromDate: d.today }}
              render={(f) => (
                <>
                  <TextField field={f.fromDate} label={t("courses.staff.pauseFrom")} type="date" />
                  <TextField field={f.reason} label={t("courses.staff.pauseReason")} optional />
                </>
              )}
            />
          ) : null}
          {can("resume") ? (
            <ActionForm
              intent="resume"
              title={t("courses.staff.resume")}
              intro={t("courses.staff.resumeIntro")}
              lastResult={last("resume")}
              defaults={{ toDate: d.today }}
              render={(f) => <TextField field={f.toDate} label={t("courses.staff.resumeOn")} type="date" />}
            />
          ) : null}
          {can("extend") ? (
            <ActionForm
              intent="extend"
              title={t("courses.staff.extend")}
              lastResult={last("extend")}
              defaults={{}}
              render={(f) => <TextField field={f.plannedEndDate} label={t("courses.staff.newEnd")} type="date" />}
            />
          ) : null}
          {can("complete") ? (
            <ActionForm
              intent="complete"
              title={t("courses.staff.complete")}
              intro={t("courses.staff.completeIntro")}
              lastResult={last("complete")}
              defaults={{ endedOn: d.today }}
              render={(f) => <TextField field={f.endedOn} label={t("courses.staff.endedOn")} type="date" />}
            />
          ) : null}
          {can("end_early") ? (
            <ActionForm
              intent="end_early"
              title={t("courses.staff.endEarly")}
              lastResult={last("end_early")}
              defaults={{ endedOn: d.today }}
              render={(f) => (
                <>
                  <TextField field={f.endedOn} label={t("courses.staff.endedOn")} type="date" />
                  <SelectField
                    field={f.reason}
                    label={t("courses.staff.endReason")}
                    placeholder=""
                    options={endReasons.map((v) => ({ value: v, label: t(`enum.endReason.${v}`) }))}
                  />
                  <TextArea field={f.note} label={t("courses.staff.endNote")} optional rows={2} />
                </>
              )}
            />
          ) : null}
          {can("cancel") ? (
            <ActionForm
              intent="cancel"
              title={t("courses.staff.cancel")}
              intro={t("courses.staff.cancelIntro")}
              lastResult={last("cancel")}
              defaults={{}}
              render={(f) => (
                <>
                  <SelectField
                    field={f.reason}
                    label={t("courses.staff.endReason")}
                    placeholder=""
                    options={endReasons.map((v) => ({ value: v, label: t(`enum.endReason.${v}`) }))}
                  />
                  <TextArea field={f.note} label={t("courses.staff.endNote")} optional rows={2} />
                </>
              )}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
