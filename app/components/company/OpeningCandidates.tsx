/** The ranked citizens (within scope) for an open opening, each with a button to propose them. */
import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/use-translation";
import { Alert } from "../forms";
import { OpeningReasons } from "./OpeningReasons";
import { formatNumber } from "../../i18n/format";
import type { candidatesForOpening } from "../../services/opening-candidates.server";
import { refusalText, type ErrorFor, type OpeningView } from "./OpeningPage";

export function OpeningCandidates({
  o,
  ranked,
  errorFor,
}: {
  o: OpeningView;
  ranked: ReturnType<typeof candidatesForOpening>;
  errorFor: ErrorFor;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const errorText = (e: string) => refusalText(t, e);
  return (
    <>
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
    </>
  );
}
