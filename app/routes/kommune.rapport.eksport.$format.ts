import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCaseworker } from "../auth/permissions.server";
import { exportReport } from "../services/report-export.server";

/** The caseworker's exports: always limited to their own municipality (the scope decides, not the query). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  return exportReport(request, params.format, scope, user);
}
