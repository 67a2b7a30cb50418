/**
 * The action of a page with several forms told apart by a hidden `intent` (a company, a placement): parse the posted
 * intent with its own schema, apply it in a use case, and answer — a 400 with the form's errors (on the field the use
 * case names, or for the whole form), a 404 when the use case finds nothing in scope, or a redirect to say it is done.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { notFound } from "../auth/guards.server";
import { replyWith, type Result } from "../services/kernel.server";

/** A use case's result, or null when it finds nothing in scope. */
export type IntentOutcome = Result<unknown> | null;

export async function handleIntent<S extends Record<string, z.ZodTypeAny>>(
  request: Request,
  schemas: S,
  apply: (intent: keyof S & string, value: z.infer<S[keyof S]>) => IntentOutcome,
  done: (intent: keyof S & string) => string,
) {
  const form = await request.formData();
  const raw = form.get("intent");
  if (typeof raw !== "string" || !Object.prototype.hasOwnProperty.call(schemas, raw))
    return data({ intent: null, result: null }, { status: 400 });
  const intent = raw as keyof S & string;
  const submission = parseWithZod(form, { schema: schemas[intent] });
  if (submission.status !== "success")
    return data({ intent: intent as string, result: submission.reply() }, { status: 400 });
  const r = apply(intent, submission.value as z.infer<S[keyof S]>);
  if (r === null) throw notFound();
  if (!r.ok) return data({ intent: intent as string, result: replyWith(submission, r) }, { status: 400 });
  return redirect(done(intent));
}
