/**
 * No health or trauma details in free text (DOMAIN.md, docs/privacy.md): at most the coarse "needs special
 * consideration" flag. Text about a citizen's competences, follow-ups of a placement and a company's answer is checked
 * for words that describe a diagnosis, an illness, a disability, trauma, pregnancy or treatment, in Danish and
 * English, at the start of a word (so "PTSD-ramt" and "diagnosen" are caught). Words of the health *industry* are
 * allowed: "sygeplejerske", "sundhedsassistent", "hospital", "medicinalindustri" describe work, not a person's health.
 * A safeguard against the obvious, not a classifier; the forms say why the text was refused. Pure.
 */

const STEMS = [
  // Danish
  "diagnos",
  "sygdom",
  "syg ",
  "sygemeld",
  "kronisk",
  "lidelse",
  "ptsd",
  "traume",
  "traumatis",
  "tortur",
  "depressi",
  "angst",
  "psykisk",
  "psykiatri",
  "psykose",
  "psykotisk",
  "skizofren",
  "bipolar",
  "adhd",
  "autis",
  "handicap",
  "funktionsnedsæt",
  "kræft",
  "diabet",
  "epilep",
  "gravid",
  "abort",
  "medicinering",
  "smerte",
  "gigt",
  "astma",
  "hjerneskade",
  "misbrug",
  "alkoholi",
  "hiv",
  "aids",
  "helbred",
  "indlagt",
  "indlæggelse",
  "kemoterapi",
  "selvmord",
  "spiseforstyr",
  "migræne",
  "sklerose",
  "demens",
  "hørehæm",
  "synshandicap",
  "blind",
  "døv",
  // English
  "diagnosis",
  "diagnosed",
  "illness",
  "disease",
  "sick leave",
  "trauma",
  "tortured",
  "depression",
  "depressed",
  "anxiety",
  "mental health",
  "psychiatr",
  "psychos",
  "schizophren",
  "disabilit",
  "disabled",
  "cancer",
  "diabetes",
  "epilepsy",
  "pregnan",
  "medication",
  "chronic pain",
  "addiction",
  "suicid",
  "hospitalised",
  "hospitalized",
] as const;

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${STEMS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
  "iu",
);

/** Does the text mention a health detail? */
export function containsHealthDetail(text: string): boolean {
  return PATTERN.test(` ${text.normalize("NFKC").toLocaleLowerCase("da-DK")} `);
}
