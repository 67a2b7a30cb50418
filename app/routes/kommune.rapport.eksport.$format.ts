import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireCaseworker } from "../auth/permissions.server";
import { exportReport } from "../services/report-export.server";
import { startExportFromRequest } from "../services/export-jobs.server";

/** The caseworker's exports: always limited to their own municipality (the scope decides, not the query). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  return exportReport(request, params.format, scope, user, "/kommune/rapport");
}

/** The workbook or the course list as a background job; the worker applies the caseworker's municipality again. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  return startExportFromRequest(request, params.format, scope, user, "/kommune/rapport/eksporter");
}
