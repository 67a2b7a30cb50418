import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { db } from "../db.server";
import { mentors } from "../../db/schema";
import { menteesOfMentorUser } from "../services/matching.server";
import { MentorMentees } from "../components/MentorMentees";

export const meta: MetaFunction = () => [{ title: "Min side · Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const mentor = db().select({ status: mentors.status, firstName: mentors.firstName }).from(mentors).where(eq(mentors.userId, user.id)).get();
  return { mentor, mentees: menteesOfMentorUser(user.id) };
}

export default function MentorStart() {
  const { t } = useTranslation();
  const { mentor, mentees } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("staff.start.mentor.title")}</h1>
      <p>{t("staff.start.mentor.intro")}</p>
      {mentor ? <p>{t("staff.mentees.status")}: <strong>{t(`enum.mentorStatus.${mentor.status}`)}</strong></p> : null}
      <MentorMentees mentees={mentees} />
    </>
  );
}
