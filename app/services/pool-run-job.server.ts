/**
 * The whole-pool run itself (issue 17), in the job worker (app/jobs/background.server.ts): load the waiting
 * citizens and the mentors of the scope, score the pairs, solve the assignment, save the result in short transactions
 * and mark the run done last. Starting, cancelling and reading a run: `pool-runs.server.ts`.
 */
import { and, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import {
  backgroundJobs,
  industries,
  menteeIndustryIndex,
  mentees,
  mentors,
  municipalities,
  poolRunPairs,
  poolRunUnmatched,
} from "../../db/schema";
import { assignPool } from "../domain/assignment";
import {
  evaluate,
  industryScore,
  prepareMentee,
  prepareMentor,
  scorePair,
  travelCandidates,
  violatedRules,
  type HardRule,
} from "../domain/matching";
import { poolScorer } from "../domain/matching-pool";
import { scoringThreads } from "../domain/pool-threads.server";
import { parseScopeKey, type PoolScope } from "../domain/pool-scope";
import type { JobContext } from "../jobs/worker-runtime.server";
import { transaction, type Tx } from "./kernel.server";
import { EXCLUSION_ORDER, firstReason } from "./match-candidates.server";
import { currentWeights, matchContext } from "./match-context.server";
import { declinedPairsOfWaiting, loadMentors, loadWaitingMentees } from "./match-pool.server";
import type { PoolRunParams, PoolRunSummary, UnmatchedReason } from "./pool-runs.server";

/** The waiting mentees of a scope, as SQL. */
function menteesIn(s: PoolScope): SQL | undefined {
  const area =
    s.area === "municipality"
      ? eq(mentees.municipalityCode, s.municipality)
      : s.area === "region"
        ? inArray(
            mentees.municipalityCode,
            sql`(select ${municipalities.code} from ${municipalities} where ${municipalities.regionCode} = ${s.region})`,
          )
        : undefined;
  if (!s.section) return area;
  const wishes = exists(
    sql`select 1 from ${menteeIndustryIndex} where ${menteeIndustryIndex.menteeId} = ${mentees.id} and ${menteeIndustryIndex.code} = ${s.section}`,
  );
  return and(area, wishes);
}

/** The mentors of a section (their industry or a network industry in it); every mentor without one. */
function mentorsIn(s: PoolScope): SQL | undefined {
  if (!s.section) return undefined;
  return sql`(${mentors.industryCode} in (select ${industries.code} from ${industries} where ${industries.section} = ${s.section})
    or exists (select 1 from json_each(${mentors.networkIndustryCodes}) j join ${industries} i on i.code = j.value where i.section = ${s.section}))`;
}

/** The job handler: load, score, solve, save (the row's `done` last, once the result is whole). */
export function runPoolJob({ d, job, progress, complete }: JobContext): void {
  const params = job.params as PoolRunParams;
  const scope = parseScopeKey(params.scope);
  if (!scope) throw new Error(`bad scope ${params.scope}`);
  const t0 = performance.now();
  progress({ stage: "loading", done: 0, total: 1 });
  const weights = currentWeights(d);
  d.update(backgroundJobs).set({ weightsVersion: weights.version }).where(eq(backgroundJobs.id, job.id)).run();
  const ctx = matchContext(d, weights.weights);
  const waiting = loadWaitingMentees(d, menteesIn(scope));
  // Paused and full mentors too: the scorer excludes them, and an unmatched mentee's reason can then name them.
  const mentorRows = loadMentors(d, { includeUnavailable: true, where: mentorsIn(scope) });
  const pes = waiting.map((e) => prepareMentee(e, ctx));
  const pms = mentorRows.map((m) => prepareMentor(m, ctx));
  const travel = travelCandidates(pms, ctx);
  // Issue 19: a declined or expired pair is never proposed again, and a pair without a shared industry only while the
  // admin setting allows it (the typed-array scorer knows neither rule, so the candidates leave them out).
  const declined = declinedPairsOfWaiting(d);
  const near = (e: (typeof waiting)[number]) => {
    const js = travel(e);
    if (!declined.size && !ctx.requireSharedIndustry) return js;
    const i = indexOfMentee.get(e.id)!;
    return js.filter(
      (j) =>
        !declined.has(`${e.id}:${pms[j].m.id}`) && (!ctx.requireSharedIndustry || industryScore(pes[i], pms[j]) > 0),
    );
  };
  const indexOfMentee = new Map(waiting.map((e, i) => [e.id, i]));
  const scorer = poolScorer(pes, pms, ctx);
  const t1 = performance.now();
  const result = assignPool({
    candidatesOf: (i) => near(waiting[i]),
    menteeIds: waiting.map((e) => e.id),
    mentors: pms.map((pm) => ({ id: pm.m.id, free: pm.free })),
    score: (i, j) => scorePair(pes[i], pms[j], ctx),
    // A large pool's rows are scored on a helper thread too (assignment-scoring.ts).
    features: scorer.features,
    threads: scoringThreads(),
    mode: params.mode,
    onProgress: (p) => progress(p),
  });

  const t2 = performance.now();
  progress({ stage: "saving", done: 0, total: result.pairs.length });
  const indexOfMentor = new Map(mentorRows.map((m, j) => [m.id, j]));
  const pairs = result.pairs.map((p) => {
    const ev = evaluate(pes[indexOfMentee.get(p.menteeId)!], pms[indexOfMentor.get(p.mentorId)!], ctx);
    return {
      jobId: job.id,
      menteeId: p.menteeId,
      mentorId: p.mentorId,
      score: p.score,
      sharedIndustry: ev.allowed && ev.parts.industry > 0,
      reasons: ev.reasons,
    };
  });
  const matched = new Set(result.pairs.map((p) => p.menteeId));
  const unmatched = waiting.flatMap((e, i) =>
    matched.has(e.id) ? [] : [{ jobId: job.id, menteeId: e.id, reason: unmatchedReason(i) }],
  );
  function unmatchedReason(i: number): UnmatchedReason {
    if (result.allowedPerMentee[i] > 0) return "mentors_taken";
    if (!waiting[i].municipalityIsPartner) return "municipality_not_partner";
    const counts = new Map<HardRule, number>();
    for (const j of near(waiting[i])) {
      const rule = firstReason(violatedRules(pes[i], pms[j], ctx));
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    }
    let best: HardRule = "outside_travel_area";
    for (const r of EXCLUSION_ORDER) if ((counts.get(r) ?? 0) > (counts.get(best) ?? 0)) best = r;
    return best;
  }
  const industryPairs = pairs.filter((p) => p.sharedIndustry).length;
  const unmatchedByReason: PoolRunSummary["unmatchedByReason"] = {};
  for (const u of unmatched) unmatchedByReason[u.reason] = (unmatchedByReason[u.reason] ?? 0) + 1;
  const available = pms.filter((pm) => pm.approved && pm.introductionRead && !pm.paused && !pm.atCapacity).length;

  // Saved in short transactions (the server's own writes never wait long for the lock); the last one marks the run
  // done, so a result is read only when it is whole. Rows of a run that stops half-way are never shown and go with it.
  const CHUNK = 500;
  const save = <R>(rows: R[], write: (tx: Tx, chunk: R[]) => void, done?: (k: number) => void) => {
    for (let k = 0; k < rows.length; k += CHUNK) {
      transaction((tx) => write(tx, rows.slice(k, k + CHUNK)), d);
      done?.(k);
    }
  };
  save(
    pairs,
    (tx, chunk) => tx.insert(poolRunPairs).values(chunk).run(),
    (k) => progress({ stage: "saving", done: k, total: pairs.length }),
  );
  save(unmatched, (tx, chunk) => tx.insert(poolRunUnmatched).values(chunk).run());
  const t3 = performance.now();
  const summary: PoolRunSummary = {
    waiting: waiting.length,
    mentorsAvailable: available,
    pairs: pairs.length,
    industryPairs,
    otherPairs: pairs.length - industryPairs,
    unmatched: unmatched.length,
    unmatchedByReason,
    meanScore: pairs.length ? Math.round((result.totalScore / pairs.length) * 10) / 10 : null,
    totalScore: result.totalScore,
    allowedPairs: result.allowedPairs,
    components: result.components,
    largest: result.largest,
    ms: {
      loading: Math.round(t1 - t0),
      scoring: Math.round(result.timings.scoringMs),
      solving: Math.round(result.timings.solvingMs),
      saving: Math.round(t3 - t2),
    },
  };
  transaction((tx) => complete(tx, summary), d);
}
