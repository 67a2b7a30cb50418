/**
 * What a person sees when a page fails: what happened (not found, no access, too many tries, our error) in their
 * language, and the way back to where they started. Every area's layout route (and the root, for the public pages)
 * renders this, so the header and menu stay and the message stays the same everywhere. A server error shows nothing of
 * the error itself.
 */
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";

export type ErrorArea = "public" | "mentor" | "coordinator" | "caseworker" | "admin";

const areaHome: Record<ErrorArea, string> = {
  public: "/",
  mentor: "/mentor",
  coordinator: "/koordinator",
  caseworker: "/kommune",
  admin: "/admin",
};

/** The message for a status: the few a person can act on have their own, everything else is our error. */
export function errorKind(status: number): "notFound" | "forbidden" | "tooMany" | "server" {
  return status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 429 ? "tooMany" : "server";
}

export function GeneralErrorBoundary({ area }: { area: ErrorArea }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(status);
  return (
    <div className="mb-error" data-status={status} data-area={area}>
      <h1>{t(`common.errors.${kind}Title`)}</h1>
      <p>{t(`common.errors.${kind}Body`)}</p>
      <p className="mb-error__code">{t("common.errors.code", { status })}</p>
      {/* Refused: the area is not theirs, so the way back is their own start page. */}
      <p>
        {kind === "forbidden" ? (
          <Link to="/start">{t("common.errors.back.start")}</Link>
        ) : (
          <Link to={areaHome[area]}>{t(`common.errors.back.${area}`)}</Link>
        )}
      </p>
    </div>
  );
}
