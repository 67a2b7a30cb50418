/**
 * The tour of every list and detail page per role, shared by the page benchmark (`npm run bench:pages`) and the
 * CI-sized page check (tests/e2e/scale.spec.ts): which pages, which ids (picked from the database), and logging in
 * the way a person does, through the real /login form, including the second step when the server asks for a code.
 */
import Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed/demo";
import { totp } from "../../app/auth/totp";

export type Visitor = "anonymous" | "admin" | "coordinator" | "caseworker" | "caseworker2" | "mentor";
export const EMAILS: Record<Exclude<Visitor, "anonymous">, string> = {
  admin: DEMO_USERS.admin,
  coordinator: DEMO_USERS.coordinator,
  caseworker: DEMO_USERS.caseworker,
  caseworker2: DEMO_USERS.caseworker2,
  mentor: DEMO_USERS.mentor,
};

export type TourIds = {
  mentor: number;
  waitingMentee: number;
  mentee: number;
  course: number;
  message: number;
  mentorCourse: number;
  /** A citizen of each demo caseworker's municipality (Aarhus, Kolding), for their detail page. */
  aarhusMentee: number;
  koldingMentee: number;
};

const one = (client: Database.Database, what: string, query: string, ...params: unknown[]): number => {
  const row = client.prepare(query).get(...params) as { id: number } | undefined;
  if (!row) throw new Error(`no ${what} in the database for the page tour`);
  return row.id;
};

/** Ids for the detail pages: typical busy records of the demo logins' municipalities. */
export function pickIds(client: Database.Database): TourIds {
  const inCourse = (code: number) =>
    one(
      client,
      `citizen in a course in ${code}`,
      "SELECT m.id FROM mentees m JOIN courses c ON c.mentee_id = m.id WHERE m.municipality_code = ? AND c.status = 'active' ORDER BY c.start_date, c.id LIMIT 1",
      code,
    );
  const aarhusMentee = inCourse(751);
  return {
    mentor: one(
      client,
      "active mentor",
      "SELECT mentor_id AS id FROM courses c JOIN mentors m ON m.id = c.mentor_id WHERE m.status = 'active' GROUP BY mentor_id ORDER BY count(*) DESC, mentor_id LIMIT 1",
    ),
    waitingMentee: one(
      client,
      "waiting citizen in Aarhus",
      "SELECT id FROM mentees WHERE status = 'waiting' AND municipality_code = 751 ORDER BY referred_at, id LIMIT 1",
    ),
    mentee: aarhusMentee,
    course: one(
      client,
      "active course",
      "SELECT id FROM courses WHERE mentee_id = ? AND status = 'active' LIMIT 1",
      aarhusMentee,
    ),
    message: one(
      client,
      "sent email",
      "SELECT id FROM messages WHERE channel = 'email' AND status IN ('sent', 'delivered') ORDER BY id DESC LIMIT 1",
    ),
    mentorCourse: one(
      client,
      "course of the demo mentor",
      "SELECT c.id FROM courses c JOIN mentors m ON m.id = c.mentor_id WHERE m.email = ? AND c.status IN ('active', 'paused') ORDER BY c.id LIMIT 1",
      DEMO_USERS.mentor,
    ),
    aarhusMentee,
    koldingMentee: inCourse(621),
  };
}

/**
 * `exportJob`: the page is an export made as a background job (issue 17): a POST to `path` starts it (a GET only leads
 * back to the report page); the benchmark measures the time to the file.
 */
export type TourPage = { visitor: Visitor; page: string; path: string; exportJob?: boolean };

/**
 * Every list and detail page of every role, with real ids; `page` is the route pattern (with the query, where a
 * variant matters: the reports over all years, the course list as CSV). `caseworker` is Aarhus, `caseworker2` Kolding.
 */
export function tourPages(ids: TourIds): TourPage[] {
  const p = (visitor: Visitor, page: string, path = page): TourPage => ({ visitor, page, path });
  return [
    p("anonymous", "/"),
    p("anonymous", "/bliv-mentor"),
    p("anonymous", "/login"),
    p("anonymous", "/healthz"),
    p("coordinator", "/koordinator"),
    p("coordinator", "/koordinator/mentorer"),
    p("coordinator", "/koordinator/mentorer/:id", `/koordinator/mentorer/${ids.mentor}`),
    p("coordinator", "/koordinator/ventende"),
    p("coordinator", "/koordinator/mentees/:id", `/koordinator/mentees/${ids.mentee}`),
    p("coordinator", "/koordinator/mentees/:id/kandidater", `/koordinator/mentees/${ids.waitingMentee}/kandidater`),
    p("coordinator", "/koordinator/matching"),
    p("coordinator", "/koordinator/forloeb"),
    p("coordinator", "/koordinator/forloeb/:id", `/koordinator/forloeb/${ids.course}`),
    p("coordinator", "/koordinator/opfoelgning"),
    p("coordinator", "/koordinator/behov"),
    p("coordinator", "/koordinator/rapporter"),
    p("coordinator", "/koordinator/rapporter?from=2000-01-01"),
    p("coordinator", "/koordinator/rapporter/eksport/csv"),
    { ...p("coordinator", "/koordinator/rapporter/eksport/csv?table=courses"), exportJob: true },
    { ...p("coordinator", "/koordinator/rapporter/eksport/xlsx"), exportJob: true },
    p("coordinator", "/koordinator/rapporter/virksomheder"),
    p("coordinator", "/koordinator/forloeb/:id/moede", `/koordinator/forloeb/${ids.course}/moede`),
    p("coordinator", "/koordinator/forloeb/:id/maal", `/koordinator/forloeb/${ids.course}/maal`),
    p("coordinator", "/koordinator/vejledning"),
    p("coordinator", "/virksomheder"),
    p("coordinator", "/opslag"),
    p("coordinator", "/placeringer"),
    p("caseworker", "/kommune"),
    p("caseworker", "/kommune/borgere"),
    p("caseworker", "/kommune/borgere/:id", `/kommune/borgere/${ids.aarhusMentee}`),
    p("caseworker", "/kommune/rapport"),
    p("caseworker", "/kommune/rapport/eksport/csv"),
    { ...p("caseworker", "/kommune/rapport/eksport/xlsx"), exportJob: true },
    p("caseworker", "/kommune/rapport/virksomheder"),
    p("caseworker", "/borgere/:id/kompetencer", `/borgere/${ids.aarhusMentee}/kompetencer`),
    p("caseworker", "/borgere/:id/opslag", `/borgere/${ids.aarhusMentee}/opslag`),
    // The other demo caseworker's municipality (Kolding) is a third the size of Aarhus.
    p("caseworker2", "/kommune"),
    p("caseworker2", "/kommune/borgere"),
    p("caseworker2", "/kommune/borgere/:id", `/kommune/borgere/${ids.koldingMentee}`),
    p("caseworker2", "/kommune/rapport"),
    p("mentor", "/mentor"),
    p("mentor", "/mentor/forloeb/:id", `/mentor/forloeb/${ids.mentorCourse}`),
    p("mentor", "/mentor/forloeb/:id/moede", `/mentor/forloeb/${ids.mentorCourse}/moede`),
    p("mentor", "/mentor/forloeb/:id/maal", `/mentor/forloeb/${ids.mentorCourse}/maal`),
    p("mentor", "/mentor/introduktion"),
    p("mentor", "/mentor/virksomhed"),
    p("admin", "/admin"),
    p("admin", "/admin/kommuner"),
    p("admin", "/admin/outbox"),
    p("admin", "/admin/outbox/:id", `/admin/outbox/${ids.message}`),
    p("admin", "/admin/adgangslog"),
    p("admin", "/admin/skabeloner"),
  ];
}

/**
 * The lists again with their filters, later pages and sub-lists: what a person does on them beyond the first view.
 * The CI-sized check visits them too (their queries get their plans checked); `npm run bench:pages -- --variants`
 * measures them.
 */
export function variantPages(ids: TourIds): TourPage[] {
  const p = (visitor: Visitor, page: string, path = page): TourPage => ({ visitor, page, path });
  const candidates = `/koordinator/mentees/${ids.waitingMentee}/kandidater`;
  return [
    p("coordinator", "/koordinator/ventende?industry=F"),
    p("coordinator", "/koordinator/ventende?industry=41&municipality=751"),
    p("coordinator", "/koordinator/ventende?side=3"),
    p("coordinator", "/koordinator/mentorer?status=all&side=2"),
    p("coordinator", "/koordinator/mentorer?status=approved&municipality=751&section=F"),
    p(
      "coordinator",
      "/koordinator/mentorer/:id?historik-side=2&forloeb-side=2",
      `/koordinator/mentorer/${ids.mentor}?historik-side=2&forloeb-side=2`,
    ),
    p(
      "coordinator",
      "/koordinator/mentees/:id/kandidater?udelukket=outside_travel_area&side=2",
      `${candidates}?udelukket=outside_travel_area&side=2`,
    ),
    p(
      "coordinator",
      "/koordinator/mentees/:id/kandidater?udelukket=mentor_at_capacity",
      `${candidates}?udelukket=mentor_at_capacity`,
    ),
    p("coordinator", "/persondata/mentee/:id", `/persondata/mentee/${ids.mentee}`),
    p("caseworker", "/kommune/borgere?status=completed&side=2"),
    p("caseworker", "/kommune/borgere?q=an"),
    p("admin", "/admin/outbox?status=failed"),
    p("admin", "/admin/outbox?channel=sms&side=2"),
    p("admin", "/admin/outbox?status=delivered&channel=email"),
    p(
      "admin",
      "/admin/adgangslog?entityType=mentee&entityId=:id",
      `/admin/adgangslog?entityType=mentee&entityId=${ids.mentee}`,
    ),
    p("admin", "/admin/adgangslog?action=view&from=2025-01-01&to=2025-12-31"),
    p("admin", "/admin/adgangslog?entityType=mentor&side=5"),
    p("admin", "/admin/kommuner?partnere=1"),
    p("admin", "/admin/opbevaring"),
  ];
}

/** A visitor's cookies, as a Cookie header. */
export type Session = { visitor: Visitor; cookie: string };

function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * Logs in through the /login form (no JavaScript: a form post and redirects). When a page on the way asks for a code
 * (a form with a `code` field, as /login/kode does for two-step verification), `secretOf` gives the user's TOTP secret
 * and the current code is sent. Returns the session's cookies; throws with what went wrong otherwise.
 */
export async function logIn(
  baseUrl: string,
  visitor: Exclude<Visitor, "anonymous">,
  secretOf: (email: string) => string | null,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const email = EMAILS[visitor];
  const jar = new Map<string, string>();
  const origin = new URL(baseUrl).origin;
  const post = async (path: string, form: Record<string, string>) => {
    const res = await fetch(new URL(path, baseUrl), {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(form),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, Cookie: header(jar) },
    });
    mergeCookies(jar, res);
    await res.arrayBuffer();
    return res;
  };
  let res = await post("/login", { email, password, redirectTo: "" });
  for (let hop = 0; hop < 6; hop++) {
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) break;
    const next = new URL(location, baseUrl);
    const page = await fetch(next, { redirect: "manual", headers: { Cookie: header(jar) } });
    mergeCookies(jar, page);
    const html = page.status === 200 ? await page.text() : (await page.arrayBuffer(), "");
    if (/<input[^>]*name="code"/.test(html)) {
      const secret = secretOf(email);
      if (!secret)
        throw new Error(
          `login as ${visitor}: ${next.pathname} asks for a code, but ${email} has no TOTP secret in the database`,
        );
      res = await post(next.pathname, { code: totp(secret, Date.now()) });
      continue;
    }
    if (next.pathname.startsWith("/login"))
      throw new Error(`login as ${visitor} ended on ${next.pathname} (status ${page.status})`);
    return { visitor, cookie: header(jar) };
  }
  throw new Error(
    `login as ${visitor} failed: status ${res.status}, location ${res.headers.get("location") ?? "none"}`,
  );
}

/** The TOTP secret of a user, read from the database (the benchmark and the check run on their own copy). */
export function secretsFrom(client: Database.Database) {
  const stmt = client.prepare("SELECT totp_secret AS s FROM users WHERE email = ?");
  return (email: string) => (stmt.get(email) as { s: string | null } | undefined)?.s ?? null;
}

export type Fetched = { status: number; bytes: number; ms: number; error?: string; location?: string };

/** One GET, timed, with the body read to the end. A timeout or a refused connection is a result, not an exception. */
export async function fetchPage(
  baseUrl: string,
  path: string,
  cookie: string | null,
  timeoutMs: number,
): Promise<Fetched> {
  const t0 = performance.now();
  try {
    const res = await fetch(new URL(path, baseUrl), {
      redirect: "manual",
      headers: cookie ? { Cookie: cookie } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.arrayBuffer();
    return {
      status: res.status,
      bytes: body.byteLength,
      ms: performance.now() - t0,
      location: res.headers.get("location") ?? undefined,
    };
  } catch (e) {
    const timeout = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    return {
      status: 0,
      bytes: 0,
      ms: performance.now() - t0,
      error: timeout
        ? `timeout after ${Math.round(timeoutMs / 1000)} s`
        : e instanceof Error
          ? `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}`.trim()
          : String(e),
    };
  }
}

export type ExportJobRun = {
  status: number;
  postMs: number;
  job?: number;
  jobStatus?: string;
  error?: string;
  /** From the POST until the job's file is written. */
  fileMs?: number;
  rows?: number;
  bytes?: number;
  download?: Fetched;
};

/**
 * An export made as a background job, as the report page's button starts it (issue 17): the POST, then the job's row
 * (read from the database file) until it has ended, then the file's download.
 */
export async function runExportJob(
  baseUrl: string,
  path: string,
  cookie: string,
  dbPath: string,
  timeoutMs: number,
): Promise<ExportJobRun> {
  const t0 = performance.now();
  const res = await fetch(new URL(path, baseUrl), {
    method: "POST",
    redirect: "manual",
    body: "",
    signal: AbortSignal.timeout(timeoutMs),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(baseUrl).origin, Cookie: cookie },
  });
  await res.arrayBuffer();
  const postMs = performance.now() - t0;
  const location = res.headers.get("location") ?? "";
  const job = Number(/\/eksporter\/(\d+)/.exec(location)?.[1]);
  if (!job) return { status: res.status, postMs, error: `starting the export answered ${res.status} ${location}` };
  const watch = new Database(dbPath, { readonly: true });
  type Row = { status: string; summary: string | null; error: string | null };
  let row: Row;
  try {
    for (;;) {
      row = watch.prepare("SELECT status, summary, error FROM background_jobs WHERE id = ?").get(job) as Row;
      if (!["queued", "running"].includes(row.status) || performance.now() - t0 > timeoutMs) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    watch.close();
  }
  const fileMs = performance.now() - t0;
  const summary = row.summary ? (JSON.parse(row.summary) as { rows: number; bytes: number }) : null;
  const download =
    row.status === "done"
      ? await fetchPage(baseUrl, `${new URL(location, baseUrl).pathname}/fil`, cookie, timeoutMs)
      : undefined;
  return {
    status: res.status,
    postMs,
    job,
    jobStatus: row.status,
    fileMs,
    rows: summary?.rows,
    bytes: summary?.bytes,
    download,
    ...(row.status === "done" ? {} : { error: row.error ?? `job ${row.status} after ${Math.round(fileMs / 1000)} s` }),
  };
}
