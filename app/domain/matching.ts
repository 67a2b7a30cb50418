/**
 * Matching: which mentor may be paired with which mentee (hard rules, each with a name), how good a pair is (a
 * weighted score 0..100 from industry, geography, language, goals and waiting time) and why (reasons as structured
 * data {key, params} that the UI translates). Framework-free: no database, no Remix, no clock (today comes in).
 *
 * The weights are data (table matching_weights, versioned); DEFAULT_WEIGHTS is only the seed of version 1.
 * One code path scores every pair: `evaluate` with reasons for the UI, and without reasons (no allocations) for
 * ranking 20 000 mentors or scoring a whole pool. Inputs are "prepared" once (bit masks for languages and goals,
 * paused/at-capacity resolved against today) so the per-pair work is a handful of comparisons.
 *
 * One module for callers; the parts: `matching-inputs.ts` (weights, inputs, hard rules, prepared inputs),
 * `matching-score.ts` (criteria and `evaluate`), `matching-rank.ts` (rankings and geography).
 */
export * from "./matching-inputs";
export * from "./matching-score";
export * from "./matching-rank";
