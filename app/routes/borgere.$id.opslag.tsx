import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { citizenPath, notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { citizenInScope, openingsForCitizen } from "../services/opening-candidates.server";
import { proposeCitizen } from "../services/opening-proposals.server";
import { proposeSchema } from "../schemas/companies";
import { Alert } from "../components/forms";
import { OpeningReasons } from "../components/company/OpeningReasons";
import { formatDate, formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("companies.titles.fittingOpenings");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:placement:own-municipality");
  const r = openingsForCitizen(scope, idParam(params.id), user); // a logged read
  if (!r) throw notFound();
  return {
    ...r,
    backTo: citizenPath(user, r.citizen.id),
  };
}

type ActionData = { openingId: number | null; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:placement:own-municipality");
  const menteeId = idParam(params.id);
  // Scope first: another municipality's citizen does not exist, whatever was posted.
  if (!citizenInScope(scope, menteeId)) throw notFound();
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: proposeSchema });
  const raw = Number(form.get("openingId"));
  const openingId = Number.isInteger(raw) && raw > 0 ? raw : null;
  if (submission.status !== "success" || submission.value.menteeId !== menteeId)
    return data<ActionData>({ openingId, error: "companies.errors.notDone" }, { status: 400 });
  const r = proposeCitizen(scope, submission.value.openingId, menteeId, user);
  if (r?.ok) return redirect(`/opslag/${submission.value.openingId}?done=propose#proposals`);
  if (!r) return data<ActionData>({ openingId, error: "companies.errors.not_found" }, { status: 404 });
  const error = r.formErrors[0];
  // The rules are named on the opening's page; here, a short word.
  return data<ActionData>(
    { openingId, error: error.startsWith("companies.errors.rule|") ? "companies.errors.ruleShort" : error },
    { status: 409 },
  );
}

export default function FittingOpenings() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { citizen, openings, total, backTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const name = `${citizen.firstName} ${citizen.lastName}`;
  return (
    <>
      <p>
        <Link to={backTo}>{t("competence.back", { name })}</Link>
      </p>
      <h1>{t("companies.fitting.heading", { name })}</h1>
      <p>{t("companies.fitting.intro")}</p>
      {!citizen.assessed ? (
        <Alert kind="info">
          {t("companies.fitting.notAssessed")}{" "}
          <Link to={`/borgere/${citizen.id}/kompetencer`}>{t("companies.history.competence")}</Link>
        </Alert>
      ) : null}
      {citizen.placed ? <Alert kind="info">{t("companies.fitting.placed")}</Alert> : null}
      {actionData && actionData.openingId === null ? <Alert kind="error">{t(actionData.error)}</Alert> : null}
      <h2>{t("companies.fitting.count", { count: total })}</h2>
      {openings.length === 0 ? (
        <p>{t("companies.fitting.none")}</p>
      ) : (
        <ol className="mb-candidates nobullet-list" data-testid="fitting-openings">
          {openings.map((o, i) => (
            <li key={o.openingId} className="mb-candidate" aria-labelledby={`op-${o.openingId}`}>
              <h3 id={`op-${o.openingId}`}>
                {i + 1}.{" "}
                <Link to={`/opslag/${o.openingId}`}>
                  {t(`enum.openingType.${o.type}`)}: {o.occupation}
                </Link>
              </h3>
              <p>
                <strong>{t("companies.candidates.score", { score: formatNumber(o.score, lng, 1) })}</strong> ·{" "}
                {o.companyName} · {o.municipalityName}
                {o.startDate ? (
                  <> · {t("companies.openings.start", { date: formatDate(o.startDate, lng) })}</>
                ) : null} · {t("companies.opening.takenOf", { taken: o.taken, places: o.places })}
              </p>
              <OpeningReasons reasons={o.reasons} />
              {actionData?.openingId === o.openingId ? <Alert kind="error">{t(actionData.error)}</Alert> : null}
              <Form method="post">
                <input type="hidden" name="intent" value="propose" />
                <input type="hidden" name="menteeId" value={citizen.id} />
                <input type="hidden" name="openingId" value={o.openingId} />
                <button type="submit" className="button button-primary">
                  {t("companies.fitting.propose", { occupation: o.occupation, company: o.companyName })}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
