/**
 * Whole-pool matching as a background job (issue 17): a coordinator starts a run for a scope (country, region or one
 * municipality, optionally one DB07 section); the run loads, scores, solves and saves in a job worker
 * (`pool-run-job.server.ts`, app/jobs/background.server.ts) and its result is read here a page at a time.
 *
 * The result keeps the pairs that share an industry (the mentee's wished division or section is the mentor's industry or
 * one of the mentor's network industries) apart from the others: those are the exception, shown after the industry
 * pairs and never approved from here (they need the coordinator's reason on the candidates page). Approving from the
 * result asks the mentor, as every approval does (`requestMatch`, decision 017).
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { mentees, mentors, municipalities, poolRunPairs, poolRunUnmatched, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { AssignmentMode } from "../domain/assignment";
import type { Page } from "../domain/paging";
import { parseScopeKey, scopeKey, type PoolScope } from "../domain/pool-scope";
import { cancelJob, jobById, recentJobs, submitJob, type JobRow, type SubmitResult } from "../jobs/background.server";
import { fullName, pagedWhere } from "../utils/sql";
import { audit } from "./audit.server";
import { fail, firstMessage, ok, type Actor, type Result } from "./kernel.server";
import { EXCLUSION_ORDER } from "./match-candidates.server";
import { currentWeights } from "./match-context.server";
import { requestMatch } from "./match-requests.server";
import { withCitizen } from "./joins.server";

export const POOL_RUN_KIND = "matching_pool";
export type PoolRunParams = { scope: string; mode: AssignmentMode };
/** Why a waiting mentee got no proposal: the first hard rule that excludes most of the mentors near them, or "taken". */
export const unmatchedReasons = [...EXCLUSION_ORDER, "mentors_taken"] as const;
export type UnmatchedReason = (typeof unmatchedReasons)[number];

export type PoolRunSummary = {
  waiting: number;
  mentorsAvailable: number;
  pairs: number;
  industryPairs: number;
  otherPairs: number;
  unmatched: number;
  unmatchedByReason: Partial<Record<UnmatchedReason, number>>;
  meanScore: number | null;
  totalScore: number;
  allowedPairs: number;
  components: number;
  largest: [number, number];
  ms: { loading: number; scoring: number; solving: number; saving: number };
};

/* ------------------------------------------------------------------ starting, cancelling */

export function startPoolRun(
  input: { scope: PoolScope; mode: AssignmentMode },
  actor: Actor,
  d: Db = db(),
): SubmitResult {
  const key = scopeKey(input.scope);
  const r = submitJob(
    {
      kind: POOL_RUN_KIND,
      scopeKey: key,
      params: { scope: key, mode: input.mode } satisfies PoolRunParams,
      requestedBy: actor.id,
      weightsVersion: currentWeights(d).version,
    },
    d,
  );
  if (r.ok) audit(actor, "create", "pool_run", r.jobId, { scope: key, mode: input.mode }, d);
  return r;
}

/** The run no longer exists (or is no pool run): the route answers 404. */
export const RUN_NOT_FOUND = "matching.run.errors.notFound";

/** Cancels a queued or running run. A run that has already finished is left as it is (`matching.run.errors.finished`). */
export function cancelPoolRun(jobId: number, actor: Actor, d: Db = db()): Result {
  const job = jobById(jobId, d);
  if (!job || job.kind !== POOL_RUN_KIND) return fail(RUN_NOT_FOUND);
  const r = cancelJob(jobId, actor.id, d);
  if (!r.ok) return fail(r.error === "not_found" ? RUN_NOT_FOUND : "matching.run.errors.finished");
  audit(actor, "update", "pool_run", jobId, { status: "cancelled" }, d);
  return ok();
}

/* ------------------------------------------------------------------ reading a run */

export const pairSorts = ["score_desc", "score_asc"] as const;
export type PairSort = (typeof pairSorts)[number];

export type PoolRunView = {
  id: number;
  status: JobRow["status"];
  scope: PoolScope;
  mode: AssignmentMode;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  requestedBy: string | null;
  weightsVersion: number | null;
  progress: JobRow["progress"];
  summary: PoolRunSummary | null;
  error: string | null;
  cancelRequested: boolean;
};

function view(job: JobRow, requestedBy: string | null): PoolRunView {
  const params = job.params as PoolRunParams;
  return {
    id: job.id,
    status: job.status,
    scope: parseScopeKey(params.scope) ?? { area: "country", section: null },
    mode: params.mode,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    requestedBy,
    weightsVersion: job.weightsVersion,
    progress: job.progress,
    summary: (job.summary as PoolRunSummary | null) ?? null,
    error: job.error,
    cancelRequested: job.cancelRequestedAt !== null,
  };
}

export function poolRun(jobId: number, d: Db = db()): PoolRunView | null {
  const job = jobById(jobId, d);
  if (!job || job.kind !== POOL_RUN_KIND) return null;
  const by = job.requestedBy
    ? (d.select({ name: users.name }).from(users).where(eq(users.id, job.requestedBy)).get()?.name ?? null)
    : null;
  return view(job, by);
}

export function recentPoolRuns(d: Db = db()): PoolRunView[] {
  return recentJobs(POOL_RUN_KIND, 10, d).map((j) => view(j, null));
}

export type PoolPairRow = {
  menteeId: number;
  mentorId: number;
  score: number;
  sharedIndustry: boolean;
  reasons: { key: string; params?: Record<string, string | number | string[]> }[];
  requestId: number | null;
  refusal: string | null;
  menteeName: string;
  menteeMunicipality: string;
  mentorName: string;
  mentorMunicipality: string;
  industryCode: string;
};

const mentorMunicipality = alias(municipalities, "mentor_municipality");

/** One page (50) of a run's pairs, industry pairs or the others, by score. */
export function poolRunPairsPage(
  jobId: number,
  shared: boolean,
  page: number,
  sort: PairSort,
  d: Db = db(),
): Page<PoolPairRow> {
  return pagedWhere(
    d,
    page,
    {
      table: poolRunPairs,
      where: and(eq(poolRunPairs.jobId, jobId), eq(poolRunPairs.sharedIndustry, shared)),
      order: [sort === "score_asc" ? asc(poolRunPairs.score) : desc(poolRunPairs.score), asc(poolRunPairs.menteeId)],
    },
    withCitizen(
      d
        .select({
          menteeId: poolRunPairs.menteeId,
          mentorId: poolRunPairs.mentorId,
          score: poolRunPairs.score,
          sharedIndustry: poolRunPairs.sharedIndustry,
          reasons: poolRunPairs.reasons,
          requestId: poolRunPairs.requestId,
          refusal: poolRunPairs.refusal,
          menteeName: fullName(mentees.firstName, mentees.lastName),
          menteeMunicipality: municipalities.name,
          mentorName: fullName(mentors.firstName, mentors.lastName),
          mentorMunicipality: mentorMunicipality.name,
          industryCode: mentors.industryCode,
        })
        .from(poolRunPairs)
        .$dynamic(),
      poolRunPairs.menteeId,
    )
      .innerJoin(mentors, eq(mentors.id, poolRunPairs.mentorId))
      .innerJoin(mentorMunicipality, eq(mentorMunicipality.code, mentors.municipalityCode)),
  );
}

export type UnmatchedRow = { menteeId: number; name: string; municipality: string; reason: UnmatchedReason };

/** One page (50) of a run's mentees without a proposal, by reason. */
export function poolRunUnmatchedPage(jobId: number, page: number, d: Db = db()): Page<UnmatchedRow> {
  return pagedWhere(
    d,
    page,
    {
      table: poolRunUnmatched,
      where: eq(poolRunUnmatched.jobId, jobId),
      order: [asc(poolRunUnmatched.reason), asc(poolRunUnmatched.menteeId)],
    },
    withCitizen(
      d
        .select({
          menteeId: poolRunUnmatched.menteeId,
          name: fullName(mentees.firstName, mentees.lastName),
          municipality: municipalities.name,
          reason: sql<UnmatchedReason>`${poolRunUnmatched.reason}`,
        })
        .from(poolRunUnmatched)
        .$dynamic(),
      poolRunUnmatched.menteeId,
    ),
  );
}

/* ------------------------------------------------------------------ approving from the result */

export type PoolApproveResult = { approved: number; failed: number };

/**
 * Approves pairs of a finished run with the ordinary approval, one by one: those of the pairs named (`menteeIds`) that
 * share an industry. A pair already approved is skipped; a refused one keeps its reason.
 */
export function approveFromRun(
  jobId: number,
  menteeIds: number[],
  actor: Actor,
  d: Db = db(),
): PoolApproveResult | null {
  const job = jobById(jobId, d);
  if (!job || job.kind !== POOL_RUN_KIND || job.status !== "done") return null;
  const ids = [...new Set(menteeIds)].slice(0, 50);
  if (!ids.length) return { approved: 0, failed: 0 };
  // A pair without a shared industry is never approved from here, alone or in bulk: it needs the coordinator's reason,
  // given on the citizen's candidates page (issue 19).
  const rows = d
    .select({ menteeId: poolRunPairs.menteeId, mentorId: poolRunPairs.mentorId })
    .from(poolRunPairs)
    .where(
      and(
        eq(poolRunPairs.jobId, jobId),
        inArray(poolRunPairs.menteeId, ids),
        isNull(poolRunPairs.requestId),
        eq(poolRunPairs.sharedIndustry, true),
      ),
    )
    .all();
  let approved = 0;
  let failed = 0;
  for (const r of rows) {
    const res = requestMatch({ menteeId: r.menteeId, mentorId: r.mentorId, actor }, d);
    const at = and(eq(poolRunPairs.jobId, jobId), eq(poolRunPairs.menteeId, r.menteeId));
    if (res.ok) {
      approved++;
      d.update(poolRunPairs).set({ requestId: res.value.requestId, refusal: null }).where(at).run();
    } else {
      failed++;
      // The refusal's i18n key (the page shows it beside the pair).
      d.update(poolRunPairs)
        .set({ refusal: firstMessage(res) })
        .where(at)
        .run();
    }
  }
  return { approved, failed };
}
