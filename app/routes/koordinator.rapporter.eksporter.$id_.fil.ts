import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScopedPermission } from "../auth/permissions.server";
import { downloadExport } from "../services/export-jobs.server";
import { idParam } from "../utils/params.server";

/** The finished file of one of the user's own exports, streamed from the private export directory; 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireScopedPermission(request, "export:report:any");
  return downloadExport(user, idParam(params.id));
}
