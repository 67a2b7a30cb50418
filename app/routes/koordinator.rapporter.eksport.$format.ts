import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireScopedPermission } from "../auth/permissions.server";
import { exportReport } from "../services/report-export.server";
import { startExportFromRequest } from "../services/export-jobs.server";

/** CSV of a small report table (no names or contact details); columns in docs/exports.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "export:report:any");
  return exportReport(request, params.format, scope, user, "/koordinator/rapporter");
}

/** Starts the workbook or the course list as a background job (docs/decisions/015-jobs.md) and shows its page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "export:report:any");
  return startExportFromRequest(request, params.format, scope, user, "/koordinator/rapporter/eksporter");
}
