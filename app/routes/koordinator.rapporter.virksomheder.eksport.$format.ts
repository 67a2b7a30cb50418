import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "../auth/guards.server";
import { exportCompanyReport } from "../services/company-reports.server";

/** CSV or XLSX of the company report and the placement list (no names of citizens or contact details); columns in docs/exports.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "coordinator", "admin");
  return exportCompanyReport(request, params.format, scope, user);
}
