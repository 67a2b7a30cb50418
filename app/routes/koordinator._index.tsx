import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { coordinatorCounts } from "../services/dashboard.server";
import { StaffStart } from "../components/StatCards";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("coordinator");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "coordinator", "admin");
  return { counts: coordinatorCounts() };
}

export default function CoordinatorStart() {
  const { counts } = useLoaderData<typeof loader>();
  return <StaffStart role="coordinator" counts={counts} />;
}
