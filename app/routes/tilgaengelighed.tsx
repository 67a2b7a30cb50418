/** The accessibility statement the Danish web accessibility act asks for: public, in Danish and English. */
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { config } from "../config.server";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { LEGAL_TEXTS_DATE, LegalSection, TextList, WithMail } from "../components/LegalPage";

export const meta = pageMeta("accessibility");

export async function loader() {
  return { email: config().CONTACT_EMAIL };
}

export default function AccessibilityStatement() {
  const { t, i18n } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  const a = "legal.accessibility";
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>{t(`${a}.title`)}</h1>
        <p className="font-lead">{t(`${a}.intro`)}</p>
        <LegalSection id="a-status" title={t(`${a}.statusTitle`)}>
          <p>{t(`${a}.status`)}</p>
        </LegalSection>
        <LegalSection id="a-issues" title={t(`${a}.issuesTitle`)}>
          <TextList k={`${a}.issues`} />
        </LegalSection>
        <LegalSection id="a-method" title={t(`${a}.methodTitle`)}>
          <p>{t(`${a}.method`, { date: formatDate(LEGAL_TEXTS_DATE, i18n.language) })}</p>
        </LegalSection>
        <LegalSection id="a-feedback" title={t(`${a}.feedbackTitle`)}>
          <p>
            <WithMail k={`${a}.feedback`} email={email} />
          </p>
        </LegalSection>
        <LegalSection id="a-enforcement" title={t(`${a}.enforcementTitle`)}>
          <p>{t(`${a}.enforcement`)}</p>
        </LegalSection>
      </div>
    </div>
  );
}
