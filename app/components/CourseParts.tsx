/** Small presentational pieces shared by the course pages (mentor, coordinator, caseworker). */
import type { ReactNode } from "react";
import { useTranslation } from "../i18n/use-translation";
import type { CommitmentStatus, CourseMonth } from "../domain/commitment";
import { divisionOptions, industryLabel } from "../domain/industries";
import { formatDate, formatNumber } from "../i18n/format";
import { scrollRegion } from "./TableWrap";

const badgeClass: Record<CommitmentStatus, string> = {
  on_track: "mb-badge mb-badge--good",
  behind: "mb-badge mb-badge--warn",
  no_contact: "mb-badge mb-badge--bad",
  paused: "mb-badge",
  not_started: "mb-badge",
  ended: "mb-badge",
};

export function CommitmentBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return <span className={badgeClass[status]}>{t(`courses.commitment.${status}`)}</span>;
}

/** "Log 1.5 hours more before 11 Dec …" or "This month's target is reached" (mentor's start and course pages). */
export function DueThisMonth({ due, monthEnds }: { due: number; monthEnds: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {due > 0
        ? t("courses.page.dueHours", {
            count: due,
            hours: formatHours(due, i18n.language),
            date: formatDate(monthEnds, i18n.language),
          })
        : t("courses.page.dueDone")}
    </>
  );
}

export function MonthTable({ months }: { months: CourseMonth[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="mb-table-wrap" {...scrollRegion(t("courses.page.months"))}>
      <table className="table table--zebra">
        <thead>
          <tr>
            <th scope="col">{t("courses.page.monthCol")}</th>
            <th scope="col">{t("courses.page.periodCol")}</th>
            <th scope="col">{t("courses.page.hoursCol")}</th>
            <th scope="col">{t("courses.page.targetCol")}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.index} aria-current={m.state === "current" ? "true" : undefined}>
              <th scope="row">
                {m.index} {m.state === "current" ? t("courses.page.current") : null}
              </th>
              <td>
                {formatDate(m.from, lng)} – {formatDate(m.to, lng)}
              </td>
              <td>{m.state === "future" ? "–" : formatHours(m.loggedHours, lng)}</td>
              <td>{formatNumber(m.targetHours, lng)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** DB07 divisions as select options ("41 Opførelse af bygninger"). */
export const industryOptions = divisionOptions;
export { industryLabel };

/** Hours with at most one decimal, none when whole ("2", "1,5"). */
export function formatHours(n: number, lng: string): string {
  return formatNumber(n, lng, Number.isInteger(n) ? 0 : 1);
}

export type MeetingRow = {
  id: number;
  date: string;
  minutes: number;
  form: string;
  topics: string[];
  nextStep: string | null;
};

/** The meeting log as a table; `actions` adds a last column (the mentor's edit and delete). */
export function MeetingTable<M extends MeetingRow>({
  meetings,
  actions,
}: {
  meetings: M[];
  actions?: (m: M) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="mb-table-wrap" {...scrollRegion(t("courses.meeting.list"))}>
      <table className="table table--zebra">
        <thead>
          <tr>
            <th scope="col">{t("courses.meeting.date")}</th>
            <th scope="col">{t("courses.meeting.minutes")}</th>
            <th scope="col">{t("courses.meeting.form")}</th>
            <th scope="col">{t("courses.meeting.topics")}</th>
            <th scope="col">{t("courses.meeting.nextStep")}</th>
            {actions ? <th scope="col">{t("courses.meeting.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <td>{formatDate(m.date, lng)}</td>
              <td>{t("courses.hours", { hours: formatHours(m.minutes / 60, lng) })}</td>
              <td>{t(`enum.meetingForm.${m.form}`)}</td>
              <td>{m.topics.map((x) => t(`enum.meetingTopic.${x}`)).join(", ")}</td>
              <td>{m.nextStep}</td>
              {actions ? <td>{actions(m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
