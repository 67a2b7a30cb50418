/**
 * The workplace mentor (and, for an IGU, the completion adviser) of a placement: the same fields where a proposal is
 * accepted and where the placement's details are changed.
 */
import { useTranslation } from "../../i18n/use-translation";
import { TextField, type AnyField } from "../forms";

export function WorkplaceContactFields({
  fields: f,
  igu,
  hints = false,
}: {
  fields: Record<
    "workplaceMentorName" | "workplaceMentorPhone" | "completionAdviserName" | "completionAdviserPhone",
    AnyField
  >;
  igu: boolean;
  hints?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        field={f.workplaceMentorName}
        label={t("companies.placement.workplaceMentorName")}
        hint={hints ? t("companies.placement.workplaceMentorHint") : undefined}
      />
      <TextField
        field={f.workplaceMentorPhone}
        label={t("companies.placement.workplaceMentorPhone")}
        type="tel"
        inputMode="tel"
      />
      {igu ? (
        <>
          <TextField
            field={f.completionAdviserName}
            label={t("companies.placement.completionAdviserName")}
            hint={hints ? t("companies.placement.completionAdviserHint") : undefined}
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
  );
}
