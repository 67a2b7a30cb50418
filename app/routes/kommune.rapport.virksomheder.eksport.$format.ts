import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCaseworker } from "../auth/permissions.server";
import { exportCompanyReport } from "../services/company-reports.server";

/** The caseworker's company-report exports: always limited to their own municipality (the scope decides, not the query). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  return exportCompanyReport(request, params.format, scope, user);
}
