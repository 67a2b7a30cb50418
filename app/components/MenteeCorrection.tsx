/**
 * Correcting a referred citizen's record (coordinator and caseworker pages), the coordinator's intake call, and the
 * record's history of corrections and calls. One zod schema per form (app/schemas/referral.ts), shared with the server.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { correctionSchema, intakeCallSchema, type CorrectionInput } from "../schemas/referral";
import { goals } from "../domain/enums";
import { ChoiceGroup, ErrorSummary, TextArea, TextField } from "./forms";
import { ContactFields, DanishFields, enumOptions, WishedIndustriesFieldset } from "./MenteeFields";
import { PageSummary, Pager } from "./Pager";
import { formatDate, formatDateTime } from "../i18n/format";
import type { RecordChange } from "../services/mentee-corrections.server";
import type { Page } from "../domain/paging";

export const CHANGES_PAGE_PARAM = "rettelser-side";

type Current = {
  phone: string | null;
  email: string | null;
  preferredChannel: string;
  language: string;
  danishLevel: string;
  danishModule: number | null;
  wishedIndustryCodes: string[];
  goals: string[];
};

export function CorrectionForm({
  current,
  divisions,
  lastResult,
}: {
  current: Current;
  divisions: { code: string; labelDa: string; labelEn: string }[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm<CorrectionInput>({
    id: "correction",
    lastResult,
    defaultValue: {
      phone: current.phone ?? "",
      email: current.email ?? "",
      preferredChannel: current.preferredChannel,
      language: current.language,
      danishLevel: current.danishLevel,
      danishModule: current.danishModule ?? undefined,
      goals: current.goals as CorrectionInput["goals"],
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: correctionSchema }),
  });
  const divisionOpts = divisions.map((d) => ({
    value: d.code,
    label: `${d.code} ${i18n.language === "en" ? d.labelEn : d.labelDa}`,
  }));
  const typed = (i: number): string => {
    const v = (lastResult?.initialValue as Record<string, unknown> | undefined)?.wishedIndustryCodes;
    return Array.isArray(v) && typeof v[i] === "string"
      ? v[i]
      : lastResult
        ? ""
        : (current.wishedIndustryCodes[i] ?? "");
  };
  return (
    <section aria-labelledby="correction-title">
      <h2 id="correction-title">{t("referrals.corrections.formTitle")}</h2>
      <p>{t("referrals.corrections.formIntro")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby="correction-title">
        <input type="hidden" name="intent" value="correct" />
        <ContactFields fields={fields} />
        <DanishFields fields={fields} />
        <WishedIndustriesFieldset
          formId={form.id}
          errors={form.allErrors}
          divisions={divisionOpts}
          defaultValue={typed}
        />
        <ChoiceGroup
          field={fields.goals}
          legend={t("referrals.form.goals")}
          options={enumOptions(t, goals, "goal")}
          multiple
        />
        <button type="submit" className="button button-primary">
          {t("referrals.corrections.save")}
        </button>
      </Form>
    </section>
  );
}

export function IntakeCallForm({ today, lastResult }: { today: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "intake",
    lastResult,
    defaultValue: { calledOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: intakeCallSchema }),
  });
  return (
    <section aria-labelledby="intake-title">
      <h2 id="intake-title">{t("referrals.corrections.intakeTitle")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby="intake-title">
        <input type="hidden" name="intent" value="intake" />
        <TextField field={fields.calledOn} label={t("referrals.corrections.calledOn")} type="date" />
        <TextArea
          field={fields.note}
          label={t("referrals.corrections.note")}
          hint={t("referrals.corrections.noteHint")}
          optional
          rows={3}
        />
        <button type="submit" className="button button-secondary">
          {t("referrals.corrections.intakeSave")}
        </button>
      </Form>
    </section>
  );
}

/** The record's corrections and intake calls, newest first: who, when, which fields (never the values). */
export function RecordChanges({ changes }: { changes: Page<RecordChange> }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t("referrals.corrections.historyTitle")}</h2>
      {changes.total ? (
        <>
          {changes.pages > 1 ? <PageSummary window={changes} /> : null}
          <ul data-testid="record-changes">
            {changes.rows.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at, lng)}, {c.byName ?? t("referrals.corrections.unknownUser")}:{" "}
                {c.kind === "correction" ? (
                  t("referrals.corrections.corrected", {
                    fields: c.fields.map((f) => t(`referrals.corrections.field.${f}`)).join(", "),
                  })
                ) : (
                  <>
                    {t("referrals.corrections.intakeLogged", { date: formatDate(c.calledOn, lng) })}
                    {c.note ? <>: {c.note}</> : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          <Pager
            window={changes}
            param={CHANGES_PAGE_PARAM}
            hash="changes-title"
            label={t("referrals.corrections.historyTitle")}
          />
        </>
      ) : (
        <p>{t("referrals.corrections.none")}</p>
      )}
    </section>
  );
}
