/**
 * CVR numbers (Det Centrale Virksomhedsregister): eight digits, the first not 0, with a modulus-11 check — the digits
 * weighted 2, 7, 6, 5, 4, 3, 2, 1 sum to a multiple of 11. People write them with spaces, a "DK" prefix (the VAT
 * number is "DK" + CVR) or dashes; `normaliseCvr` takes those away. Pure.
 */

export const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** "DK-12 34 56 78" → "12345678"; anything that is not eight digits after that stays as typed (trimmed). */
export function normaliseCvr(input: string): string {
  const raw = input.trim();
  const stripped = raw.replace(/^dk[\s-]*/i, "").replace(/[\s.-]/g, "");
  return /^\d{8}$/.test(stripped) ? stripped : raw;
}

/** Eight digits, not starting with 0, passing the modulus-11 check. */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * CVR_WEIGHTS[i];
  return sum % 11 === 0;
}

/**
 * The CVR number that completes seven digits with a valid check digit, or null when none exists (the remainder would
 * need a check digit of 10). For test data and the demo: real numbers come from the register.
 */
export function completeCvr(first7: string): string | null {
  if (!/^[1-9]\d{6}$/.test(first7)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * CVR_WEIGHTS[i];
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${first7}${check}`;
}
