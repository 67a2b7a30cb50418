import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { can, requireScopedPermission } from "../auth/permissions.server";
import { changeCompany, getCompany, type CompanyChange } from "../services/companies.server";
import { companyPageSchemas, type CompanyPageIntent } from "../schemas/companies";
import { Alert, TextArea, TextField } from "../components/forms";
import { IntentForm } from "../components/IntentForm";
import { industryLabel } from "../components/CourseParts";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";
import { handleIntent } from "../utils/intent-action.server";
import { today } from "../utils/clock";

export const meta = pageMeta("companies.titles.company");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:company:any");
  const c = getCompany(scope, idParam(params.id), user);
  if (!c) throw notFound();
  return { c, canManageMentors: can(user, "link:mentor:any"), today: today() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:company:any");
  const id = idParam(params.id);
  return handleIntent(
    request,
    companyPageSchemas,
    (_intent, value) => changeCompany(id, value as CompanyChange, user),
    (intent) => `/virksomheder/${id}?done=${intent}`,
  );
}

export default function CompanyPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { c, canManageMentors, today: todayDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const last = (intent: CompanyPageIntent) =>
    actionData?.intent === intent ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to="/virksomheder">{t("companies.back.list")}</Link>
      </p>
      <h1>{c.name}</h1>
      {params.get("oprettet") ? <Alert kind="success">{t("companies.done.created")}</Alert> : null}
      {params.get("gemt") ? <Alert kind="success">{t("companies.done.saved")}</Alert> : null}
      {done ? <Alert kind="success">{t(`companies.done.${done}`)}</Alert> : null}
      {actionData?.intent === "remove_contact" ||
      actionData?.intent === "unlink_mentor" ||
      actionData?.intent === "verify" ||
      actionData?.intent === null ? (
        <Alert kind="error">{t("companies.errors.notDone")}</Alert>
      ) : null}
      {!c.verifiedAt ? (
        <Alert kind="warning" heading={t("companies.unverifiedTitle")}>
          <p>{c.suggestedBy ? t("companies.suggestedBy", { name: c.suggestedBy }) : t("companies.unverifiedBody")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button button-secondary">
              {t("companies.verify")}
            </button>
          </Form>
        </Alert>
      ) : null}
      <dl className="mb-dl">
        <dt>{t("companies.field.cvr")}</dt>
        <dd data-testid="company-cvr">{c.cvr}</dd>
        <dt>{t("companies.field.industry")}</dt>
        <dd>{industryLabel(c.industryCode, lng)}</dd>
        <dt>{t("companies.field.municipality")}</dt>
        <dd>{c.municipalityName}</dd>
        <dt>{t("companies.field.address")}</dt>
        <dd>{[c.street, [c.postcode, c.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "–"}</dd>
        <dt>{t("companies.field.size")}</dt>
        <dd>{c.size ? t(`enum.companySize.${c.size}`) : "–"}</dd>
        <dt>{t("companies.field.programmes")}</dt>
        <dd>{c.programmes.map((p) => t(`enum.companyProgramme.${p}`)).join(", ") || "–"}</dd>
      </dl>
      <p>
        <Link to={`/virksomheder/${c.id}/rediger`} className="button button-secondary">
          {t("companies.edit")}
        </Link>{" "}
        <Link to={`/opslag/ny?virksomhed=${c.id}`} className="button button-primary">
          {t("companies.newOpening")}
        </Link>
      </p>

      <section aria-labelledby="openings-title">
        <h2 id="openings-title">{t("companies.openings.title", { count: c.openingsTotal })}</h2>
        {c.openings.length === 0 ? (
          <p>{t("companies.openings.none")}</p>
        ) : (
          <ul className="mb-stack nobullet-list">
            {c.openings.map((o) => (
              <li key={o.id}>
                <Link to={`/opslag/${o.id}`}>
                  {t(`enum.openingType.${o.type}`)}: {o.occupation}
                </Link>
                {" · "}
                {o.municipalityName} · {t("companies.openings.places", { count: o.places })} ·{" "}
                <span className="mb-badge">{t(`enum.openingStatus.${o.status}`)}</span>
                {o.startDate ? <> · {t("companies.openings.start", { date: formatDate(o.startDate, lng) })}</> : null}
              </li>
            ))}
          </ul>
        )}
        {c.openingsTotal > c.openings.length ? (
          <p>
            <Link to={`/opslag?q=${encodeURIComponent(c.name)}&status=all`}>{t("companies.openings.all")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="placements-title">
        <h2 id="placements-title">{t("companies.placements.title", { count: c.placementsTotal })}</h2>
        {c.placements.length === 0 ? (
          <p>{t("companies.placements.none")}</p>
        ) : (
          <ul className="mb-stack nobullet-list">
            {c.placements.map((p) => (
              <li key={p.id}>
                <Link to={`/placeringer/${p.id}`}>
                  {p.firstName} {p.lastName}
                </Link>{" "}
                · {t(`enum.openingType.${p.type}`)} · {t(`enum.placementStatus.${p.status}`)}
                {" · "}
                {formatDate(p.startDate, lng)}
                {p.endedOn ? ` – ${formatDate(p.endedOn, lng)}` : ""}
                {p.outcomeType ? ` · ${t(`enum.outcomeType.${p.outcomeType}`)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t("companies.contacts.title")}</h2>
        {c.contacts.length === 0 ? (
          <p>{t("companies.contacts.none")}</p>
        ) : (
          <ul className="mb-stack nobullet-list">
            {c.contacts.map((x) => (
              <li key={x.id} className="mb-card">
                <strong>{x.name}</strong>
                {x.role ? `, ${x.role}` : ""}
                <br />
                {[x.phone, x.email].filter(Boolean).join(" · ")}
                <Form method="post" className="mb-inline-form">
                  <input type="hidden" name="intent" value="remove_contact" />
                  <input type="hidden" name="contactId" value={x.id} />
                  <button
                    type="submit"
                    className="button button-tertiary"
                    aria-label={t("companies.contacts.removeLabel", { name: x.name })}
                  >
                    {t("companies.contacts.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <IntentForm
          id="form-contact"
          intent="contact"
          schema={companyPageSchemas.contact}
          title={t("companies.contacts.add")}
          lastResult={last("contact")}
          render={(f) => (
            <>
              <TextField field={f.name} label={t("companies.contacts.name")} autoComplete="off" />
              <TextField field={f.role} label={t("companies.contacts.role")} optional />
              <TextField field={f.phone} label={t("companies.contacts.phone")} type="tel" inputMode="tel" optional />
              <TextField field={f.email} label={t("companies.contacts.email")} type="email" optional />
            </>
          )}
        />
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t("companies.notes.title")}</h2>
        {c.notes.length === 0 ? (
          <p>{t("companies.notes.none")}</p>
        ) : (
          <ul className="mb-stack nobullet-list">
            {c.notes.map((n) => (
              <li key={n.id} className="mb-card">
                <strong>{formatDate(n.date, lng)}</strong>
                {n.byName ? ` · ${n.byName}` : ""}
                <p className="mb-pre-line">{n.note}</p>
              </li>
            ))}
          </ul>
        )}
        {c.notesTotal > c.notes.length ? (
          <p>{t("companies.notes.older", { count: c.notesTotal - c.notes.length })}</p>
        ) : null}
        <IntentForm
          id="form-note"
          intent="note"
          schema={companyPageSchemas.note}
          title={t("companies.notes.add")}
          lastResult={last("note")}
          defaults={{ date: todayDate }}
          intro={<p className="form-hint">{t("companies.notes.hint")}</p>}
          render={(f) => (
            <>
              <TextField field={f.date} label={t("companies.notes.date")} type="date" />
              <TextArea field={f.note} label={t("companies.notes.note")} rows={3} />
            </>
          )}
        />
      </section>

      {canManageMentors && c.mentors ? (
        <section aria-labelledby="mentors-title">
          <h2 id="mentors-title">{t("companies.mentors.title")}</h2>
          {c.mentors.length === 0 ? (
            <p>{t("companies.mentors.none")}</p>
          ) : (
            <ul className="mb-stack nobullet-list">
              {c.mentors.map((m) => (
                <li key={m.id}>
                  <Link to={`/koordinator/mentorer/${m.id}`}>
                    {m.firstName} {m.lastName}
                  </Link>
                  , {m.jobTitle} · {t(`enum.mentorStatus.${m.status}`)}
                  <Form method="post" className="mb-inline-form">
                    <input type="hidden" name="intent" value="unlink_mentor" />
                    <input type="hidden" name="mentorId" value={m.id} />
                    <button
                      type="submit"
                      className="button button-tertiary"
                      aria-label={t("companies.mentors.unlinkLabel", { name: `${m.firstName} ${m.lastName}` })}
                    >
                      {t("companies.mentors.unlink")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <IntentForm
            id="form-link-mentor"
            intent="link_mentor"
            schema={companyPageSchemas.link_mentor}
            title={t("companies.mentors.link")}
            lastResult={last("link_mentor")}
            secondary
            render={(f) => (
              <TextField
                field={f.mentorEmail}
                label={t("companies.mentors.email")}
                hint={t("companies.mentors.emailHint")}
                type="email"
              />
            )}
          />
        </section>
      ) : null}
    </>
  );
}
