/**
 * The national-scale data set (issue 16): years of a programme at full size, for benchmarks and the CI-sized page
 * check. For N citizens (mentees): N/5 mentors, about N/2 courses with ~8 meetings each, outcomes for completed
 * courses, follow-up calls, surveys, pauses, status history, ~3 messages per citizen (only failed ones keep their
 * payload, as the outbox does), audit-log rows, every status of every lifecycle. Citizens are spread over the
 * partner municipalities with a realistic skew (Aarhus and Copenhagen large, the rest small) plus a few of former
 * partners; mentors partly live in a neighbouring municipality. Dates run over five years up to today.
 *
 * Values come from the factories (db/factories.ts); rows go in through prepared statements in large transactions
 * (db/bulk.ts). The demo logins (db/seed/demo.ts) exist with the demo's e-mails and password: the coordinator, the
 * caseworkers of Aarhus (751) and Kolding (621) with their municipalities' share of the volume, the admin, and the
 * demo mentor with an active course. Deterministic for a given size, except e-mail suffixes and the time of day.
 */
import type Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { migrateDb, openDb, type Db } from "../client";
import { applyReferenceData } from "../reference";
import { bulkInserter } from "../bulk";
import {
  auditLog,
  consents,
  courseFacts,
  coursePauses,
  courses,
  followUps,
  jobRuns,
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
} from "../schema";
import {
  completedOutcomes,
  createRng,
  DANISH_FIRST,
  DANISH_LAST,
  followUpValues,
  int,
  meetingValues,
  menteeValues,
  mentorValues,
  pick,
  surveyValues,
  weighted,
  type Rng,
} from "../factories";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, DEMO_DOMAIN, DEMO_USERS } from "./demo";
import { hashPassword } from "../../app/auth/password.server";
import { addDays, addMonths, daysBetween } from "../../app/domain/dates";
import type {
  AuditAction,
  Channel,
  CourseStatus,
  EndReason,
  MenteeStatus,
  MentorStatus,
  MessageLanguage,
  Role,
} from "../../app/domain/enums";
import { messageLanguages } from "../../app/domain/enums";
import { renderMessage, templates } from "../../emails";
import { sampleData } from "../../emails/editable";
import { WELCOME_TEMPLATE } from "../../app/services/referrals.server";
import { today } from "../../app/utils/clock";
import { refreshStaleFacts } from "../../app/services/course-facts.server";

export type ScaleProgress = { phase: string; done: number; total: number; overall: number };
export type ScaleOptions = { mentees: number; seed?: number; onProgress?: (p: ScaleProgress) => void };

/** Share of referred citizens per partner municipality (relative weights): Copenhagen and Aarhus large. */
export const MUNICIPALITY_WEIGHTS: Record<number, number> = {
  101: 24,
  751: 20,
  621: 7,
  657: 6,
  540: 5,
  510: 4.5,
  580: 4,
  430: 3.5,
  575: 3,
  707: 3,
  390: 3,
  550: 2.5,
  530: 2,
};
/** Former partners: a few closed cases from before they left (reports list municipalities with referred citizens). */
const FORMER_PARTNERS = [461, 851];
const FORMER_SHARE = 0.01;
/** Some mentors live next door to the partner municipality they volunteer in. */
const NEIGHBOURS: Record<number, number[]> = {
  101: [147, 157, 173],
  751: [706, 710, 727, 740],
  621: [607, 630],
  657: [661, 756],
  430: [410, 420, 440, 479],
  390: [370],
};
const YEARS = 5;

const MENTEE_PLAN: [MenteeStatus, number][] = [
  ["waiting", 12.4],
  ["withdrawn", 39.6],
  ["matched", 1.1],
  ["in_course", 5.4],
  ["completed", 32],
  ["ended_early", 9.5],
];
const MENTOR_PLAN: [MentorStatus | "pool", number][] = [
  ["pool", 55.5],
  ["retired", 30],
  ["rejected", 6],
  ["paused", 4],
  ["applied", 2.5],
  ["screening", 2],
];
const END_REASONS: [EndReason, number][] = [
  ["got_job", 20],
  ["mentee_withdrew", 20],
  ["mentor_withdrew", 10],
  ["no_contact", 15],
  ["moved", 10],
  ["personal_circumstances", 15],
  ["consent_withdrawn", 3],
  ["other", 7],
];
const WITHDRAWN_REASONS = [
  "Borgeren er flyttet til en anden kommune",
  "Borgeren har fået job",
  "Borgeren er startet på uddannelse",
  "Borgeren ønsker ikke at deltage alligevel",
  "Ikke muligt at få kontakt",
];
const APP_URL = "http://localhost:3000";

type MentorMeta = {
  id: number;
  userId: number | null;
  firstName: string;
  email: string;
  locale: MessageLanguage;
  status: MentorStatus | "pool";
  serves: number;
  createdOn: string;
  capacity: number;
  live: number;
  firstMatched: string | null;
  lastEnded: string | null;
  pausedFrom: string | null;
};
type Actor = { id: number; role: Role };
type MessageSpec = {
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
type AuditSpec = {
  at: string;
  actor: Actor | null;
  action: AuditAction;
  entityType: string;
  entityId: number;
  details: Record<string, unknown> | null;
};

/** Rendered once per template, language and channel with markers for the personal parts, filled per message. */
const MARK = (i: number) => `@@${i}@@`;
type Compiled = (string | number)[];
function compile(s: string): Compiled {
  return s.split(/@@(\d+)@@/).map((part, i) => (i % 2 ? Number(part) : part));
}
function fill(c: Compiled, values: string[]): string {
  let out = "";
  for (const p of c) out += typeof p === "number" ? values[p] : p;
  return out;
}
/** The string fields of each template's data that differ per message (in marker order). */
const PERSONAL: Record<string, string[]> = {
  [WELCOME_TEMPLATE]: ["firstName"],
  match_mentee: ["mentorFirstName"],
  course_started_mentee: [],
  course_ended_mentee: [],
  match_mentor: ["mentorFirstName", "menteeFirstName", "menteePhone", "menteeEmail", "municipality", "startDate"],
};

async function renderCache() {
  const cache = new Map<string, { subject: Compiled; text: Compiled; html: Compiled | null }>();
  for (const [key, fields] of Object.entries(PERSONAL)) {
    const t = templates.get(key)!;
    const data = { ...sampleData(t), ...Object.fromEntries(fields.map((f, i) => [f, MARK(i)])) };
    for (const locale of messageLanguages) {
      for (const channel of ["sms", "email"] as const) {
        const unsubscribeUrl = channel === "email" && t.audience === "mentee" ? `${APP_URL}/afmeld/eksempel` : null;
        const r = await renderMessage(key, locale, data, channel, { unsubscribeUrl });
        cache.set(`${key}|${locale}|${channel}`, {
          subject: compile(r.subject),
          text: compile(r.text),
          html: r.html ? compile(r.html) : null,
        });
      }
    }
  }
  return cache;
}

/** A day between `from` and `to` (inclusive), more often late than early: the programme grew over the years. */
function rampDay(rng: Rng, from: string, to: string): string {
  const span = Math.max(0, daysBetween(from, to));
  for (;;) {
    const t = rng();
    if (rng() < 0.4 + 0.6 * t) return addDays(from, Math.floor(t * (span + 1)));
  }
}
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);
const at = (day: string, hhmm = "10:00") => `${day}T${hhmm}:00.000Z`;

type CoursePlan = {
  status: CourseStatus;
  proposedOn: string;
  matchedOn: string | null;
  start: string | null;
  plannedEnd: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  pauses: { from: string; to: string | null }[];
};

/** Whether a database may receive the scale seed: no rows in any table but the migrations' and the reference data's. */
export function isScaleTarget(client: Database.Database): { empty: boolean; rows: number; table?: string } {
  const reference = new Set([
    "municipalities",
    "industries",
    "reference_versions",
    "data_stamps",
    "__drizzle_migrations",
    "sqlite_sequence",
  ]);
  const tables = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    if (reference.has(name)) continue;
    const n = (client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    if (n > 0) return { empty: false, rows: n, table: name };
  }
  return { empty: true, rows: 0 };
}

export class NotEmptyError extends Error {}

/** Opens (or creates) the file, refuses it unless empty, migrates, applies reference data and seeds; returns row counts. */
export async function seedScaleFile(path: string, opts: ScaleOptions): Promise<Record<string, number>> {
  const d = openDb(path);
  try {
    const target = isScaleTarget(d.$client);
    if (!target.empty)
      throw new NotEmptyError(
        `${path} is not empty (${target.rows} rows in ${target.table}); give a new path or delete the file first`,
      );
    migrateDb(d);
    applyReferenceData(d);
    const counts = await seedScale(d, opts);
    d.$client.pragma("wal_checkpoint(TRUNCATE)");
    return counts;
  } finally {
    d.$client.close();
  }
}

export async function seedScale(d: Db, opts: ScaleOptions): Promise<Record<string, number>> {
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

  /* ---------------------------------------------------------------- staff */
  const coordinators: Actor[] = [];
  const caseworkers = new Map<number, Actor[]>();
  let admin!: Actor;
  tx(() => {
    // The partners' history starts with the data set's.
    d.update(municipalities)
      .set({ partnerSince: progStart, agreementDate: progStart, dpaDate: progStart })
      .where(eq(municipalities.isPartner, true))
      .run();
    const person = (i: number) =>
      `${DANISH_FIRST[i % DANISH_FIRST.length]} ${DANISH_LAST[(i * 7) % DANISH_LAST.length]}`;
    const staff = (email: string, name: string, role: Role, municipalityCode: number | null = null): Actor => {
      // Admins must have a second factor (issue 15): the demo admin's published one, as in the demo.
      const totpSecret = email === DEMO_USERS.admin ? DEMO_ADMIN_TOTP_SECRET : null;
      const id = put.user({
        email,
        name,
        role,
        municipalityCode,
        passwordHash,
        totpSecret,
        emailVerifiedAt: at(progStart),
        createdAt: at(progStart),
        updatedAt: at(progStart),
      });
      bump("users");
      return { id, role };
    };
    admin = staff(DEMO_USERS.admin, "Astrid Admin", "admin");
    coordinators.push(staff(DEMO_USERS.coordinator, "Katrine Koordinator", "coordinator"));
    coordinators.push(staff(`koordinator2@${DEMO_DOMAIN}`, "Ali Koordinator", "coordinator"));
    for (let i = 3; i <= 2 + Math.floor(N / 25_000); i++)
      coordinators.push(staff(`koordinator${i}@${DEMO_DOMAIN}`, person(i), "coordinator"));
    const total = shares.reduce((s, [, w]) => s + w, 0);
    partners.forEach((p, k) => {
      const email =
        p.code === 751
          ? DEMO_USERS.caseworker
          : p.code === 621
            ? DEMO_USERS.caseworker2
            : `sagsbehandler.${p.code}@${DEMO_DOMAIN}`;
      const list = [staff(email, person(k + 20), "caseworker", p.code)];
      const extra = Math.round((N * (MUNICIPALITY_WEIGHTS[p.code] ?? 2)) / total / 4000) - 1;
      for (let i = 2; i <= 1 + extra; i++)
        list.push(staff(`sagsbehandler.${p.code}.${i}@${DEMO_DOMAIN}`, person(k * 5 + i + 40), "caseworker", p.code));
      caseworkers.set(p.code, list);
    });
  });
  progress("setup", 1, 1);
  finish("setup");
  const coordinator = () => pick(rng, coordinators);
  const caseworkerOf = (code: number) => {
    const l = caseworkers.get(code);
    return l ? pick(rng, l) : null;
  };

  /* ---------------------------------------------------------------- mentors */
  const mentorList: MentorMeta[] = [];
  const livePool = new Map<number, MentorMeta[]>();
  const pastPool = new Map<number, MentorMeta[]>();
  const CHUNK = 1000;
  const newMentor = (o: { status: MentorStatus | "pool"; serves: number; createdOn: string; demo?: boolean }) => {
    const home =
      !o.demo && NEIGHBOURS[o.serves] && rng() < 0.12
        ? (pick(
            rng,
            NEIGHBOURS[o.serves].filter((c) => known.has(c)),
          ) ?? o.serves)
        : o.serves;
    const st: MentorStatus = o.status === "pool" ? "approved" : o.status;
    const verified = st !== "applied" || rng() < 0.67;
    const pausedFrom = st === "paused" ? addDays(now, -int(rng, 5, 60)) : null;
    const values = mentorValues(rng, [home], {
      status: st,
      createdAt: at(o.createdOn),
      updatedAt: at(o.createdOn),
      emailVerifiedAt: verified ? at(o.createdOn, "10:05") : null,
      rejectionReason: st === "rejected" ? "Ikke erhvervserfaring i Danmark endnu" : null,
      pausedFrom,
      pausedTo: pausedFrom ? addDays(now, int(rng, 10, 90)) : null,
      ...(o.demo
        ? {
            firstName: "Mads",
            lastName: "Mentorsen",
            email: DEMO_USERS.mentor,
            industryCode: "41",
            jobTitle: "Byggeleder",
            capacity: 1,
          }
        : {}),
    });
    let userId: number | null = null;
    if (verified) {
      userId = put.user({
        email: values.email,
        name: `${values.firstName} ${values.lastName}`,
        role: "mentor",
        passwordHash,
        emailVerifiedAt: at(o.createdOn, "10:05"),
        createdAt: at(o.createdOn, "10:05"),
        updatedAt: at(o.createdOn, "10:05"),
      });
      bump("users");
    }
    const id = put.mentor({ ...values, userId });
    bump("mentors");
    const meta: MentorMeta = {
      id,
      userId,
      firstName: values.firstName,
      email: values.email,
      locale: (values.locale ?? "da") as MessageLanguage,
      status: o.status,
      serves: o.serves,
      createdOn: o.createdOn,
      capacity: values.capacity ?? 1,
      live: 0,
      firstMatched: null,
      lastEnded: null,
      pausedFrom,
    };
    mentorList.push(meta);
    const c = coordinator();
    if (st !== "applied") {
      put.screening({
        mentorId: id,
        step: "screening_call",
        doneOn: addDays(o.createdOn, 4),
        notes: "God samtale, klar motivation.",
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 4)),
      });
      bump("mentor_screenings");
    }
    if (st !== "applied" && st !== "screening" && st !== "rejected") {
      put.screening({
        mentorId: id,
        step: "introduction",
        doneOn: addDays(o.createdOn, 12),
        form: pick(rng, ["meeting", "online"]),
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 12)),
      });
      put.screening({
        mentorId: id,
        step: "confidentiality_declaration",
        doneOn: addDays(o.createdOn, 12),
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 12)),
      });
      bump("mentor_screenings", 2);
      logAudit(addDays(o.createdOn, 14), clock(), c, "update", "mentor", id, { field: "status", to: "approved" });
    }
    for (const purpose of ["mentor_data_processing", "mentor_confidentiality"] as const) {
      put.consent({
        subjectType: "mentor",
        subjectId: id,
        purpose,
        textVersion: "2026-01",
        givenAt: at(o.createdOn),
        recordedBy: null,
        createdAt: at(o.createdOn),
      });
      bump("consents");
    }
    if (o.status === "pool") (livePool.get(o.serves) ?? livePool.set(o.serves, []).get(o.serves)!).push(meta);
    if (o.status === "pool" || o.status === "retired" || o.status === "paused")
      (pastPool.get(o.serves) ?? pastPool.set(o.serves, []).get(o.serves)!).push(meta);
    return meta;
  };
  let demoMentor!: MentorMeta;
  for (let i = 0; i < M; i += CHUNK) {
    tx(() => {
      for (let k = i; k < Math.min(M, i + CHUNK); k++) {
        if (k === 0) {
          demoMentor = newMentor({ status: "pool", serves: 751, createdOn: addDays(progStart, 30), demo: true });
          continue;
        }
        const st = weighted(rng, MENTOR_PLAN);
        const createdOn =
          st === "applied"
            ? addDays(now, -int(rng, 1, 30))
            : st === "screening"
              ? addDays(now, -int(rng, 10, 60))
              : rampDay(rng, addDays(progStart, -60), addDays(now, -30));
        newMentor({ status: st, serves: weighted(rng, shares), createdOn });
      }
    });
    progress("mentors", Math.min(M, i + CHUNK), M);
  }
  finish("mentors");
  for (const pool of pastPool.values()) pool.sort((a, b) => (a.createdOn < b.createdOn ? -1 : 1));
  const allLive = [...livePool.values()].flat();
  const veterans = [...pastPool.values()]
    .flat()
    .sort((a, b) => (a.createdOn < b.createdOn ? -1 : 1))
    .slice(0, 50);
  // The demo mentor's place goes to the demo citizen's course.
  livePool.set(
    751,
    livePool.get(751)!.filter((m) => m !== demoMentor),
  );

  /** A mentor who had joined before `day`, preferably one volunteering in `code`. */
  const pastMentor = (code: number, day: string): MentorMeta => {
    const pool = pastPool.get(code) ?? [];
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid].createdOn <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? pool[Math.floor(rng() * lo)] : pick(rng, veterans);
  };
  const liveMentor = (code: number): MentorMeta => {
    const pool = livePool.get(code) ?? [];
    for (let k = 0; k < 30 && pool.length; k++) {
      const m = pool[Math.floor(rng() * pool.length)];
      if (m.live < m.capacity) return m;
    }
    const free = pool.find((m) => m.live < m.capacity) ?? allLive.find((m) => m !== demoMentor && m.live < m.capacity);
    if (!free) throw new Error("seed:scale: not enough mentors with a free place");
    return free;
  };

  /* ---------------------------------------------------------------- citizens and their courses */
  const planCourses = (
    st: MenteeStatus,
    demo: boolean,
  ): { referred: string; courses: CoursePlan[]; withdrawnOn?: string; returned?: string } => {
    const plans: CoursePlan[] = [];
    const approvedCourse = (matchedOn: string, start: string, o: Partial<CoursePlan>): CoursePlan => ({
      status: "approved",
      proposedOn: matchedOn,
      matchedOn,
      start,
      plannedEnd: addMonths(start, 6),
      endedOn: null,
      endReason: null,
      pauses: [],
      ...o,
    });
    const earlyEnd = (startFrom: string, startTo: string): CoursePlan => {
      const start = rampDay(rng, startFrom, startTo);
      return approvedCourse(addDays(start, -int(rng, 5, 14)), start, {
        status: "ended_early",
        endedOn: minDay(addDays(start, int(rng, 20, 150)), addDays(now, -1)),
        endReason: weighted(rng, END_REASONS),
      });
    };
    let referred: string;
    switch (st) {
      case "waiting": {
        if (rng() < 0.08) {
          referred = addDays(now, -int(rng, 300, 900));
          const early = earlyEnd(addDays(referred, 25), addDays(referred, 120));
          plans.push(early);
          return { referred, courses: plans, returned: addDays(early.endedOn!, 1) };
        }
        referred = addDays(now, -Math.min(700, 1 + Math.floor(-Math.log(1 - rng()) * 110)));
        if (rng() < 0.02)
          plans.push({
            status: "proposed",
            proposedOn: maxDay(referred, addDays(now, -int(rng, 0, 5))),
            matchedOn: null,
            start: null,
            plannedEnd: null,
            endedOn: null,
            endReason: null,
            pauses: [],
          });
        return { referred, courses: plans };
      }
      case "withdrawn": {
        referred = rampDay(rng, progStart, addDays(now, -15));
        return {
          referred,
          courses: plans,
          withdrawnOn: minDay(addDays(referred, int(rng, 10, 150)), addDays(now, -1)),
        };
      }
      case "matched": {
        const matchedOn = addDays(now, -int(rng, 0, 20));
        plans.push(approvedCourse(matchedOn, addDays(now, int(rng, 1, 14)), {}));
        break;
      }
      case "in_course": {
        const extended = !demo && rng() < 0.08;
        const start = demo
          ? addDays(now, -60)
          : extended
            ? addDays(now, -int(rng, 176, 240))
            : addDays(now, -int(rng, 0, 175));
        const plan = approvedCourse(addDays(start, -int(rng, 5, 14)), start, { status: "active" });
        if (extended) plan.plannedEnd = addMonths(start, 8);
        if (!demo && rng() < 0.08 && daysBetween(start, now) > 35) {
          plan.status = "paused";
          plan.pauses.push({ from: maxDay(addDays(start, 30), addDays(now, -int(rng, 5, 40))), to: null });
        } else if (!demo && rng() < 0.1 && daysBetween(start, now) > 80) {
          const from = addDays(start, int(rng, 30, 60));
          const to = addDays(from, int(rng, 14, 42));
          plan.pauses.push({ from, to: minDay(to, addDays(now, -1)) });
          plan.plannedEnd = addDays(plan.plannedEnd!, daysBetween(from, minDay(to, addDays(now, -1))));
        }
        plans.push(plan);
        break;
      }
      case "completed": {
        const endedOn = rampDay(rng, addDays(progStart, 400), addDays(now, -1));
        const months = rng() < 0.1 ? 8 : 6;
        const start = addMonths(endedOn, -months);
        const plan = approvedCourse(addDays(start, -int(rng, 5, 14)), start, {
          status: "completed",
          endedOn,
          plannedEnd: endedOn,
        });
        if (months === 8 && rng() < 0.5) {
          const from = addDays(start, int(rng, 30, 90));
          plan.pauses.push({ from, to: addDays(from, int(rng, 14, 42)) });
        }
        plans.push(plan);
        break;
      }
      case "ended_early":
        plans.push(earlyEnd(addDays(progStart, 170), addDays(now, -25)));
        break;
    }
    const first = plans[0];
    // Some came back after a course that ended early, and got a new one.
    if (!demo && rng() < 0.04 && daysBetween(progStart, first.matchedOn!) > 400)
      plans.unshift(earlyEnd(addDays(progStart, 60), addDays(first.matchedOn!, -200)));
    referred = maxDay(progStart, addDays(plans[0].matchedOn!, -int(rng, 10, 150)));
    return { referred, courses: plans };
  };

  const menteeChannel = (m: typeof mentees.$inferInsert): { channel: Channel; recipient: string } =>
    m.preferredChannel === "email" && m.email
      ? { channel: "email", recipient: m.email }
      : { channel: "sms", recipient: m.phone! };

  const addCourse = (
    menteeId: number,
    mentee: typeof mentees.$inferInsert,
    code: number,
    plan: CoursePlan,
    mentor: MentorMeta,
    optOut: string | null,
  ) => {
    const coord = coordinator();
    const matched = plan.matchedOn;
    const reasons =
      mentor.serves === code
        ? [
            { key: "industry_division", params: { code: mentor.id % 2 ? "41" : "47" } },
            { key: "same_municipality", params: { name: names.get(code) ?? String(code) } },
          ]
        : [
            { key: "industry_section", params: { code: "G" } },
            { key: "distance", params: { km: int(rng, 5, 30) } },
          ];
    const courseId = put.course({
      menteeId,
      mentorId: mentor.id,
      status: plan.status,
      proposedAt: at(plan.proposedOn, "09:30"),
      proposedBy: coord.id,
      approvedAt: matched ? at(matched, "11:00") : null,
      approvedBy: matched ? coord.id : null,
      startDate: plan.start,
      plannedEndDate: plan.plannedEnd,
      endedOn: plan.endedOn,
      endReason: plan.endReason,
      endNote: plan.endReason === "other" ? "Se opfølgningsnoter." : null,
      matchScore: plan.status === "proposed" ? int(rng, 40, 70) : int(rng, 55, 95),
      matchReasons: reasons,
      weightsVersion: 1,
      createdAt: at(plan.proposedOn, "09:30"),
      updatedAt: at(plan.endedOn ?? plan.start ?? plan.proposedOn),
    });
    bump("courses");
    if (plan.status === "proposed") {
      status("course", courseId, null, "proposed", plan.proposedOn, coord.id);
      return;
    }
    status("course", courseId, null, "approved", matched!, coord.id);
    logAudit(matched!, clock(), coord, "create", "course", courseId, {
      menteeId,
      mentorId: mentor.id,
      weightsVersion: 1,
      manual: false,
    });
    logAudit(matched!, clock(), coord, "update", "mentee", menteeId, { field: "status", to: "matched", courseId });
    mentor.firstMatched = mentor.firstMatched && mentor.firstMatched < matched! ? mentor.firstMatched : matched;
    const menteeTo = menteeChannel(mentee);
    const blockedFrom = (day: string) =>
      optOut && menteeTo.channel === "sms" && day >= optOut ? "opted out of SMS" : null;
    messageSpecs.push({
      at: at(matched!, "11:01"),
      channel: "email",
      recipient: mentor.email,
      template: "match_mentor",
      locale: mentor.locale,
      subjectType: "mentor",
      subjectId: mentor.id,
      key: `match_mentor:${courseId}`,
      blocked: null,
      data: {
        mentorFirstName: mentor.firstName,
        menteeFirstName: mentee.firstName,
        menteePhone: mentee.phone,
        menteeEmail: mentee.email,
        municipality: names.get(code) ?? "",
        languages: mentee.languages,
        danishLevel: mentee.danishLevel,
        wishedIndustryCodes: mentee.wishedIndustryCodes,
        goals: mentee.goals,
        startDate: plan.start,
        url: `${APP_URL}/mentor`,
      },
      fill: [
        mentor.firstName,
        mentee.firstName,
        mentee.phone ?? "–",
        mentee.email ?? "–",
        names.get(code) ?? "",
        plan.start ?? "",
      ],
    });
    messageSpecs.push({
      at: at(matched!, "11:01"),
      ...menteeTo,
      template: "match_mentee",
      locale: mentee.language!,
      subjectType: "mentee",
      subjectId: menteeId,
      key: `match_mentee:${courseId}`,
      data: { mentorFirstName: mentor.firstName },
      fill: [mentor.firstName],
      blocked: blockedFrom(matched!),
    });
    if (plan.status === "approved") return;

    const start = plan.start!;
    status("course", courseId, "approved", "active", start, coord.id);
    messageSpecs.push({
      at: at(start, "09:00"),
      ...menteeTo,
      template: "course_started_mentee",
      locale: mentee.language!,
      subjectType: "mentee",
      subjectId: menteeId,
      key: `course:${courseId}:started:mentee`,
      data: { startDate: start },
      fill: [],
      blocked: blockedFrom(start),
    });
    for (const p of plan.pauses) {
      put.pause({
        courseId,
        fromDate: p.from,
        toDate: p.to,
        reason: pick(rng, ["Sygdom i familien", "Ferie", "Mentor på arbejdsrejse"]),
        createdBy: coord.id,
        createdAt: at(p.from),
      });
      bump("course_pauses");
      status("course", courseId, "active", "paused", p.from, coord.id);
      if (p.to) status("course", courseId, "paused", "active", p.to, coord.id);
    }
    const openPause = plan.pauses.find((p) => !p.to);
    const until = minDay(plan.endedOn ?? now, openPause ? openPause.from : now);
    const inPause = (day: string) => plan.pauses.some((p) => p.to && day >= p.from && day <= p.to);
    const behind = rng() < 1 / 7;
    for (
      let day = addDays(start, int(rng, 0, 6));
      day <= until;
      day = addDays(day, behind ? int(rng, 30, 50) : int(rng, 12, 24))
    ) {
      if (inPause(day)) continue;
      put.meeting(meetingValues(rng, courseId, day, { createdBy: mentor.userId }));
      bump("meetings");
    }
    for (let call = addDays(start, 7); call <= until; call = addDays(call, int(rng, 28, 42))) {
      put.followUp(followUpValues(rng, courseId, call, coordinator().id));
      bump("follow_ups");
      if (rng() < 0.3) logAudit(call, clock(), coord, "view", "course", courseId);
    }
    const survey = (kind: "day30" | "closure", sentOn: string) => {
      for (const respondent of ["mentee", "mentor"] as const) {
        put.survey(surveyValues(rng, courseId, kind, respondent, sentOn, now));
        bump("surveys");
      }
    };
    if (addDays(start, 30) <= until) survey("day30", addDays(start, 30));
    if (plan.endedOn) {
      survey("closure", plan.endedOn);
      status("course", courseId, openPause ? "paused" : "active", plan.status, plan.endedOn, coord.id, plan.endReason);
      messageSpecs.push({
        at: at(plan.endedOn, "12:00"),
        ...menteeTo,
        template: "course_ended_mentee",
        locale: mentee.language!,
        subjectType: "mentee",
        subjectId: menteeId,
        key: `course:${courseId}:ended:mentee`,
        data: {},
        fill: [],
        blocked: blockedFrom(plan.endedOn),
      });
      logAudit(plan.endedOn, clock(), coord, "update", "course", courseId, { field: "status", to: plan.status });
      mentor.lastEnded = mentor.lastEnded && mentor.lastEnded > plan.endedOn ? mentor.lastEnded : plan.endedOn;
    }
    if (plan.status === "completed") {
      for (const o of completedOutcomes(rng, courseId, plan.endedOn!, addMonths(plan.endedOn!, 3), now, coord.id)) {
        put.outcome(o);
        bump("outcomes");
      }
    } else if (plan.endReason === "got_job") {
      put.outcome({
        courseId,
        type: pick(rng, ["job_full_time", "job_part_time"] as const),
        phase: "end",
        outcomeDate: plan.endedOn!,
        recordedBy: coord.id,
        createdAt: at(plan.endedOn!, "12:00"),
      });
      bump("outcomes");
    } else if (plan.status === "active" && plan.plannedEnd! <= addDays(now, 20) && rng() < 0.3) {
      // The mentor has proposed an outcome near the end; the coordinator has not confirmed it yet.
      put.outcome({
        courseId,
        type: "job_part_time",
        phase: "end",
        outcomeDate: addDays(now, -int(rng, 1, 10)),
        confirmed: false,
        recordedBy: mentor.userId,
        createdAt: at(addDays(now, -1)),
      });
      bump("outcomes");
    }
  };

  for (let i = 0; i < N; i += CHUNK) {
    tx(() => {
      for (let k = i; k < Math.min(N, i + CHUNK); k++) {
        const demo = k === 0;
        const isFormer = !demo && former.length > 0 && rng() < FORMER_SHARE;
        const code = demo ? 751 : isFormer ? pick(rng, former) : weighted(rng, shares);
        let st: MenteeStatus = demo ? "in_course" : weighted(rng, MENTEE_PLAN);
        if (isFormer && !["withdrawn", "completed", "ended_early"].includes(st)) st = "completed";
        const plan = planCourses(st, demo);
        if (isFormer) {
          // Closed before the municipality left the programme: shift the whole story back a year.
          plan.referred = maxDay(progStart, addDays(plan.referred, -365));
          plan.courses = plan.courses
            .filter((c) => !c.endedOn || addDays(c.endedOn, -365) > progStart)
            .map((c) => shiftPlan(c, -365));
          if (!plan.courses.length) {
            st = "withdrawn";
            plan.withdrawnOn = addDays(plan.referred, 30);
          }
        }
        const cw = isFormer ? null : caseworkerOf(code);
        // Mentors volunteer in partner municipalities; a former partner's citizens had mentors from the partners.
        const mentorCode = isFormer ? weighted(rng, shares) : code;
        const last = plan.courses[plan.courses.length - 1];
        const optOut = rng() < 0.01 ? addDays(plan.referred, int(rng, 5, 60)) : null;
        const values = menteeValues(rng, code, {
          status: st,
          referredBy: cw?.id ?? null,
          referredAt: at(plan.referred, "09:00"),
          createdAt: at(plan.referred, "09:00"),
          matchedAt: last?.matchedOn ? at(last.matchedOn, "11:00") : null,
          withdrawnReason: st === "withdrawn" ? pick(rng, WITHDRAWN_REASONS) : null,
          smsOptOutAt: optOut && optOut <= now ? at(optOut, "20:00") : null,
          updatedAt: at(plan.withdrawnOn ?? last?.endedOn ?? last?.start ?? plan.referred),
          ...(demo ? { preferredChannel: "sms" as const } : {}),
        });
        const id = put.mentee(values);
        bump("mentees");
        for (const purpose of ["participation", "share_with_mentor", "sms"] as const) {
          put.consent({
            subjectType: "mentee",
            subjectId: id,
            purpose,
            textVersion: "2026-01",
            givenAt: at(plan.referred, "09:00"),
            recordedBy: cw?.id ?? null,
            createdAt: at(plan.referred, "09:00"),
          });
          bump("consents");
        }
        status("mentee", id, null, "waiting", plan.referred, cw?.id ?? null, "referred");
        if (cw) logAudit(plan.referred, "09:00", cw, "create", "mentee", id);
        const to = menteeChannel(values);
        messageSpecs.push({
          at: at(plan.referred, "09:00"),
          ...to,
          template: WELCOME_TEMPLATE,
          locale: values.language!,
          subjectType: "mentee",
          subjectId: id,
          key: `${WELCOME_TEMPLATE}:${id}`,
          data: { firstName: values.firstName },
          fill: [values.firstName],
          blocked: null,
        });
        let prev: string = "waiting";
        for (const c of plan.courses) {
          const live =
            c.status === "proposed" || c.status === "approved" || c.status === "active" || c.status === "paused";
          const mentor = demo
            ? demoMentor
            : live
              ? liveMentor(mentorCode)
              : pastMentor(mentorCode, addDays(c.proposedOn, -10));
          if (live && c.status !== "proposed") mentor.live++;
          addCourse(id, values, code, c, mentor, optOut);
          if (c.status === "proposed") continue;
          status("mentee", id, prev, "matched", c.matchedOn!, coordinator().id);
          prev = "matched";
          if (c.status === "approved") continue;
          status("mentee", id, "matched", "in_course", c.start!, null);
          prev = "in_course";
          if (c.endedOn) {
            status("mentee", id, "in_course", c.status, c.endedOn, null);
            prev = c.status;
          }
          if (c.status === "ended_early" && c !== last) {
            status(
              "mentee",
              id,
              "ended_early",
              "waiting",
              addDays(c.endedOn!, 1),
              coordinator().id,
              "returned to waiting",
            );
            prev = "waiting";
          }
        }
        if (plan.returned)
          status("mentee", id, "ended_early", "waiting", plan.returned, coordinator().id, "returned to waiting");
        if (plan.withdrawnOn)
          status(
            "mentee",
            id,
            "waiting",
            "withdrawn",
            plan.withdrawnOn,
            cw?.id ?? coordinator().id,
            values.withdrawnReason ?? null,
          );
        // Staff read the record now and then (each read is logged).
        const lastDay = minDay(now, plan.withdrawnOn ?? last?.endedOn ?? now);
        for (let v = int(rng, 0, 2); v > 0; v--)
          logAudit(rampDay(rng, plan.referred, lastDay), clock(), coordinator(), "view", "mentee", id);
        if (cw && rng() < 0.6) logAudit(rampDay(rng, plan.referred, lastDay), clock(), cw, "view", "mentee", id);
      }
    });
    progress("mentees", Math.min(N, i + CHUNK), N);
  }
  finish("mentees");

  /* ---------------------------------------------------------------- mentors' status follows their history */
  tx(() => {
    const setStatus = client.prepare("UPDATE mentors SET status = ?, updated_at = ? WHERE id = ?");
    for (const [k, m] of mentorList.entries()) {
      status("mentor", m.id, null, "applied", m.createdOn, null);
      if (m.status === "applied") continue;
      status("mentor", m.id, "applied", "screening", addDays(m.createdOn, 4), coordinators[0].id);
      if (m.status === "screening") continue;
      if (m.status === "rejected") {
        status("mentor", m.id, "screening", "rejected", addDays(m.createdOn, 14), coordinators[0].id);
        continue;
      }
      status("mentor", m.id, "screening", "approved", addDays(m.createdOn, 14), coordinators[0].id);
      let current = "approved";
      if (m.firstMatched) {
        status("mentor", m.id, "approved", "active", m.firstMatched, coordinators[0].id);
        current = "active";
      }
      if (m.status === "pool") {
        const st = m.live > 0 ? "active" : "approved";
        if (st !== current) status("mentor", m.id, current, st, m.lastEnded ?? now, null);
        if (st === "active") setStatus.run("active", at(m.firstMatched ?? now), m.id);
      } else if (m.status === "retired") {
        const day = minDay(
          addDays(now, -1),
          maxDay(addDays(m.lastEnded ?? m.createdOn, int(rng, 10, 200)), addDays(m.createdOn, int(rng, 100, 700))),
        );
        status("mentor", m.id, current, "retired", day, coordinators[0].id, "Ønsker at stoppe som mentor");
      } else if (m.status === "paused") {
        status("mentor", m.id, current, "paused", m.pausedFrom!, null);
      }
      if (k % 1000 === 0) progress("history", k, mentorList.length);
    }
    // The course job has followed up today already (as in the demo): a fresh copy does not change in its first second.
    d.insert(jobRuns)
      .values({ job: "courses", runKey: now, startedAt: at(now, "00:00"), finishedAt: at(now, "00:01") })
      .onConflictDoNothing()
      .run();
  });
  finish("history");

  /* ---------------------------------------------------------------- the facts lists and reports read (decision 016) */
  const stale = d
    .select({ n: sql<number>`count(*)` })
    .from(courseFacts)
    .get()!.n;
  await refreshStaleFacts(d, now, (done) => progress("facts", done, stale));
  // As if the course job had asked for each follow-up outcome when it came due: its first run here does not send
  // years of prompts at once.
  client
    .prepare(
      "UPDATE course_facts SET follow_up_prompted_on = follow_up_outcome_due_on WHERE follow_up_outcome_due_on < ?",
    )
    .run(now);
  finish("facts");

  /* ---------------------------------------------------------------- the outbox, in the order it was written */
  messageSpecs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const recent = new Date(Date.now() - 10 * 60_000).toISOString();
  for (let i = 0; i < messageSpecs.length; i += 5 * CHUNK) {
    tx(() => {
      for (const m of messageSpecs.slice(i, i + 5 * CHUNK)) {
        const queued = m.at > recent || m.at.slice(0, 10) > now;
        const r = rng();
        const st = m.blocked
          ? "cancelled"
          : queued
            ? "queued"
            : r < 0.01
              ? "failed"
              : m.channel === "sms" || r < 0.2
                ? "delivered"
                : "sent";
        // The outbox keeps the payload only while a person may still retry (failed); final messages have none.
        const view = st === "failed" ? rendered.get(`${m.template}|${m.locale}|${m.channel}`)! : null;
        const sentAt = new Date(Date.parse(m.at) + 4_000).toISOString();
        put.message({
          channel: m.channel,
          recipient: m.recipient,
          subjectType: m.subjectType,
          subjectId: m.subjectId,
          template: m.template,
          locale: m.locale,
          data: m.data,
          status: st,
          attempts: st === "queued" ? 0 : st === "failed" ? 5 : 1,
          nextAttemptAt: m.at,
          idempotencyKey: m.key,
          lastError: st === "failed" ? "provider: 422 invalid recipient" : m.blocked,
          transport: st === "queued" || st === "cancelled" ? null : m.channel === "sms" ? "gatewayapi" : "resend",
          providerId: st === "sent" || st === "delivered" ? `p-${i}-${Math.floor(r * 1e9).toString(36)}` : null,
          payload: view
            ? {
                subject: fill(view.subject, m.fill),
                text: fill(view.text, m.fill),
                html: view.html && m.channel === "email" ? fill(view.html, m.fill) : null,
                unsubscribeUrl: null,
              }
            : null,
          sentAt: st === "sent" || st === "delivered" ? sentAt : null,
          deliveredAt: st === "delivered" ? new Date(Date.parse(m.at) + 30_000).toISOString() : null,
          createdAt: m.at,
          updatedAt: st === "queued" ? m.at : sentAt,
        });
      }
    });
    bump("messages", Math.min(5 * CHUNK, messageSpecs.length - i));
    progress("messages", Math.min(messageSpecs.length, i + 5 * CHUNK), messageSpecs.length);
  }
  finish("messages");

  /* ---------------------------------------------------------------- the access log, oldest first */
  for (const u of [admin, ...coordinators]) {
    for (let day = addDays(progStart, int(rng, 0, 3)); day <= now; day = addDays(day, int(rng, 1, 4)))
      auditSpecs.push({
        at: at(day, "07:45"),
        actor: u,
        action: "login",
        entityType: "user",
        entityId: u.id,
        details: null,
      });
  }
  auditSpecs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (let i = 0; i < auditSpecs.length; i += 10 * CHUNK) {
    tx(() => {
      for (const a of auditSpecs.slice(i, i + 10 * CHUNK)) {
        put.audit({
          at: a.at,
          actorUserId: a.actor?.id ?? null,
          actorRole: a.actor?.role ?? null,
          action: a.action,
          entityType: a.entityType,
          entityId: a.entityId,
          details: a.details,
        });
      }
    });
    bump("audit_log", Math.min(10 * CHUNK, auditSpecs.length - i));
    progress("audit", Math.min(auditSpecs.length, i + 10 * CHUNK), auditSpecs.length);
  }
  finish("audit");

  // Compact, as a restored backup is: rows and index entries written in bulk leave pages part-filled (611 MB instead
  // of 580 at 100 000 citizens). About 2 s of CPU with the journal still off.
  client.exec("VACUUM");
  client.pragma("synchronous = NORMAL");
  client.pragma("journal_mode = WAL");
  return count;
}

function shiftPlan(c: CoursePlan, days: number): CoursePlan {
  const s = (v: string | null) => (v ? addDays(v, days) : v);
  return {
    ...c,
    proposedOn: addDays(c.proposedOn, days),
    matchedOn: s(c.matchedOn),
    start: s(c.start),
    plannedEnd: s(c.plannedEnd),
    endedOn: s(c.endedOn),
    pauses: c.pauses.map((p) => ({ from: addDays(p.from, days), to: s(p.to) })),
  };
}
