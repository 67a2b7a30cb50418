/** Plan the next meeting of a course, or change or cancel one (issue 21); a phone-friendly page that works without JavaScript. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireScopedPermission } from "../auth/permissions.server";
import { idParam, plannedMeetingAction, plannedMeetingPage } from "../services/planned-meeting-page.server";
import { PlanningPage } from "../components/PlannedMeetings";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("plannedMeeting");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:course:any");
  const actor = { id: user.id, role: user.role };
  return plannedMeetingPage(actor, idParam(params.id), new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:course:any");
  const actor = { id: user.id, role: user.role };
  const id = idParam(params.id);
  return plannedMeetingAction(request, actor, id, `/koordinator/forloeb/${id}`);
}

export default function PlannedMeeting() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <PlanningPage d={d} actionData={actionData} back={`/koordinator/forloeb/${d.course.id}`} />;
}
