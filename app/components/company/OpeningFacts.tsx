/** The facts of an opening, its status buttons, and its status history (the opening's page). */
import { Form } from "@remix-run/react";
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import { industryLabel } from "../CourseParts";
import { formatDate } from "../../i18n/format";
import type { OpeningView } from "./OpeningPage";

export function OpeningFacts({ o }: { o: OpeningView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
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
    </>
  );
}

export function OpeningHistory({ history }: { history: OpeningView["history"] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return history.length ? (
    <section aria-labelledby="opening-history">
      <h2 id="opening-history">{t("companies.opening.history")}</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDate(h.at, lng)}: {h.fromStatus ? `${t(`enum.openingStatus.${h.fromStatus}`)} → ` : ""}
            {t(`enum.openingStatus.${h.toStatus}`)}
            {h.byName ? ` (${h.byName})` : ""}
          </li>
        ))}
      </ul>
    </section>
  ) : null;
}
