/** The types and helpers the parts of an opening's page share. */
import type { OpeningPageIntent } from "../../schemas/companies";
import type { SubmissionResult } from "@conform-to/react";
import type { TFunction } from "i18next";
import type { getOpening } from "../../services/openings.server";

/** The opening as its page's loader sends it. */
export type OpeningView = NonNullable<ReturnType<typeof getOpening>>;
/** The last reply of one form on the page (by intent and row), for Conform. */
export type LastResult = (intent: OpeningPageIntent, row?: number | null) => SubmissionResult<string[]> | undefined;
/** The refusal shown beside one row's forms (an i18n key, perhaps with the rules that refused). */
export type ErrorFor = (intent: OpeningPageIntent, row: number | null) => string | null;

/** A refusal's text: a rule refusal names the rules (`companies.errors.rule|{"rules":"a,b"}`). */
export function refusalText(t: TFunction, e: string): string {
  const [key, raw] = e.split("|");
  if (key === "companies.errors.rule") {
    const rules = String(JSON.parse(raw).rules).split(",").filter(Boolean);
    return t(key, { rules: rules.map((r) => t(`companies.rule.${r}`)).join("; ") });
  }
  return t(key);
}
