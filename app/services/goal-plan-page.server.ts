/** The request side of the goal plan page, shared by the mentor's and the coordinator's route (both thin). */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { addGoalSchema, updateGoalSchema } from "../schemas/between";
import { addGoal, goalPlanFor, updateGoal } from "./goals.server";
import { replyWith, type Actor } from "./kernel.server";

export function goalPlanPage(actor: Actor, courseId: number) {
  const plan = goalPlanFor(actor, courseId);
  if (!plan) throw notFound();
  return plan;
}

export async function goalPlanAction(request: Request, actor: Actor, courseId: number, pagePath: string) {
  if (!goalPlanFor(actor, courseId)) throw notFound();
  const form = await request.formData();
  const intent = form.get("intent") === "update" ? "update" : "add";
  if (intent === "add") {
    const submission = parseWithZod(form, { schema: addGoalSchema });
    if (submission.status !== "success")
      return data({ intent, goalId: undefined, result: submission.reply() }, { status: 400 });
    const r = addGoal(actor, courseId, submission.value);
    if (!r.ok)
      return data(
        {
          intent,
          goalId: undefined,
          result: replyWith(submission, r),
        },
        { status: 400 },
      );
    return redirect(`${pagePath}?done=added`);
  }
  const submission = parseWithZod(form, { schema: updateGoalSchema });
  const goalId = Number(form.get("goalId")) || undefined;
  if (submission.status !== "success") return data({ intent, goalId, result: submission.reply() }, { status: 400 });
  const r = updateGoal(actor, courseId, submission.value);
  if (!r.ok) {
    if (r.formErrors.includes("courses.errors.notFound")) throw notFound();
    return data(
      {
        intent,
        goalId,
        result: replyWith(submission, r),
      },
      { status: 400 },
    );
  }
  return redirect(`${pagePath}?done=updated`);
}
