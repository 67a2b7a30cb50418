import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { courseFilterCounts, listCourses } from "../services/course-reads.server";
import { courseFilterSchema, courseFilterStatuses } from "../schemas/courses";
import { CommitmentBadge, formatHours } from "../components/CourseParts";
import { formatDate, formatNumber } from "../i18n/format";
import { FilterBar, FilterSelect } from "../components/Filters";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { courseStage } from "../domain/course-status";
import { today } from "../utils/clock";

export const meta = pageMeta("courses");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScopedPermission(request, "manage:course:any");
  const url = new URL(request.url);
  const { filter, side } = courseFilterSchema.parse({
    filter: url.searchParams.get("filter") ?? undefined,
    side: url.searchParams.get("side") ?? undefined,
  });
  return { filter, counts: courseFilterCounts(scope), courses: listCourses(scope, filter, side), today: today() };
}

export default function CourseList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { filter, counts, courses, today: day } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("courses.list.title")}</h1>
      <p>{t("courses.list.intro")}</p>
      <FilterBar submit={t("courses.list.apply")}>
        <FilterSelect
          name="filter"
          label={t("courses.list.filter")}
          value={filter}
          options={courseFilterStatuses.map((f) => ({
            value: f,
            label: `${t(`courses.list.filters.${f}`)} (${formatNumber(counts[f], lng)})`,
          }))}
        />
      </FilterBar>
      <PageSummary window={courses} noun={t("courses.list.noun", { count: courses.total })} />
      {courses.rows.length ? (
        <div className="mb-table-wrap" {...scrollRegion(t("courses.list.title"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("courses.list.course")}</th>
                <th scope="col">{t("courses.list.mentee")}</th>
                <th scope="col">{t("courses.list.mentor")}</th>
                <th scope="col">{t("courses.list.municipality")}</th>
                <th scope="col">{t("courses.list.status")}</th>
                <th scope="col">{t("courses.list.commitment")}</th>
                <th scope="col">{t("courses.list.hours")}</th>
                <th scope="col">{t("courses.list.start")}</th>
                <th scope="col">{t("courses.list.plannedEnd")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/koordinator/forloeb/${c.id}`}>#{c.id}</Link>
                  </td>
                  <td>{c.menteeName}</td>
                  <td>{c.mentorName}</td>
                  <td>{c.municipalityName}</td>
                  <td>{t(`enum.courseStage.${courseStage(c, day)}`)}</td>
                  <td>
                    {c.commitmentStatus && c.commitmentStatus !== "not_started" ? (
                      <CommitmentBadge status={c.commitmentStatus} />
                    ) : (
                      "–"
                    )}
                    {c.status === "active" && c.daysWithoutContact != null && c.daysWithoutContact >= 21 ? (
                      <> {t("courses.noContactDays", { count: c.daysWithoutContact })}</>
                    ) : null}
                    {c.followUpOutcomeDue ? (
                      <>
                        {" "}
                        <span className="mb-badge mb-badge--warn">{t("courses.outcome.followUpDue")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {c.totalTarget
                      ? t("courses.hoursOf", {
                          logged: formatHours(c.totalLogged, lng),
                          target: formatNumber(c.totalTarget, lng),
                        })
                      : "–"}
                  </td>
                  <td>{formatDate(c.startDate, lng)}</td>
                  <td>{formatDate(c.endedOn ?? c.plannedEndDate, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("courses.list.none")}</p>
      )}
      <Pager window={courses} />
    </>
  );
}
