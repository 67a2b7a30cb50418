import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { coordinatorCounts } from "../services/dashboard.server";
import { StaffStart } from "../components/StatCards";

export const meta: MetaFunction = () => [{ title: "Koordinator · Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "coordinator", "admin");
  return { counts: coordinatorCounts() };
}

export default function CoordinatorStart() {
  const { counts } = useLoaderData<typeof loader>();
  return <StaffStart role="coordinator" counts={counts} />;
}
