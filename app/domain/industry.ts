/**
 * Industry first (issue 19): whether a mentee and a mentor share an industry. The programme matches by industry; a pair
 * without one is the exception, marked wherever it is shown, never approved in bulk and only with a reason.
 *
 * Shared = one of the mentee's wished DB07 divisions is the mentor's own division, or lies in the section of the
 * mentor's division, or is one of the divisions where the mentor has a network. Exactly the pairs whose industry value
 * in the score is above 0 (`industryValue` in ./matching), so the mark and the reason "no shared industry" never
 * disagree. Framework-free: the section of a division comes in as a function.
 */
export type IndustryMatch = "division" | "section" | "network";

export type IndustryMentor = { industryCode: string; networkIndustryCodes: readonly string[] };

/** How a pair shares an industry (the best way), or null when it shares none. */
export function sharedIndustry(
  wishedIndustryCodes: readonly string[],
  mentor: IndustryMentor,
  sectionOf: (division: string) => string | undefined,
): IndustryMatch | null {
  const mentorSection = sectionOf(mentor.industryCode);
  let best: IndustryMatch | null = null;
  for (const code of wishedIndustryCodes) {
    if (code === mentor.industryCode) return "division";
    if (best !== "section" && mentorSection !== undefined && sectionOf(code) === mentorSection) best = "section";
    else if (best === null && mentor.networkIndustryCodes.includes(code)) best = "network";
  }
  return best;
}

/** True when the pair shares an industry (the predicate the pages, the pool and the approval use). */
export function sharesIndustry(
  wishedIndustryCodes: readonly string[],
  mentor: IndustryMentor,
  sectionOf: (division: string) => string | undefined,
): boolean {
  return sharedIndustry(wishedIndustryCodes, mentor, sectionOf) !== null;
}

/** The longest reason a coordinator may give for approving a pair without a shared industry, and the shortest. */
export const NO_INDUSTRY_REASON_MIN = 10;
export const NO_INDUSTRY_REASON_MAX = 500;
