/** Plan the next meeting of a course, or change or cancel one (issue 21); a phone-friendly page that works without JavaScript. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { idParam, plannedMeetingAction, plannedMeetingPage } from "../services/planned-meeting-page.server";
import { PlanningPage } from "../components/PlannedMeetings";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("plannedMeeting");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "log:meeting:own");
  const actor = { id: user.id, role: "mentor" };
  return plannedMeetingPage(actor, idParam(params.id), new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "log:meeting:own");
  const actor = { id: user.id, role: "mentor" };
  const id = idParam(params.id);
  return plannedMeetingAction(request, actor, id, `/mentor/forloeb/${id}`);
}

export default function PlannedMeeting() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <PlanningPage d={d} actionData={actionData} back={`/mentor/forloeb/${d.course.id}`} />;
}
