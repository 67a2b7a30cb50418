/**
 * Rules for the text people type about people: names must show letters, and no text may steer the reading direction
 * with explicit bidi controls (a name written with U+202E shows its letters backwards on every page and export). Pure.
 */

/** Explicit directional embeddings, overrides and isolates: U+202A–U+202E and U+2066–U+2069. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Characters that show nothing: default-ignorable ones (zero-width spaces, joiners, Hangul fillers...), blanks, marks. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800\p{M}\p{Cc}\p{Cf}]/gu;

export function containsBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** Does the name show at least one letter once everything invisible is taken away? */
export function hasVisibleLetter(text: string): boolean {
  return /\p{L}/u.test(text.replace(INVISIBLE, ""));
}
