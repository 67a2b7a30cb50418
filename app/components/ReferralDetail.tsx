/**
 * The referral's record as staff see it (caseworker and coordinator): profile, consents, messages, course, history.
 * Messages and history grow with the years: each is paged (`beskeder-side`, `historik-side`).
 */
import { useTranslation } from "../i18n/use-translation";
import { formatDate, formatDateTime } from "../i18n/format";
import type { Page } from "../domain/paging";
import { PageSummary, Pager } from "./Pager";
import { scrollRegion } from "./TableWrap";

export const MESSAGES_PAGE_PARAM = "beskeder-side";
export const HISTORY_PAGE_PARAM = "historik-side";

type Mentee = {
  id: number;
  firstName: string;
  lastName: string;
  birthYear: number;
  gender: string | null;
  phone: string | null;
  email: string | null;
  preferredChannel: string;
  language: string;
  group: string;
  jobReady: boolean;
  danishLevel: string;
  danishModule: number | null;
  englishLevel: string;
  educationLevel: string;
  educationField: string | null;
  educationCountry: string | null;
  experience: { title: string; years: number; industryCode: string | null }[];
  wishedIndustryCodes: string[];
  wishedOccupation: string | null;
  goals: string[];
  availability: string | null;
  drivingLicence: boolean;
  mentorGenderPreference: string;
  needsConsideration: boolean;
  status: string;
  withdrawnReason: string | null;
  referredAt: string;
};
export type ReferralView = {
  mentee: Mentee;
  municipalityName: string;
  referredByName: string | null;
  waitingDays: number | null;
  industryLabels: { code: string; labelDa: string; labelEn: string }[];
  consents: {
    id: number;
    purpose: string;
    textVersion: string;
    givenAt: string;
    withdrawnAt: string | null;
    recordedByName: string | null;
  }[];
  messages: Page<{
    id: number;
    template: string;
    channel: string;
    locale: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
  }>;
  welcome: { channel: string; locale: string; status: string; createdAt: string; sentAt: string | null } | null;
  course: { id: number; status: string; startDate: string | null; endedOn: string | null } | null;
  outcome: { type: string; date: string } | null;
  history: Page<{ fromStatus: string | null; toStatus: string; reason: string | null; at: string }>;
};

export function ReferralDetail({ r }: { r: ReferralView }) {
  const { t, i18n } = useTranslation();
  const m = r.mentee;
  const lang = i18n.language;
  const label = (code: string) => {
    const l = r.industryLabels.find((x) => x.code === code);
    return l ? `${code} ${lang === "en" ? l.labelEn : l.labelDa}` : code;
  };
  const yes = (b: boolean) => (b ? t("common.yes") : t("common.no"));
  return (
    <>
      <section aria-labelledby="welcome-title">
        <h2 id="welcome-title">{t("referrals.detail.welcome")}</h2>
        <p data-testid="welcome-status">
          {r.welcome ? (
            <>
              <span
                className={`mb-badge ${r.welcome.status === "failed" || r.welcome.status === "cancelled" ? "mb-badge--bad" : r.welcome.status === "sent" || r.welcome.status === "delivered" ? "mb-badge--good" : ""}`}
              >
                {t(`enum.messageStatus.${r.welcome.status}`)}
              </span>{" "}
              {t("referrals.detail.welcomeStatus", {
                channel: t(`enum.channel.${r.welcome.channel}`),
                language: t(`enum.messageLanguage.${r.welcome.locale}`),
                at: formatDateTime(r.welcome.sentAt ?? r.welcome.createdAt, lang),
              })}
            </>
          ) : (
            t("referrals.detail.welcomeNone")
          )}
        </p>
      </section>

      <h2>{t("referrals.detail.referral")}</h2>
      <dl className="mb-dl">
        <dt>{t("staff.mentees.status")}</dt>
        <dd data-testid="mentee-status">
          {t(`enum.menteeStatus.${m.status}`)}
          {r.waitingDays != null ? ` · ${t("referrals.detail.waitingDays", { count: r.waitingDays })}` : ""}
        </dd>
        {m.withdrawnReason ? (
          <>
            <dt>{t("referrals.detail.withdrawnReason")}</dt>
            <dd>{m.withdrawnReason}</dd>
          </>
        ) : null}
        <dt>{t("staff.mentees.municipality")}</dt>
        <dd>{r.municipalityName}</dd>
        <dt>{t("staff.mentees.referredAt")}</dt>
        <dd>{formatDate(m.referredAt, lang)}</dd>
        <dt>{t("referrals.detail.referredBy")}</dt>
        <dd>{r.referredByName ?? ""}</dd>
        <dt>{t("referrals.detail.course")}</dt>
        <dd>
          {r.course
            ? `${t(`enum.courseStatus.${r.course.status}`)}${r.course.startDate ? ` · ${formatDate(r.course.startDate, lang)}` : ""}${r.course.endedOn ? ` – ${formatDate(r.course.endedOn, lang)}` : ""}`
            : t("referrals.detail.noCourse")}
        </dd>
        <dt>{t("referrals.detail.outcome")}</dt>
        <dd>
          {r.outcome
            ? `${t(`enum.outcomeType.${r.outcome.type}`)} (${formatDate(r.outcome.date, lang)})`
            : t("referrals.detail.noOutcome")}
        </dd>
      </dl>

      <h2>{t("staff.mentees.detailTitle")}</h2>
      <dl className="mb-dl">
        <dt>{t("staff.mentees.birthYear")}</dt>
        <dd>{m.birthYear}</dd>
        {m.gender ? (
          <>
            <dt>{t("referrals.form.gender")}</dt>
            <dd>{t(`enum.gender.${m.gender}`)}</dd>
          </>
        ) : null}
        <dt>{t("referrals.detail.group")}</dt>
        <dd>{t(`enum.menteeGroup.${m.group}`)}</dd>
        <dt>{t("referrals.detail.jobReady")}</dt>
        <dd>{yes(m.jobReady)}</dd>
        <dt>{t("referrals.detail.phone")}</dt>
        <dd>{m.phone ?? ""}</dd>
        <dt>{t("referrals.detail.email")}</dt>
        <dd>{m.email ?? ""}</dd>
        <dt>{t("staff.mentees.channel")}</dt>
        <dd>{t(`enum.channel.${m.preferredChannel}`)}</dd>
        <dt>{t("staff.mentees.language")}</dt>
        <dd>{t(`enum.messageLanguage.${m.language}`)}</dd>
        <dt>{t("staff.mentees.danishLevel")}</dt>
        <dd>
          {t(`enum.danishLevel.${m.danishLevel}`)}
          {m.danishModule ? `, ${t("referrals.form.moduleLabel", { n: m.danishModule })}` : ""}
        </dd>
        <dt>{t("referrals.detail.englishLevel")}</dt>
        <dd>{t(`enum.englishLevel.${m.englishLevel}`)}</dd>
        <dt>{t("referrals.detail.education")}</dt>
        <dd>
          {[t(`enum.educationLevel.${m.educationLevel}`), m.educationField, m.educationCountry]
            .filter(Boolean)
            .join(", ")}
        </dd>
        <dt>{t("referrals.detail.experience")}</dt>
        <dd>
          {m.experience.length ? (
            <ul className="nobullet-list">
              {m.experience.map((e, i) => (
                <li key={i}>
                  {e.title}, {t("referrals.detail.experienceYears", { count: e.years })}
                  {e.industryCode ? ` (${label(e.industryCode)})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            "–"
          )}
        </dd>
        <dt>{t("staff.mentees.wishedIndustries")}</dt>
        <dd>{m.wishedIndustryCodes.map(label).join(", ")}</dd>
        <dt>{t("referrals.detail.wishedOccupation")}</dt>
        <dd>{m.wishedOccupation ?? ""}</dd>
        <dt>{t("staff.mentees.goals")}</dt>
        <dd>{m.goals.map((g) => t(`enum.goal.${g}`)).join(", ")}</dd>
        <dt>{t("referrals.detail.availability")}</dt>
        <dd>{m.availability ?? ""}</dd>
        <dt>{t("referrals.detail.drivingLicence")}</dt>
        <dd>{yes(m.drivingLicence)}</dd>
        <dt>{t("referrals.detail.mentorGenderPreference")}</dt>
        <dd>{t(`enum.genderPreference.${m.mentorGenderPreference}`)}</dd>
        <dt>{t("staff.mentees.needsConsideration")}</dt>
        <dd>{yes(m.needsConsideration)}</dd>
      </dl>

      <h2>{t("referrals.detail.consents")}</h2>
      <div className="mb-table-wrap" {...scrollRegion(t("referrals.detail.consents"))}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("referrals.detail.consentPurpose")}</th>
              <th scope="col">{t("referrals.detail.consentVersion")}</th>
              <th scope="col">{t("referrals.detail.consentGiven")}</th>
              <th scope="col">{t("referrals.detail.consentRecordedBy")}</th>
              <th scope="col">{t("referrals.detail.consentWithdrawn")}</th>
            </tr>
          </thead>
          <tbody>
            {r.consents.map((c) => (
              <tr key={c.id}>
                <td>{t(`enum.consentPurpose.${c.purpose}`)}</td>
                <td>{c.textVersion}</td>
                <td>{formatDate(c.givenAt, lang)}</td>
                <td>{c.recordedByName ?? ""}</td>
                <td>{c.withdrawnAt ? formatDate(c.withdrawnAt, lang) : t("referrals.detail.consentActive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/persondata/mentee/${m.id}`}>{t("referrals.detail.manageConsents")}</a>
      </p>

      <h2 id="beskeder">{t("referrals.detail.messages")}</h2>
      {r.messages.total === 0 ? (
        <p>{t("referrals.detail.noMessages")}</p>
      ) : (
        <>
          {r.messages.pages > 1 ? <PageSummary window={r.messages} /> : null}
          <div className="mb-table-wrap" {...scrollRegion(t("referrals.detail.messages"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("referrals.detail.template")}</th>
                  <th scope="col">{t("staff.outbox.channel")}</th>
                  <th scope="col">{t("staff.mentees.language")}</th>
                  <th scope="col">{t("staff.outbox.status")}</th>
                  <th scope="col">{t("staff.outbox.created")}</th>
                </tr>
              </thead>
              <tbody>
                {r.messages.rows.map((x) => (
                  <tr key={x.id}>
                    <td>{x.template === "mentee_welcome" ? t("referrals.template.mentee_welcome") : x.template}</td>
                    <td>{t(`enum.channel.${x.channel}`)}</td>
                    <td>{t(`enum.messageLanguage.${x.locale}`)}</td>
                    <td>{t(`enum.messageStatus.${x.status}`)}</td>
                    <td>{formatDateTime(x.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            window={r.messages}
            param={MESSAGES_PAGE_PARAM}
            hash="beskeder"
            label={t("referrals.detail.messages")}
          />
        </>
      )}

      <h2 id="historik">{t("referrals.detail.history")}</h2>
      {r.history.pages > 1 ? <PageSummary window={r.history} /> : null}
      <ul>
        {r.history.rows.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at, lang)}: {h.fromStatus ? `${t(`enum.menteeStatus.${h.fromStatus}`)} → ` : ""}
            {t(`enum.menteeStatus.${h.toStatus}`)}
            {h.reason && h.reason !== "referred" ? ` (${h.reason})` : ""}
          </li>
        ))}
      </ul>
      <Pager window={r.history} param={HISTORY_PAGE_PARAM} hash="historik" label={t("referrals.detail.history")} />
    </>
  );
}
