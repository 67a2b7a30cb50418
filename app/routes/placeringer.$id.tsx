import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { citizenPath, notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { getPlacement } from "../services/placements.server";
import { changePlacement, type PlacementChange } from "../services/placement-changes.server";
import { IGU_SCHOOL_WEEKS } from "../domain/placement-status";
import { placementPageSchemas, type PlacementPageIntent } from "../schemas/companies";
import { outcomeTypes, placementEndReasons, schoolKinds } from "../domain/enums";
import { Alert, ChoiceGroup, SelectField, TextArea, TextField } from "../components/forms";
import { IntentForm } from "../components/IntentForm";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";
import { handleIntent } from "../utils/intent-action.server";
import { today } from "../utils/clock";
import { WorkplaceContactFields } from "../components/company/WorkplaceContactFields";

export const meta = pageMeta("companies.titles.placement");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:placement:own-municipality");
  const p = getPlacement(scope, idParam(params.id), user); // a logged read of the citizen
  if (!p) throw notFound();
  return {
    p,
    citizenBase: citizenPath(user),
    today: today(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:placement:own-municipality");
  const id = idParam(params.id);
  return handleIntent(
    request,
    placementPageSchemas,
    (_intent, value) => changePlacement(scope, id, value as PlacementChange, user),
    (intent) => `/placeringer/${id}?done=${intent}`,
  );
}

export default function PlacementPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { p, citizenBase, today: todayDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const last = (intent: PlacementPageIntent) =>
    actionData?.intent === intent ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const can = (e: string) => (p.events as string[]).includes(e);
  const name = `${p.citizen.firstName} ${p.citizen.lastName}`;
  const outcomeOptions = outcomeTypes.map((v) => ({ value: v, label: t(`enum.outcomeType.${v}`) }));
  return (
    <>
      <p>
        <Link to={`/opslag/${p.openingId}`}>{t("companies.back.opening")}</Link> ·{" "}
        <Link to={`${citizenBase}/${p.citizen.id}`}>{name}</Link>
      </p>
      <h1>{t("companies.placement.heading", { type: t(`enum.openingType.${p.type}`), company: p.companyName })}</h1>
      {params.get("oprettet") ? <Alert kind="success">{t("companies.done.placementCreated")}</Alert> : null}
      {done ? <Alert kind="success">{t(`companies.done.placement_${done}`)}</Alert> : null}
      {actionData && actionData.intent === "cancel" ? (
        <Alert kind="error">{t("companies.placement.notAllowed")}</Alert>
      ) : null}

      <dl className="mb-dl">
        <dt>{t("companies.placement.citizen")}</dt>
        <dd>
          <Link to={`${citizenBase}/${p.citizen.id}`}>{name}</Link> ({p.citizen.municipalityName})
        </dd>
        <dt>{t("companies.opening.occupation")}</dt>
        <dd>{p.occupation}</dd>
        <dt>{t("companies.placement.status")}</dt>
        <dd data-testid="placement-status">
          {t(`enum.placementStatus.${p.status}`)}
          {p.endReason ? ` · ${t(`enum.placementEndReason.${p.endReason}`)}` : ""}
        </dd>
        <dt>{t("companies.placement.startDate")}</dt>
        <dd>{formatDate(p.startDate, lng)}</dd>
        <dt>{t("companies.placement.plannedEndDate")}</dt>
        <dd>{p.plannedEndDate ? formatDate(p.plannedEndDate, lng) : "–"}</dd>
        {p.endedOn ? (
          <>
            <dt>{t("companies.placement.endedOn")}</dt>
            <dd>{formatDate(p.endedOn, lng)}</dd>
          </>
        ) : null}
        <dt>{t("companies.placement.outcome")}</dt>
        <dd data-testid="placement-outcome">{p.outcomeType ? t(`enum.outcomeType.${p.outcomeType}`) : "–"}</dd>
        <dt>{t("companies.placement.workplaceMentor")}</dt>
        <dd>{[p.workplaceMentorName, p.workplaceMentorPhone].filter(Boolean).join(" · ") || "–"}</dd>
        {p.type === "igu" ? (
          <>
            <dt>{t("companies.placement.completionAdviser")}</dt>
            <dd>{[p.completionAdviserName, p.completionAdviserPhone].filter(Boolean).join(" · ") || "–"}</dd>
          </>
        ) : null}
      </dl>

      {p.events.length ? (
        <section aria-labelledby="placement-actions">
          <h2 id="placement-actions">{t("companies.placement.actions")}</h2>
          {can("start") ? (
            <IntentForm
              id="form-start"
              intent="start"
              schema={placementPageSchemas.start}
              title={t("companies.placement.start")}
              lastResult={last("start")}
              defaults={{ startDate: todayDate }}
              render={(f) => <TextField field={f.startDate} label={t("companies.placement.startDate")} type="date" />}
            />
          ) : null}
          {can("complete") ? (
            <IntentForm
              id="form-complete"
              intent="complete"
              schema={placementPageSchemas.complete}
              title={t("companies.placement.complete")}
              lastResult={last("complete")}
              intro={<p>{t("companies.placement.completeIntro")}</p>}
              defaults={{ endedOn: p.plannedEndDate && p.plannedEndDate < todayDate ? p.plannedEndDate : todayDate }}
              render={(f) => (
                <>
                  <TextField field={f.endedOn} label={t("companies.placement.endedOn")} type="date" />
                  <SelectField
                    field={f.outcomeType}
                    label={t("companies.placement.outcome")}
                    placeholder={t("competence.choose")}
                    options={outcomeOptions}
                  />
                </>
              )}
            />
          ) : null}
          {can("end_early") ? (
            <IntentForm
              id="form-end-early"
              intent="end_early"
              schema={placementPageSchemas.end_early}
              title={t("companies.placement.endEarly")}
              lastResult={last("end_early")}
              secondary
              defaults={{ endedOn: todayDate }}
              render={(f) => (
                <>
                  <TextField field={f.endedOn} label={t("companies.placement.endedOn")} type="date" />
                  <SelectField
                    field={f.reason}
                    label={t("companies.placement.endReason")}
                    placeholder={t("competence.choose")}
                    options={placementEndReasons.map((v) => ({ value: v, label: t(`enum.placementEndReason.${v}`) }))}
                  />
                  <SelectField
                    field={f.outcomeType}
                    label={t("companies.placement.outcome")}
                    placeholder={t("competence.choose")}
                    options={outcomeOptions}
                  />
                </>
              )}
            />
          ) : null}
          {can("cancel") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button-tertiary">
                {t("companies.placement.cancel")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {p.type === "igu" ? (
        <section aria-labelledby="school-title">
          <h2 id="school-title">{t("companies.placement.schoolTitle")}</h2>
          <p data-testid="school-weeks">
            {t("companies.placement.schoolWeeks", { weeks: p.schoolWeeks, target: IGU_SCHOOL_WEEKS })}
          </p>
          {p.school.length ? (
            <ul>
              {p.school.map((s) => (
                <li key={s.id}>
                  {t(`enum.schoolKind.${s.kind}`)}
                  {s.title ? `: ${s.title}` : ""} · {formatDate(s.fromDate, lng)} ·{" "}
                  {t("companies.opening.weeks", { count: s.weeks })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("companies.placement.schoolNone")}</p>
          )}
          <IntentForm
            id="form-school"
            intent="school"
            schema={placementPageSchemas.school}
            title={t("companies.placement.schoolAdd")}
            lastResult={last("school")}
            secondary
            defaults={{ fromDate: todayDate, kind: "amu" }}
            render={(f) => (
              <>
                <SelectField
                  field={f.kind}
                  label={t("companies.placement.schoolKind")}
                  options={schoolKinds.map((v) => ({ value: v, label: t(`enum.schoolKind.${v}`) }))}
                />
                <TextField field={f.title} label={t("companies.placement.schoolName")} optional />
                <TextField field={f.fromDate} label={t("companies.placement.schoolFrom")} type="date" />
                <TextField
                  field={f.weeks}
                  label={t("companies.placement.schoolWeeksField")}
                  inputMode="numeric"
                  className="input-width-xs"
                />
              </>
            )}
          />
        </section>
      ) : null}

      <section aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">{t("companies.placement.followUps")}</h2>
        {p.followUps.length ? (
          <ul className="nobullet-list mb-stack">
            {p.followUps.map((f) => (
              <li key={f.id} className="mb-card">
                <strong>{formatDate(f.date, lng)}</strong> ·{" "}
                <span className={`mb-badge ${f.onTrack ? "mb-badge--good" : "mb-badge--warn"}`}>
                  {f.onTrack ? t("companies.placement.onTrack") : t("companies.placement.notOnTrack")}
                </span>
                {f.byName ? ` · ${f.byName}` : ""}
                {f.note ? <p className="mb-pre-line">{f.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("companies.placement.followUpsNone")}</p>
        )}
        <IntentForm
          id="form-follow-up"
          intent="follow_up"
          schema={placementPageSchemas.follow_up}
          title={t("companies.placement.followUpAdd")}
          lastResult={last("follow_up")}
          defaults={{ date: todayDate, onTrack: "yes" }}
          render={(f) => (
            <>
              <TextField field={f.date} label={t("companies.placement.followUpDate")} type="date" />
              <ChoiceGroup
                field={f.onTrack}
                legend={t("companies.placement.onTrackQuestion")}
                options={[
                  { value: "yes", label: t("common.yes") },
                  { value: "no", label: t("common.no") },
                ]}
              />
              <TextArea
                field={f.note}
                label={t("companies.placement.followUpNote")}
                hint={t("companies.placement.followUpNoteHint")}
                optional
                rows={3}
              />
            </>
          )}
        />
      </section>

      <section aria-labelledby="form-details-title">
        <IntentForm
          id="form-details"
          intent="details"
          schema={placementPageSchemas.details}
          title={t("companies.placement.details")}
          lastResult={last("details")}
          headingLevel={2}
          secondary
          defaults={{
            plannedEndDate: p.plannedEndDate ?? "",
            workplaceMentorName: p.workplaceMentorName ?? "",
            workplaceMentorPhone: p.workplaceMentorPhone ?? "",
            completionAdviserName: p.completionAdviserName ?? "",
            completionAdviserPhone: p.completionAdviserPhone ?? "",
          }}
          submit={t("common.actions.save")}
          render={(f) => (
            <>
              <TextField
                field={f.plannedEndDate}
                label={t("companies.placement.plannedEndDate")}
                type="date"
                optional
              />
              <WorkplaceContactFields fields={f} igu={p.type === "igu"} />
            </>
          )}
        />
      </section>

      <section aria-labelledby="placement-history">
        <h2 id="placement-history">{t("companies.placement.history")}</h2>
        <ul>
          {p.history.map((h, i) => (
            <li key={i}>
              {formatDate(h.at, lng)}: {h.fromStatus ? `${t(`enum.placementStatus.${h.fromStatus}`)} → ` : ""}
              {t(`enum.placementStatus.${h.toStatus}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
