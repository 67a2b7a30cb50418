import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScopedPermission } from "../auth/permissions.server";
import { exportCompanyReport } from "../services/company-reports.server";

/** CSV or XLSX of the company report and the placement list (no names of citizens or contact details); columns in docs/exports.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "export:report:any");
  return exportCompanyReport(request, params.format, scope, user);
}
