/**
 * The follow-up queue as a table (the follow-up page and, risk only, the coordinator's start page): courses at risk
 * first, then due calls, with both people's phone numbers as tel: links so a coordinator on a phone calls with one tap.
 */
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import type { FollowUpItem } from "../services/course-queues.server";
import { CommitmentBadge } from "./CourseParts";
import { formatDate } from "../i18n/format";
import { scrollRegion } from "./TableWrap";

function Phone({ number }: { number: string | null }) {
  return number ? (
    <a href={`tel:${number}`} dir="ltr">
      {number}
    </a>
  ) : (
    <>–</>
  );
}

export function FollowUpTable({ rows, caption }: { rows: FollowUpItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="mb-table-wrap" {...scrollRegion(caption)}>
      <table className="table table--zebra" data-testid="follow-up-queue">
        <thead>
          <tr>
            <th scope="col">{t("courses.list.course")}</th>
            <th scope="col">{t("courses.followUp.risk")}</th>
            <th scope="col">{t("courses.list.mentee")}</th>
            <th scope="col">{t("courses.list.mentor")}</th>
            <th scope="col">{t("courses.followUp.call")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link
                  to={`/koordinator/forloeb/${c.id}#follow-up`}
                  aria-label={t("courses.followUp.open", { id: c.id })}
                >
                  #{c.id}
                </Link>
              </td>
              <td>
                {c.commitmentStatus ? <CommitmentBadge status={c.commitmentStatus} /> : "–"}
                {c.commitmentStatus === "no_contact" && c.daysWithoutContact != null ? (
                  <> {t("courses.noContactDays", { count: c.daysWithoutContact })}</>
                ) : null}
              </td>
              <td>
                {c.menteeName}
                <br />
                <Phone number={c.menteePhone} />
              </td>
              <td>
                {c.mentorName}
                <br />
                <Phone number={c.mentorPhone} />
              </td>
              <td>
                {c.followUp ? (
                  <>
                    {c.followUp.kind === "start" ? t("courses.followUp.kindStart") : t("courses.followUp.kindRegular")}{" "}
                    {c.followUp.state === "overdue" ? (
                      <span className="mb-badge mb-badge--bad">{t("courses.followUp.overdue")}</span>
                    ) : (
                      <span className="mb-badge mb-badge--warn">{t("courses.followUp.due")}</span>
                    )}
                    <br />
                    {formatDate(c.followUp.dueOn, lng)} – {formatDate(c.followUp.overdueOn, lng)}
                  </>
                ) : (
                  t("courses.followUp.noCallDue")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
