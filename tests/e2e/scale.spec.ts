/**
 * The CI-sized version of the page benchmark (issue 16): a 5 000-citizen data set made by the same seed as
 * `npm run seed:scale`, the production server started once on it, and every page of the benchmark's tour requested
 * once as each role and anonymously. A role's own pages answer 200, pages its access rule allows answer 200 (a
 * citizen of another municipality is not found), pages it may not see are refused, and nothing answers 5xx. Speed is
 * the benchmark's business (`npm run bench:pages`); this only proves that every page works at more than demo size.
 *
 * It requests pages without a browser (like the role × route matrix): the browser journeys check the pages themselves.
 */
import { test, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { TMP_DIR } from "../support/paths";
import { ruleFor } from "../support/route-rules";
import { seedScaleFile } from "../../db/seed/scale";
import { DEMO_USERS } from "../../db/seed/demo";
import { newTotpSecret } from "../../app/auth/totp";
import { startServer } from "../../scripts/lib/server";
import { fetchPage, logIn, pickIds, secretsFrom, tourPages, type Session, type TourPage, type Visitor } from "../../scripts/lib/pages";

const CITIZENS = 5000;
const visitors: Visitor[] = ["anonymous", "admin", "coordinator", "caseworker", "caseworker2", "mentor"];

/** What a visitor must get for a page of the tour. */
function expected(visitor: Visitor, page: TourPage, foreignCitizen: (visitor: Visitor, path: string) => boolean): "ok" | "not found" | "refused" | "any" {
  const rule = ruleFor(page.path.split("?")[0])!;
  if (page.visitor === visitor) return "ok";
  if (rule.allow === "public") return page.visitor === "anonymous" && visitor !== "anonymous" && page.page === "/login" ? "any" : "ok";
  const role = visitor === "caseworker2" ? "caseworker" : visitor;
  if (role === "anonymous" || (rule.allow !== "signed-in" && !rule.allow.includes(role))) return "refused";
  return foreignCitizen(visitor, page.path) ? "not found" : "ok";
}

test("every page of the tour works for each role on 5 000 citizens, and none answers 5xx", async () => {
  test.setTimeout(90_000);
  const dbPath = resolve(TMP_DIR, `scale-${CITIZENS}.sqlite`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  await seedScaleFile(dbPath, { mentees: CITIZENS });
  const db = new Database(dbPath);
  // The admin has two-step verification here, so the tour's login must answer the code page as the benchmark would.
  db.prepare("UPDATE users SET totp_secret = ? WHERE email = ?").run(newTotpSecret(), DEMO_USERS.admin);
  const ids = pickIds(db);
  const pages = tourPages(ids);
  const foreignCitizen = (visitor: Visitor, path: string) =>
    (visitor === "caseworker" && path === `/kommune/borgere/${ids.koldingMentee}`) || (visitor === "caseworker2" && path === `/kommune/borgere/${ids.aarhusMentee}`);
  const server = await startServer({
    NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), SEED_DEMO: "false", BACKGROUND_JOBS: "false", CONTACT_EMAIL: "kontakt@mentorbro.local",
    HOST: "127.0.0.1", PORT: "0", DATABASE_URL: dbPath, LOG_LEVEL: "error",
  });
  const problems: string[] = [];
  try {
    for (const visitor of visitors) {
      const session: Session = visitor === "anonymous" ? { visitor, cookie: "" } : await logIn(server.url, visitor, secretsFrom(db));
      for (const page of pages) {
        const want = expected(visitor, page, foreignCitizen);
        const r = await fetchPage(server.url, page.path, session.cookie || null, 30_000);
        const got = r.error ?? `${r.status}${r.location ? ` → ${r.location}` : ""}`;
        const ok = r.status > 0 && r.status < 500 && (
          want === "any" ||
          (want === "ok" && r.status === 200) ||
          (want === "not found" && r.status === 404) ||
          (want === "refused" && (visitor === "anonymous" ? r.status === 302 && !!r.location?.startsWith("/login?redirectTo=") : r.status === 403)));
        if (!ok) problems.push(`${visitor} ${page.path}: ${got} (expected ${want})`);
      }
    }
  } finally {
    await server.stop();
    db.close();
  }
  expect(problems).toEqual([]);
});
