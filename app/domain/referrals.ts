/**
 * Pure rules of a referral (henvisning): the duplicate key, waiting time, which statuses may be withdrawn, which
 * consents a referral needs, and the coordinator queue's industry filter. No database, no Remix.
 */
import type { Channel, ConsentPurpose, MenteeStatus } from "./enums";
import { daysBetween, localDateOf } from "./dates";
import { phoneKey } from "./phone";

/** The text version of the citizen's consent the caseworker reads out / hands over. Bump when the text changes. */
export const CURRENT_CONSENT_VERSION = "2026-01";
export const consentVersions = [CURRENT_CONSENT_VERSION] as const;

/** Purposes a caseworker can record on referral (the mentor purposes belong to mentors). */
export const referralConsentPurposes = [
  "participation",
  "share_with_mentor",
  "sms",
] as const satisfies readonly ConsentPurpose[];

/** Consents without which a referral cannot be saved: taking part and sharing the minimal profile, plus SMS when SMS is the channel. */
export function requiredConsents(channel: Channel): ConsentPurpose[] {
  return channel === "sms" ? ["participation", "share_with_mentor", "sms"] : ["participation", "share_with_mentor"];
}

/** Letters only, lower case, accents kept (NFC), spaces and hyphens collapsed: "  Ali  Hassan-Omar " → "ali hassan omar". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLocaleLowerCase("da-DK")
    .replace(/[\s\-‐‑'’.]+/g, " ")
    .trim();
}

export type DuplicateProbe = { firstName: string; lastName: string; birthYear: number; phone?: string | null };

/**
 * Two referrals in the same municipality are a possible duplicate when first and last name, birth year and phone
 * are the same (after normalising). Without a phone there is no key: the rule needs all three.
 */
export function duplicateKey(p: DuplicateProbe): string | null {
  const phone = phoneKey(p.phone); // E.164 however it was written (app/domain/phone.ts)
  if (!phone) return null;
  return [normaliseName(p.firstName), normaliseName(p.lastName), String(p.birthYear), phone].join("|");
}

export function isPossibleDuplicate(a: DuplicateProbe, b: DuplicateProbe): boolean {
  const ka = duplicateKey(a);
  return ka !== null && ka === duplicateKey(b);
}

/** Whole days a citizen has waited since referral (instant or date) until `today` (YYYY-MM-DD). Never negative. */
export function waitingDays(referredAt: string, today: string): number {
  return Math.max(0, daysBetween(localDateOf(referredAt), today));
}

/** A referral can be withdrawn before the course starts; afterwards the course is ended (early) instead. */
export const withdrawableStatuses: readonly MenteeStatus[] = ["waiting", "matched"];
export function canWithdraw(status: MenteeStatus): boolean {
  return withdrawableStatuses.includes(status);
}

/**
 * The queue's industry filter: a section letter matches every wished division in that section, a division code
 * matches itself. `sectionOf` is passed in so this stays free of the reference data module.
 */
export function matchesIndustry(
  wished: readonly string[],
  filter: string | undefined,
  sectionOf: (code: string) => string | undefined,
): boolean {
  if (!filter) return true;
  if (/^[A-Z]$/.test(filter)) return wished.some((c) => sectionOf(c) === filter);
  return wished.includes(filter);
}
