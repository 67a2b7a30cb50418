/**
 * Phone numbers as E.164. Danish numbers (8 digits) get +45; other countries must be written with + or 00.
 * Returns null for anything that is not a plausible number. Pure.
 */
export function normalisePhone(input: string): string | null {
  const raw = input.trim();
  if (!/^[+(\d][\d\s().+-]*$/.test(raw)) return null;
  let digits = raw.replace(/[\s().-]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (/^\d{8}$/.test(digits)) return /^[2-9]/.test(digits) ? `+45${digits}` : null;
  if (/^\+45\d{8}$/.test(digits)) return /^\+45[2-9]/.test(digits) ? digits : null;
  if (/^\+[1-9]\d{7,14}$/.test(digits) && !digits.startsWith("+45")) return digits;
  return null;
}

/** Danish postcodes run from 1000 to 9990 (0800-0999 are special units; 3900-3999 Greenland is accepted as Danish realm). */
export function isDanishPostcode(input: string): boolean {
  if (!/^\d{4}$/.test(input)) return false;
  const n = Number(input);
  return n >= 1000 && n <= 9990;
}
