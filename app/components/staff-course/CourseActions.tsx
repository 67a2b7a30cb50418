/** The coordinator's actions on a course (start, pause, resume, extend, complete, end early, cancel): those its state allows. */
import { type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "../../i18n/use-translation";
import { type CoordinatorIntent } from "../../schemas/courses";
import { SelectField, TextArea, TextField, type AnyField } from "../forms";
import { endReasons } from "../../domain/enums";
import type { StaffCourseData } from "../../routes/koordinator.forloeb.$id";
import { ActionForm, type ActionFormProps } from "./ActionForm";

type Last = (intent: CoordinatorIntent) => SubmissionResult<string[]> | undefined;

/** Why a course ended, and a note: asked when it ends early and when it is cancelled. */
function EndFields({ f }: { f: Record<string, AnyField> }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        field={f.reason}
        label={t("courses.staff.endReason")}
        placeholder=""
        options={endReasons.map((v) => ({ value: v, label: t(`enum.endReason.${v}`) }))}
      />
      <TextArea field={f.note} label={t("courses.staff.endNote")} optional rows={2} />
    </>
  );
}

export function CourseActions({ d, last }: { d: StaffCourseData; last: Last }) {
  const { t } = useTranslation();
  const c = d.course;
  /** The form of `intent` when the course's state allows it (its last answer kept), else nothing. */
  const action = (intent: CoordinatorIntent, props: Omit<ActionFormProps, "intent" | "lastResult">) =>
    (d.events as string[]).includes(intent) ? (
      <ActionForm key={intent} intent={intent} lastResult={last(intent)} {...props} />
    ) : null;
  const dateField = (name: string, label: string) => (f: Record<string, AnyField>) => (
    <TextField field={f[name]} label={t(label)} type="date" />
  );
  return (
    <>
      {d.events.length ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t("courses.staff.actions")}</h2>
          {action("start", {
            title: t(d.stage === "starts_later" ? "courses.staff.moveStart" : "courses.staff.start"),
            intro: t(d.stage === "starts_later" ? "courses.staff.moveStartIntro" : "courses.staff.startIntro"),
            defaults: { startDate: c.startDate ?? d.today },
            render: dateField("startDate", "courses.staff.startDate"),
          })}
          {action("pause", {
            title: t("courses.staff.pause"),
            defaults: { fromDate: d.today },
            render: (f) => (
              <>
                <TextField field={f.fromDate} label={t("courses.staff.pauseFrom")} type="date" />
                <TextField field={f.reason} label={t("courses.staff.pauseReason")} optional />
              </>
            ),
          })}
          {action("resume", {
            title: t("courses.staff.resume"),
            intro: t("courses.staff.resumeIntro"),
            defaults: { toDate: d.today },
            render: dateField("toDate", "courses.staff.resumeOn"),
          })}
          {action("extend", {
            title: t("courses.staff.extend"),
            defaults: {},
            render: dateField("plannedEndDate", "courses.staff.newEnd"),
          })}
          {action("complete", {
            title: t("courses.staff.complete"),
            intro: t("courses.staff.completeIntro"),
            defaults: { endedOn: d.today },
            render: dateField("endedOn", "courses.staff.endedOn"),
          })}
          {action("end_early", {
            title: t("courses.staff.endEarly"),
            defaults: { endedOn: d.today },
            render: (f) => (
              <>
                <TextField field={f.endedOn} label={t("courses.staff.endedOn")} type="date" />
                <EndFields f={f} />
              </>
            ),
          })}
          {action("cancel", {
            title: t("courses.staff.cancel"),
            intro: t("courses.staff.cancelIntro"),
            defaults: {},
            render: (f) => <EndFields f={f} />,
          })}
        </section>
      ) : null}
    </>
  );
}
