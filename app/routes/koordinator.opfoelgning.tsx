import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { followUpsDue } from "../services/courses.server";
import { CommitmentBadge } from "../components/CourseParts";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageParamSchema } from "../domain/paging";

export const meta = pageMeta("followUps");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "coordinator", "admin");
  const side = pageParamSchema.parse(new URL(request.url).searchParams.get("side") ?? undefined);
  return { due: followUpsDue(scope, side) };
}

export default function FollowUpsDue() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { due } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("courses.followUp.dueTitle")}</h1>
      <p>{t("courses.followUp.dueIntro")}</p>
      <PageSummary window={due} noun={t("courses.list.noun", { count: due.total })} />
      {due.rows.length ? (
        <div className="mb-table-wrap" {...scrollRegion(t("courses.followUp.dueTitle"))}>
          <table className="table table--zebra">
            <thead><tr>
              <th scope="col">{t("courses.list.course")}</th><th scope="col">{t("courses.list.mentee")}</th><th scope="col">{t("courses.list.mentor")}</th>
              <th scope="col">{t("courses.followUp.kind")}</th><th scope="col">{t("courses.followUp.state")}</th>
              <th scope="col">{t("courses.followUp.dueOn")}</th><th scope="col">{t("courses.followUp.overdueOn")}</th><th scope="col">{t("courses.list.commitment")}</th>
            </tr></thead>
            <tbody>
              {due.rows.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/koordinator/forloeb/${c.id}#follow-up`} aria-label={t("courses.followUp.open", { id: c.id })}>#{c.id}</Link></td>
                  <td>{c.menteeName}</td>
                  <td>{c.mentorName}</td>
                  <td>{c.followUp.kind === "start" ? t("courses.followUp.kindStart") : t("courses.followUp.kindRegular")}</td>
                  <td>{c.followUp.state === "overdue"
                    ? <span className="mb-badge mb-badge--bad">{t("courses.followUp.overdue")}</span>
                    : <span className="mb-badge mb-badge--warn">{t("courses.followUp.due")}</span>}</td>
                  <td>{formatDate(c.followUp.dueOn, lng)}</td>
                  <td>{formatDate(c.followUp.overdueOn, lng)}</td>
                  <td>{c.commitmentStatus ? <CommitmentBadge status={c.commitmentStatus} /> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>{t("courses.followUp.dueNone")}</p>}
      <Pager window={due} />
    </>
  );
}
