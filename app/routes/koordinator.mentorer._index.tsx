import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { queueFilterSchema } from "../schemas/volunteer";
import { listApplications } from "../services/mentor-screening.server";
import { MUNICIPALITIES_BY_NAME } from "../../db/reference/municipalities";
import { requiredScreeningSteps } from "../domain/mentor-status";
import { mentorStatuses } from "../domain/enums";
import { industrySections } from "../domain/industries";
import { daysBetween, localDateOf } from "../domain/dates";
import { formatDate } from "../i18n/format";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("applications");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "screen:mentor:any");
  const url = new URL(request.url);
  const filter = queueFilterSchema.parse(Object.fromEntries(url.searchParams));
  return {
    filter,
    list: listApplications(filter, pageOf(url.searchParams)),
    today: today(),
  };
}

export default function MentorQueue() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { filter, list, today: day } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("volunteer.queue.title")}</h1>
      <p>{t("volunteer.queue.intro")}</p>
      <Form method="get" className="mb-filters">
        <div className="form-group mb-inline-form">
          <label className="form-label" htmlFor="f-status">
            {t("volunteer.queue.status")}
          </label>
          <select id="f-status" name="status" className="form-select" defaultValue={filter.status}>
            <option value="to_screen">{t("volunteer.queue.toScreen")}</option>
            {mentorStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`enum.mentorStatus.${s}`)}
              </option>
            ))}
            <option value="all">{t("volunteer.queue.all")}</option>
          </select>
        </div>
        <div className="form-group mb-inline-form">
          <label className="form-label" htmlFor="f-municipality">
            {t("volunteer.queue.municipality")}
          </label>
          <select
            id="f-municipality"
            name="municipality"
            className="form-select"
            defaultValue={filter.municipality ?? ""}
          >
            <option value="">{t("volunteer.queue.anyMunicipality")}</option>
            {MUNICIPALITIES_BY_NAME.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group mb-inline-form">
          <label className="form-label" htmlFor="f-section">
            {t("volunteer.queue.section")}
          </label>
          <select id="f-section" name="section" className="form-select" defaultValue={filter.section ?? ""}>
            <option value="">{t("volunteer.queue.anySection")}</option>
            {industrySections.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {lng === "en" ? s.labelEn : s.labelDa}
              </option>
            ))}
          </select>
        </div>
        <div className="mb-inline-form">
          <button type="submit" className="button button-secondary">
            {t("common.actions.filter")}
          </button>
        </div>
      </Form>
      <PageSummary window={list} />
      {list.rows.length ? (
        <div className="mb-table-wrap" {...scrollRegion(t("volunteer.queue.title"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("volunteer.queue.name")}</th>
                <th scope="col">{t("volunteer.queue.status")}</th>
                <th scope="col">{t("volunteer.queue.applied")}</th>
                <th scope="col">{t("volunteer.queue.waiting")}</th>
                <th scope="col">{t("volunteer.queue.municipality")}</th>
                <th scope="col">{t("volunteer.queue.industry")}</th>
                <th scope="col">{t("volunteer.queue.steps")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/koordinator/mentorer/${r.id}`}>
                      {r.firstName} {r.lastName}
                    </Link>
                    <br />
                    <span className="form-hint">{r.jobTitle}</span>
                  </td>
                  <td>{t(`enum.mentorStatus.${r.status}`)}</td>
                  <td>{formatDate(r.createdAt, lng)}</td>
                  <td>{t("volunteer.queue.days", { count: daysBetween(localDateOf(r.createdAt), day) })}</td>
                  <td>{r.municipality}</td>
                  <td>
                    {r.industryCode} {lng === "en" ? r.industryEn : r.industryDa}
                  </td>
                  <td>
                    {t("volunteer.queue.stepsOf", {
                      done: Math.min(r.steps, requiredScreeningSteps.length),
                      total: requiredScreeningSteps.length,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("volunteer.queue.none")}</p>
      )}
      <Pager window={list} />
    </>
  );
}
