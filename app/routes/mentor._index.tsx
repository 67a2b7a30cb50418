import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { mentorHome } from "../services/mentor-home.server";
import { openRequestsForMentor } from "../services/match-request-reads.server";
import { requiredScreeningSteps, onLeave } from "../domain/mentor-status";
import { formatDate, formatNumber, languageName } from "../i18n/format";
import { CommitmentBadge, DueThisMonth, formatHours } from "../components/CourseParts";
import { today } from "../utils/clock";
import { courseStage } from "../domain/course-status";
import { Alert } from "../components/forms";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("myPage");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:own");
  return { home: mentorHome(user.id), requests: openRequestsForMentor(user.id), today: today() };
}

export default function MentorStart() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { home, requests, today: day } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!home)
    return (
      <>
        <h1>{t("volunteer.home.title")}</h1>
        <Alert kind="warning">{t("volunteer.home.noProfile")}</Alert>
      </>
    );
  const { mentor: m, courses, steps } = home;
  const label = (code: string) => home.industries.find((i) => i.code === code);
  const industryText = (code: string) => {
    const i = label(code);
    return i ? `${i.code} ${lng === "en" ? i.labelEn : i.labelDa}` : code;
  };
  const inApplication = m.status === "applied" || m.status === "screening";
  return (
    <>
      <h1>{t("volunteer.home.welcome", { name: m.firstName })}</h1>
      {params.get("saved") === "profile" ? <Alert kind="success">{t("volunteer.profile.saved")}</Alert> : null}
      {params.get("saved") === "availability" ? (
        <Alert kind="success">{t("volunteer.availability.saved")}</Alert>
      ) : null}
      {!m.introductionReadAt && m.status !== "rejected" && m.status !== "retired" ? (
        <Alert kind="warning">
          {t("between.guidance.mustRead")} <Link to="/mentor/introduktion">{t("between.guidance.goToIntro")}</Link>
        </Alert>
      ) : null}

      {requests.length ? (
        <section aria-labelledby="h-requests">
          <h2 id="h-requests">{t("volunteer.request.listTitle")}</h2>
          <ul className="nobullet-list">
            {requests.map((r) => (
              <li key={r.id} className="mb-card mb-stack">
                <p>
                  {t("volunteer.request.listItem", {
                    name: r.menteeFirstName,
                    municipality: r.municipality,
                    date: formatDate(r.deadline.slice(0, 10), lng),
                  })}
                </p>
                <p>
                  <Link className="button button-primary" to={`/mentor/forespoergsel/${r.id}`}>
                    {t("volunteer.request.answer", { name: r.menteeFirstName })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="h-status">
        <h2 id="h-status">{t("volunteer.home.statusTitle")}</h2>
        <p>
          {t("volunteer.home.status")}: <strong>{t(`enum.mentorStatus.${m.status}`)}</strong>
        </p>
        <p>{t(`volunteer.home.statusText.${m.status}`)}</p>
        {inApplication ? (
          <>
            <h3>{t("volunteer.home.stepsTitle")}</h3>
            <ul className="mb-steps">
              {requiredScreeningSteps.map((s) => (
                <li key={s}>
                  {steps.includes(s) ? "✓" : "○"} {t(`enum.screeningStep.${s}`)}{" "}
                  <span className="weight-normal">
                    ({steps.includes(s) ? t("volunteer.home.stepDone") : t("volunteer.home.stepPending")})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="h-mentee">
        <h2 id="h-mentee">{t("volunteer.home.menteeTitle")}</h2>
        {courses.length ? (
          <ul className="nobullet-list">
            {courses.map((c) => (
              <li key={c.id} className="mb-card mb-stack">
                <p>
                  {t("volunteer.home.courseInfo", {
                    name: c.menteeFirstName,
                    municipality: c.municipality,
                    start: formatDate(c.startDate, lng),
                  })}
                  {" · "}
                  {t(`enum.courseStage.${courseStage(c, day)}`)}
                  {courseStage(c, day) === "running" && c.hours ? (
                    <>
                      {" "}
                      · <CommitmentBadge status={c.hours.status} />
                    </>
                  ) : null}
                </p>
                {c.status === "active" && c.hours ? (
                  <p>
                    {c.hours.month ? (
                      <>
                        {t("courses.page.thisMonth", { index: c.hours.month.index })}:{" "}
                        {t("courses.hoursOf", {
                          logged: formatHours(c.hours.month.logged, lng),
                          target: formatNumber(c.hours.month.target, lng),
                        })}
                        <br />
                      </>
                    ) : null}
                    {t("courses.page.totalHours")}:{" "}
                    {t("courses.hoursOf", {
                      logged: formatHours(c.hours.totalLogged, lng),
                      target: formatNumber(c.hours.totalTarget, lng),
                    })}
                    {c.hours.month ? (
                      <>
                        <br />
                        <DueThisMonth due={c.hours.dueThisMonth} monthEnds={c.hours.month.to} />
                      </>
                    ) : null}
                  </p>
                ) : null}
                {c.status === "active" ? (
                  <p>
                    <Link
                      className="button button-primary"
                      to={`/mentor/forloeb/${c.id}#log-title`}
                      aria-label={t("volunteer.home.logMeetingWith", { name: c.menteeFirstName })}
                    >
                      {t("volunteer.home.logMeeting")}
                    </Link>
                  </p>
                ) : null}
                <p>
                  <Link to={`/mentor/forloeb/${c.id}`}>
                    {t("volunteer.home.courseLink", { name: c.menteeFirstName })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("volunteer.home.noMentee")}</p>
        )}
      </section>

      <section aria-labelledby="h-availability">
        <h2 id="h-availability">{t("volunteer.home.availabilityTitle")}</h2>
        <p>
          {onLeave(m, day)
            ? m.pausedTo
              ? t("volunteer.home.onLeave", { from: formatDate(m.pausedFrom, lng), to: formatDate(m.pausedTo, lng) })
              : t("volunteer.home.onLeaveOpen", { from: formatDate(m.pausedFrom, lng) })
            : m.pausedFrom && m.pausedFrom > day
              ? t("volunteer.home.onLeave", {
                  from: formatDate(m.pausedFrom, lng),
                  to: formatDate(m.pausedTo, lng) || "…",
                })
              : courses.length >= m.capacity
                ? t("volunteer.home.full", { count: m.capacity })
                : t("volunteer.home.available")}
        </p>
        <p>
          <Link to="/mentor/tilgaengelighed">{t("volunteer.home.editAvailability")}</Link>
        </p>
      </section>

      <section aria-labelledby="h-profile">
        <h2 id="h-profile">{t("volunteer.home.profileTitle")}</h2>
        <dl className="mb-dl">
          <dt>{t("volunteer.detail.jobTitle")}</dt>
          <dd>
            {m.jobTitle}
            {m.employer ? `, ${m.employer}` : ""}
          </dd>
          <dt>{t("volunteer.detail.industry")}</dt>
          <dd>{industryText(m.industryCode)}</dd>
          {m.networkIndustryCodes.length ? (
            <>
              <dt>{t("volunteer.detail.network")}</dt>
              <dd>{m.networkIndustryCodes.map(industryText).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.municipality")}</dt>
          <dd>
            {home.municipality} ({m.postcode}) · {t("volunteer.detail.travel")}{" "}
            {t("volunteer.detail.km", { km: m.travelKm })}
          </dd>
          {m.languages.length ? (
            <>
              <dt>{t("volunteer.detail.languages")}</dt>
              <dd>{m.languages.map((l) => languageName(l, lng)).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("volunteer.detail.offers")}</dt>
          <dd>{m.offers.map((g) => t(`enum.goal.${g}`)).join(", ")}</dd>
          <dt>{t("volunteer.detail.capacity")}</dt>
          <dd>{m.capacity}</dd>
        </dl>
        <p>
          <Link to="/mentor/profil">{t("volunteer.home.editProfile")}</Link>
        </p>
      </section>
    </>
  );
}
