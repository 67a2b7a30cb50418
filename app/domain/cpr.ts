/**
 * CPR numbers must never be stored (docs/privacy.md): every free-text field refuses text that looks like one. A CPR
 * number is ten digits, ddmmyy-xxxx; people write it with or without the hyphen, with spaces, dots or slashes between
 * the groups, and with or without a valid date (old and replacement numbers do not all carry one), so the rule is
 * deliberately wide: ten digits in a row, with at most one separator between any two, and no digit (or a + of a phone
 * number's country code) right before or after. Digits of any script count (Arabic-Indic ones too). Pure.
 */

const DIGIT = "\\p{Nd}";
const SEP = "[ \\u00A0\\u2009\\u202F.\\-\\u2010\\u2011\\u2012\\u2013/]";
const CPR_LIKE = new RegExp(`(?<![\\p{Nd}+])${DIGIT}(?:${SEP}?${DIGIT}){9}(?!${SEP}?${DIGIT})`, "u");

/** Does the text contain something that looks like a CPR number? */
export function containsCpr(text: string): boolean {
  return CPR_LIKE.test(text.normalize("NFKC"));
}
