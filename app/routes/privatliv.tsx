/** The privacy notice: what is collected from volunteers (and about citizens) and why, public, in Danish and English. */
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { config } from "../config.server";
import { getRetentionMonths } from "../services/retention.server";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { LEGAL_TEXTS_DATE, LegalSection, TextList, WithMail } from "../components/LegalPage";

export const meta = pageMeta("privacy");

export async function loader() {
  return { email: config().CONTACT_EMAIL, months: getRetentionMonths() };
}

export default function Privacy() {
  const { t, i18n } = useTranslation();
  const { email, months } = useLoaderData<typeof loader>();
  const p = "legal.privacy";
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>{t(`${p}.title`)}</h1>
        <p className="font-lead">{t(`${p}.intro`)}</p>
        <LegalSection id="p-controller" title={t(`${p}.controllerTitle`)}>
          {(t(`${p}.controller`, { returnObjects: true }) as string[]).map((s, i) => (
            <p key={i}>{s}</p>
          ))}
          <p>
            <WithMail k={`${p}.contact`} email={email} />
          </p>
        </LegalSection>
        <LegalSection id="p-volunteers" title={t(`${p}.volunteersTitle`)}>
          <TextList k={`${p}.volunteers`} />
        </LegalSection>
        <LegalSection id="p-purposes" title={t(`${p}.purposesTitle`)}>
          <TextList k={`${p}.purposes`} />
        </LegalSection>
        <LegalSection id="p-basis" title={t(`${p}.basisTitle`)}>
          <p>{t(`${p}.basis`)}</p>
        </LegalSection>
        <LegalSection id="p-who" title={t(`${p}.whoTitle`)}>
          <TextList k={`${p}.who`} />
        </LegalSection>
        <LegalSection id="p-citizens" title={t(`${p}.citizensTitle`)}>
          <p>{t(`${p}.citizens`)}</p>
        </LegalSection>
        <LegalSection id="p-retention" title={t(`${p}.retentionTitle`)}>
          <TextList k={`${p}.retention`} values={{ months }} />
        </LegalSection>
        <LegalSection id="p-rights" title={t(`${p}.rightsTitle`)}>
          <TextList k={`${p}.rights`} />
        </LegalSection>
        <LegalSection id="p-cookies" title={t(`${p}.cookiesTitle`)}>
          <p>{t(`${p}.cookies`)}</p>
        </LegalSection>
        <p>{t(`${p}.updated`, { date: formatDate(LEGAL_TEXTS_DATE, i18n.language) })}</p>
      </div>
    </div>
  );
}
