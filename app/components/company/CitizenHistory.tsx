/**
 * A citizen's courses and placements together, newest first, on the caseworker's and the coordinator's citizen pages,
 * with links to the competence assessment and the openings that fit.
 */
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import type { HistoryItem } from "../../domain/citizen-history";
import { formatDate } from "../../i18n/format";

export function CitizenHistory({
  menteeId,
  items,
  coursePath,
}: {
  menteeId: number;
  items: HistoryItem[];
  coursePath?: (id: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="citizen-history-title">
      <h2 id="citizen-history-title">{t("companies.history.title")}</h2>
      <p>
        <Link to={`/borgere/${menteeId}/kompetencer`} className="button button-secondary">
          {t("companies.history.competence")}
        </Link>{" "}
        <Link to={`/borgere/${menteeId}/opslag`} className="button button-secondary">
          {t("companies.history.openings")}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t("companies.history.none")}</p>
      ) : (
        <ol className="nobullet-list mb-stack" data-testid="citizen-history">
          {items.map((h) => (
            <li key={`${h.kind}${h.id}`} className="mb-card">
              {h.kind === "course" ? (
                <>
                  <h3 className="h4">
                    {coursePath ? (
                      <Link to={coursePath(h.id)}>{t("companies.history.course", { id: h.id })}</Link>
                    ) : (
                      t("companies.history.course", { id: h.id })
                    )}
                  </h3>
                  <p>
                    {t(`enum.courseStatus.${h.status}`)} · {formatDate(h.startDate, lng)}
                    {h.endedOn ? ` – ${formatDate(h.endedOn, lng)}` : ""}
                    {h.outcome ? ` · ${t(`enum.outcomeType.${h.outcome}`)}` : ""}
                  </p>
                </>
              ) : (
                <>
                  <h3 className="h4">
                    <Link to={`/placeringer/${h.id}`}>
                      {t("companies.history.placement", {
                        type: t(`enum.openingType.${h.type}`),
                        company: h.companyName,
                      })}
                    </Link>
                  </h3>
                  <p>
                    {h.occupation} · {t(`enum.placementStatus.${h.status}`)} · {formatDate(h.startDate, lng)}
                    {h.endedOn ? ` – ${formatDate(h.endedOn, lng)}` : ""}
                    {h.outcome ? ` · ${t(`enum.outcomeType.${h.outcome}`)}` : ""}
                  </p>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
