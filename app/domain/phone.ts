/**
 * Phone numbers, validated for their country with libphonenumber-js and stored as E.164. A number without a country
 * code is Danish; other countries are written with + or 00. Every phone field and every comparison of numbers (the
 * duplicate check) goes through here. Pure.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { containsCpr } from "./cpr";

export const DEFAULT_PHONE_COUNTRY: CountryCode = "DK";
export const PHONE_MAX_LENGTH = 30;

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: "invalid" | "cpr" };

/** A valid number for its country as E.164, or why not ("cpr" when it looks like a CPR number: say so, never store it). */
export function checkPhone(input: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): PhoneCheck {
  const raw = input.trim();
  const bad = (): PhoneCheck => ({ ok: false, reason: containsCpr(raw) ? "cpr" : "invalid" });
  if (!raw || raw.length > PHONE_MAX_LENGTH || !/^[+(\d][\d\s().+-]*$/.test(raw)) return bad();
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? { ok: true, e164: parsed.number } : bad();
}

/** E.164 for a valid number, else null. */
export function normalisePhone(input: string): string | null {
  const r = checkPhone(input);
  return r.ok ? r.e164 : null;
}

/**
 * The form two numbers are compared in (the duplicate check): E.164 when the number is valid; otherwise its digits,
 * so numbers stored before validation still compare with themselves.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const e164 = normalisePhone(phone);
  if (e164) return e164;
  const digits = phone.replace(/[^\d+]/g, "").replace(/^00/, "+");
  return digits.length ? digits : null;
}

/**
 * A number as gateways want it (E.164 without "+"): through libphonenumber-js like every other number, so a valid
 * number of any country comes out the same however it was written; GatewayAPI's own MSISDNs (digits with the country
 * code, no "+") are read as international. A number stored before validation (8-15 digits) still gets its digits,
 * 8 digits as Danish. Null when not a number.
 */
export function toMsisdn(phone: string): string | null {
  const raw = phone.trim();
  const e164 = normalisePhone(/^\d{10,15}$/.test(raw) ? `+${raw}` : raw);
  if (e164) return e164.slice(1);
  const m = raw.replace(/[\s\-().]/g, "").match(/^(?:\+|00)?(\d{8,15})$/);
  if (!m) return null;
  return m[1].length === 8 ? `45${m[1]}` : m[1];
}

/** Danish postcodes run from 1000 to 9990 (0800-0999 are special units; 3900-3999 Greenland is accepted as Danish realm). */
export function isDanishPostcode(input: string): boolean {
  if (!/^\d{4}$/.test(input)) return false;
  const n = Number(input);
  return n >= 1000 && n <= 9990;
}
