/**
 * Messages to staff and mentors are letters in Danish and English: a subject, a greeting, paragraphs and at most one
 * link. `letters` makes both copies from each language's words the same way, so a template says only its words.
 */
import type { Copy } from "./types";

type Lang = "da" | "en";
const HELLO: Record<Lang, string> = { da: "Hej", en: "Hello" };

/** What a letter says in one language. */
export type LetterWords<D> = {
  subject: string | ((d: D) => string);
  /** The paragraphs after the greeting. */
  lines: (d: D) => string[];
  /** The label of the letter's link, when it has one. */
  action?: string;
  sms?: (d: D) => string;
};

/** What is the same in every language of a letter. */
export type LetterForm<D> = {
  /** The greeting: "Hej"/"Hello" alone (`true`) or followed by a name from the data; none when left out. */
  hello?: true | ((d: D) => string);
  /** Where the link goes (by default the data's `url`). */
  link?: (d: D) => string;
};

// Read as a plain property, so the editor's placeholder data answers it with {{url}} (emails/editable.ts).
const urlOf = (d: object) => (d as { url: string }).url;

export function letters<D extends object>(
  words: Record<Lang, LetterWords<D>>,
  form: LetterForm<D> = {},
): Record<Lang, Copy<D>> {
  const { hello, link = urlOf } = form;
  const letter = (lang: Lang, w: LetterWords<D>): Copy<D> => {
    const { subject, lines, action, sms } = w;
    const greeting = (d: D) => (hello === true ? [HELLO[lang]] : hello ? [`${HELLO[lang]} ${hello(d)}`] : []);
    return {
      subject: typeof subject === "string" ? () => subject : subject,
      lines: (d) => [...greeting(d), ...lines(d)],
      ...(action ? { action: { label: action, url: link } } : {}),
      ...(sms ? { sms } : {}),
    };
  };
  return { da: letter("da", words.da), en: letter("en", words.en) };
}
