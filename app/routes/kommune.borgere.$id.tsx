import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireStaff } from "../auth/guards.server";
import { getMentee } from "../services/mentees.server";
import { formatDate } from "../i18n/format";
import { courseSummariesForMentee } from "../services/courses.server";
import { CourseSummary } from "../components/CourseSummary";

export const meta: MetaFunction = () => [{ title: "Borger · Mentorbro" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "caseworker");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const row = getMentee(scope, id, user);
  if (!row) throw notFound();
  const m = row.mentee;
  return {
    mentee: {
      id: m.id, firstName: m.firstName, lastName: m.lastName, birthYear: m.birthYear, status: m.status,
      referredAt: m.referredAt, language: m.language, preferredChannel: m.preferredChannel, danishLevel: m.danishLevel,
      goals: m.goals, needsConsideration: m.needsConsideration,
    },
    municipalityName: row.municipalityName,
    courses: courseSummariesForMentee(scope, id),
  };
}

export default function MenteeDetail() {
  const { t, i18n } = useTranslation();
  const { mentee: m, municipalityName, courses } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/kommune">{t("common.actions.back")}</Link></p>
      <h1>{m.firstName} {m.lastName}</h1>
      <dl className="mb-dl">
        <dt>{t("staff.mentees.status")}</dt><dd>{t(`enum.menteeStatus.${m.status}`)}</dd>
        <dt>{t("staff.mentees.municipality")}</dt><dd>{municipalityName}</dd>
        <dt>{t("staff.mentees.birthYear")}</dt><dd>{m.birthYear}</dd>
        <dt>{t("staff.mentees.referredAt")}</dt><dd>{formatDate(m.referredAt, i18n.language)}</dd>
        <dt>{t("staff.mentees.language")}</dt><dd>{t(`enum.messageLanguage.${m.language}`)}</dd>
        <dt>{t("staff.mentees.channel")}</dt><dd>{t(`enum.channel.${m.preferredChannel}`)}</dd>
        <dt>{t("staff.mentees.danishLevel")}</dt><dd>{t(`enum.danishLevel.${m.danishLevel}`)}</dd>
        <dt>{t("staff.mentees.goals")}</dt><dd>{m.goals.map((g) => t(`enum.goal.${g}`)).join(", ")}</dd>
        {m.needsConsideration ? (<><dt>{t("staff.mentees.needsConsideration")}</dt><dd>{t("common.yes")}</dd></>) : null}
      </dl>
      <CourseSummary courses={courses} />
    </>
  );
}
