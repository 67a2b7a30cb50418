import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { coordinatorCounts } from "../services/dashboard.server";
import { StaffStart } from "../components/StatCards";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("admin");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:settings:any");
  return { counts: coordinatorCounts() };
}

export default function AdminStart() {
  const { counts } = useLoaderData<typeof loader>();
  return <StaffStart role="admin" counts={counts} />;
}
