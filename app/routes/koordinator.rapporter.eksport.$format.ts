import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "../auth/guards.server";
import { exportReport } from "../services/report-export.server";

/** CSV or XLSX of the report tables and the course list (no names or contact details); columns in docs/exports.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "coordinator", "admin");
  return exportReport(request, params.format, scope, user);
}
