/**
 * SMS arithmetic, free of any provider: which encoding a text needs (GSM-7 or UCS-2), how many segments it costs,
 * and whether an alphanumeric sender id is valid. Danish letters æøå ÆØÅ are in GSM-7; Arabic, Tigrinya, Farsi,
 * Ukrainian... are not, so those messages are UCS-2 (70 characters a segment instead of 160).
 */

/** GSM 03.38 basic character set (one septet each). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** GSM 03.38 extension table: each costs two septets (escape + char). */
const GSM_EXTENDED = "^{}\\[~]|€\f";

const basic = new Set(Array.from(GSM_BASIC));
const extended = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = "GSM-7" | "UCS-2";

export const GSM7_SINGLE = 160;
export const GSM7_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

/** The most segments one message may use (templates are checked against it in a unit test). */
export const MAX_SMS_SEGMENTS = 4;

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

export function smsEncoding(text: string): SmsEncoding {
  return isGsm7(text) ? "GSM-7" : "UCS-2";
}

/** Length in the encoding's units: septets for GSM-7 (extension chars count 2), UTF-16 code units for UCS-2. */
export function smsUnits(text: string): number {
  if (isGsm7(text)) {
    let n = 0;
    for (const ch of text) n += extended.has(ch) ? 2 : 1;
    return n;
  }
  return text.length; // UTF-16 code units: an emoji (surrogate pair) counts 2, as on the air
}

export type SmsInfo = { encoding: SmsEncoding; units: number; segments: number; perSegment: number };

export function smsInfo(text: string): SmsInfo {
  const encoding = smsEncoding(text);
  const units = smsUnits(text);
  const [single, multi] = encoding === "GSM-7" ? [GSM7_SINGLE, GSM7_MULTI] : [UCS2_SINGLE, UCS2_MULTI];
  if (units === 0) return { encoding, units, segments: 0, perSegment: single };
  if (units <= single) return { encoding, units, segments: 1, perSegment: single };
  return { encoding, units, segments: Math.ceil(units / multi), perSegment: multi };
}

export function smsSegments(text: string): number {
  return smsInfo(text).segments;
}

/** An alphanumeric sender id: 1-11 of A-Z a-z 0-9 and space, with at least one letter (all digits is a number). */
export function isValidSenderId(sender: string): boolean {
  return /^[A-Za-z0-9 ]{1,11}$/.test(sender) && /[A-Za-z]/.test(sender) && sender.trim() === sender;
}

/** Does the text contain a link? SMS go without links by default (Danish operators filter unregistered links). */
export function containsLink(text: string): boolean {
  return /(https?:\/\/|www\.)/i.test(text);
}
