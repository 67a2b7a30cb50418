import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { parsePerson } from "../services/privacy.server";
import { exportPerson } from "../services/privacy-export.server";

/** Access on request: everything stored about one person as JSON (a logged export). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "export:personal-data:own-municipality");
  const { type, id } = parsePerson(params);
  const data = exportPerson(type, id, scope, user);
  if (!data) throw notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mentorbro-${type}-${id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
