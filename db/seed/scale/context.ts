/** The scale seed's shared state and its writers. */
import { eq } from "drizzle-orm";
import type { Db } from "../../client";
import { bulkInserter } from "../../bulk";
import {
  auditLog,
  consents,
  coursePauses,
  courses,
  followUps,
  meetings,
  mentees,
  mentorScreenings,
  mentors,
  messages,
  municipalities,
  outcomes,
  statusChanges,
  surveys,
  users,
} from "../../schema";
import { createRng, int } from "../../factories";
import { DEMO_PASSWORD } from "../demo-accounts";
import { hashPassword } from "../../../app/auth/password.server";
import { addDays } from "../../../app/domain/dates";
import type { AuditAction, Channel, MessageLanguage, Role } from "../../../app/domain/enums";
import { today } from "../../../app/utils/clock";
import { MUNICIPALITY_WEIGHTS, FORMER_PARTNERS, YEARS, at } from "./plan";
import { renderCache } from "./messages";

export type ScaleProgress = { phase: string; done: number; total: number; overall: number };
export type ScaleOptions = { mentees: number; seed?: number; onProgress?: (p: ScaleProgress) => void };

export type Actor = { id: number; role: Role };
export type MessageSpec = {
  at: string;
  channel: Channel;
  recipient: string;
  template: string;
  locale: MessageLanguage;
  data: Record<string, unknown>;
  subjectType: "mentee" | "mentor" | "user";
  subjectId: number;
  key: string;
  fill: string[];
  blocked: string | null;
};
export type AuditSpec = {
  at: string;
  actor: Actor | null;
  action: AuditAction;
  entityType: string;
  entityId: number;
  details: Record<string, unknown> | null;
};

/** Rows go in by the thousand: one transaction per chunk. */
export const CHUNK = 1000;

/**
 * What every part of the scale seed shares: the database and its bulk inserters, the size, the random stream, today
 * and the programme's first day, the partners, the progress report, the row counts, and the messages and access-log
 * rows collected to be written in time order at the end.
 */
export async function createScaleContext(d: Db, opts: ScaleOptions) {
  const N = Math.max(100, Math.round(opts.mentees));
  const M = Math.max(20, Math.round(N / 5));
  const rng = createRng(opts.seed ?? 20261616);
  const now = today();
  const progStart = addDays(now, -Math.round(YEARS * 365.25));
  const client = d.$client;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rendered = await renderCache();
  const known = new Set(
    d
      .select({ code: municipalities.code })
      .from(municipalities)
      .all()
      .map((m) => m.code),
  );
  const partners = d
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.isPartner, true))
    .all();
  const names = new Map(
    d
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .all()
      .map((m) => [m.code, m.name]),
  );
  const shares: [number, number][] = partners.map((p) => [p.code, MUNICIPALITY_WEIGHTS[p.code] ?? 2]);
  const former = FORMER_PARTNERS.filter((c) => known.has(c) && !partners.some((p) => p.code === c));

  const weights = { setup: 0.04, mentors: 0.07, mentees: 0.5, history: 0.03, facts: 0.14, messages: 0.15, audit: 0.07 };
  let base = 0;
  const progress = (phase: keyof typeof weights, done: number, total: number) => {
    opts.onProgress?.({ phase, done, total, overall: Math.min(1, base + weights[phase] * (total ? done / total : 1)) });
  };
  const finish = (phase: keyof typeof weights) => {
    base += weights[phase];
  };

  client.pragma("journal_mode = OFF");
  client.pragma("synchronous = OFF");
  client.pragma("cache_size = -262144");
  client.pragma("temp_store = MEMORY");
  const put = {
    user: bulkInserter(client, users),
    mentor: bulkInserter(client, mentors),
    screening: bulkInserter(client, mentorScreenings),
    mentee: bulkInserter(client, mentees),
    consent: bulkInserter(client, consents),
    course: bulkInserter(client, courses),
    pause: bulkInserter(client, coursePauses),
    meeting: bulkInserter(client, meetings),
    followUp: bulkInserter(client, followUps),
    outcome: bulkInserter(client, outcomes),
    survey: bulkInserter(client, surveys),
    status: bulkInserter(client, statusChanges),
    message: bulkInserter(client, messages),
    audit: bulkInserter(client, auditLog),
  };
  const count: Record<string, number> = {};
  const bump = (k: string, n = 1) => {
    count[k] = (count[k] ?? 0) + n;
  };
  const tx = (fn: () => void) => client.transaction(fn)();
  const messageSpecs: MessageSpec[] = [];
  const auditSpecs: AuditSpec[] = [];
  const logAudit = (
    day: string,
    hhmm: string,
    actor: Actor | null,
    action: AuditAction,
    entityType: string,
    entityId: number,
    details: Record<string, unknown> | null = null,
  ) => auditSpecs.push({ at: at(day, hhmm), actor, action, entityType, entityId, details });
  const clock = () => `${String(int(rng, 7, 15)).padStart(2, "0")}:${String(int(rng, 0, 59)).padStart(2, "0")}`;
  /**
   * A status-history row of the past, written in bulk: the one exception to "only `changeStatus` writes
   * `status_changes`" (decision 021). The scale seed writes millions of rows of years of history (every mentor's,
   * citizen's and course's) through prepared statements in large transactions; each record is written once, already
   * in today's status, so there is no current status for `changeStatus` to check and move, and a check, an update and
   * an access-log row per change would multiply the seed's time. The stories come from `planCourses` and follow the
   * machines' transitions (the scale test checks the statuses).
   */
  const status = (
    entityType: "mentor" | "mentee" | "course",
    entityId: number,
    fromStatus: string | null,
    toStatus: string,
    day: string,
    byUserId: number | null,
    reason: string | null = null,
  ) => {
    put.status({ entityType, entityId, fromStatus, toStatus, reason, byUserId, at: at(day, "11:00") });
    bump("status_changes");
  };

  return {
    d,
    opts,
    N,
    M,
    rng,
    now,
    progStart,
    client,
    passwordHash,
    rendered,
    known,
    partners,
    names,
    shares,
    former,
    progress,
    finish,
    put,
    count,
    bump,
    tx,
    messageSpecs,
    auditSpecs,
    logAudit,
    clock,
    status,
  };
}

export type ScaleCtx = Awaited<ReturnType<typeof createScaleContext>>;
