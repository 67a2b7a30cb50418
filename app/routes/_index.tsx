import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { partnerMunicipalityNames } from "../services/volunteers.server";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("landing", (t) => [
  { name: "description", content: t("common.titles.landingDescription") },
]);

export async function loader(_: LoaderFunctionArgs) {
  return { partners: partnerMunicipalityNames() };
}

export default function Landing() {
  const { t } = useTranslation();
  const { partners } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("volunteer.landing.title")}</h1>
      <p className="font-lead">{t("volunteer.landing.lead")}</p>
      <p>
        <Link className="button button-primary" to="/bliv-mentor">
          {t("volunteer.landing.cta")}
        </Link>{" "}
        <Link className="button button-secondary" to="/login">
          {t("volunteer.landing.staffLogin")}
        </Link>
      </p>
      <div className="mb-landing-grid">
        <section aria-labelledby="h-what">
          <h2 id="h-what">{t("volunteer.landing.whatTitle")}</h2>
          <ul>
            <li>{t("volunteer.landing.what1")}</li>
            <li>{t("volunteer.landing.what2")}</li>
            <li>{t("volunteer.landing.what3")}</li>
          </ul>
        </section>
        <section aria-labelledby="h-offer">
          <h2 id="h-offer">{t("volunteer.landing.offerTitle")}</h2>
          <ul>
            <li>{t("volunteer.landing.offer1")}</li>
            <li>{t("volunteer.landing.offer2")}</li>
            <li>{t("volunteer.landing.offer3")}</li>
          </ul>
        </section>
      </div>
      <section aria-labelledby="h-how">
        <h2 id="h-how">{t("volunteer.landing.howTitle")}</h2>
        <ol>
          <li>{t("volunteer.landing.how1")}</li>
          <li>{t("volunteer.landing.how2")}</li>
          <li>{t("volunteer.landing.how3")}</li>
          <li>{t("volunteer.landing.how4")}</li>
        </ol>
        <p>
          <Link className="button button-primary" to="/bliv-mentor">
            {t("volunteer.landing.cta")}
          </Link>
        </p>
      </section>
      {partners.length ? (
        <section aria-labelledby="h-partners">
          <h2 id="h-partners">{t("volunteer.landing.municipalitiesTitle")}</h2>
          <p>{t("volunteer.landing.municipalitiesBody", { count: partners.length })}</p>
          <p>{partners.join(" · ")}</p>
        </section>
      ) : null}
    </>
  );
}
