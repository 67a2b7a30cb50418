/** The course's goal plan (issue 21): add goals and move their status (set at the start meeting, reviewed at follow-ups). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { idParam } from "../services/planned-meeting-page.server";
import { goalPlanAction, goalPlanPage } from "../services/goal-plan-page.server";
import { GoalPlanPage } from "../components/GoalPlan";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("goalPlan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:goal-plan:own");
  const actor = { id: user.id, role: "mentor" };
  return goalPlanPage(actor, idParam(params.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:goal-plan:own");
  const actor = { id: user.id, role: "mentor" };
  const id = idParam(params.id);
  return goalPlanAction(request, actor, id, `/mentor/forloeb/${id}/maal`);
}

export default function GoalPlan() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <GoalPlanPage d={d} actionData={actionData} back={`/mentor/forloeb/${d.course.id}`} done={params.get("done")} />
  );
}
