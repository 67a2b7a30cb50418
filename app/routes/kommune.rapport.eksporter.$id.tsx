import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCaseworker } from "../auth/permissions.server";
import { exportJobFor } from "../services/export-jobs.server";
import { idParam } from "../utils/params.server";
import { ExportJobPage } from "../components/reports/ExportJob";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("reportExport");

/** One of the user's own report exports (a background job): 404 for anyone else's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireCaseworker(request);
  const job = exportJobFor(user, idParam(params.id));
  if (!job) throw new Response("Not Found", { status: 404 });
  return { job };
}

export default function ReportExportJob() {
  const { job } = useLoaderData<typeof loader>();
  return (
    <ExportJobPage job={job} reportPath="/kommune/rapport" downloadPath={`/kommune/rapport/eksporter/${job.id}/fil`} />
  );
}
