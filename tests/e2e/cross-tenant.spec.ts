/**
 * Cross-tenant probes, generated from the route files: Kolding's caseworker tries every caseworker-reachable route that
 * takes an id with ids of Aarhus's citizens (and their courses and placements), by GET and POST. Every answer must be
 * 404/403/400 and show none of Aarhus's data; nothing may change in the database. Companies and openings are shared by
 * every municipality (they are not citizens' data): those pages may answer, with the companies and openings where
 * Aarhus's citizens are proposed or placed, but must show none of those citizens.
 */
import { readdirSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { test, expect, login } from "../support/fixtures";
import { routeFileToPath, ruleFor } from "../support/route-rules";
import { DEMO_USERS } from "../../db/seed/demo";
import { auditLog, consents, courses, mentees, messages, openingProposals, placements } from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";

const files = readdirSync("app/routes").filter((f) => /\.(tsx|ts)$/.test(f) && f.includes("$"));

test("a caseworker of another municipality gets nothing from any route with an id", async ({ page, db }) => {
  test.setTimeout(120_000);
  const victims = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).limit(3).all();
  const victimCourse = db
    .select()
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(eq(mentees.municipalityCode, 751))
    .get()!.courses;
  // Aarhus's citizens in placements and proposals, the placements themselves, and the openings and companies they are at.
  const victimPlacements = db
    .select({ p: placements, m: mentees })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(eq(mentees.municipalityCode, 751))
    .limit(3)
    .all();
  const victimProposals = db
    .select({ p: openingProposals, m: mentees })
    .from(openingProposals)
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .where(eq(mentees.municipalityCode, 751))
    .limit(3)
    .all();
  expect(victimPlacements.length).toBeGreaterThan(0);
  const placed = [...victimPlacements.map((x) => x.m), ...victimProposals.map((x) => x.m)];
  const sharedIds = {
    opslag: [...new Set([...victimPlacements.map((x) => x.p.openingId), ...victimProposals.map((x) => x.p.openingId)])],
    virksomheder: [...new Set(victimPlacements.map((x) => x.p.companyId))],
  };
  // Names only Aarhus has (the demo's name lists are short: Kolding may have a namesake).
  const elsewhere = new Set(
    db
      .select()
      .from(mentees)
      .where(sql`${mentees.municipalityCode} <> 751`)
      .all()
      .map((m) => `${m.firstName} ${m.lastName}`),
  );
  const victimNames = [...victims, ...placed]
    .map((v) => `${v.firstName} ${v.lastName}`)
    .filter((n) => !elsewhere.has(n));
  const snapshot = () => ({
    mentees: JSON.stringify(db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).all()),
    placements: JSON.stringify(db.select().from(placements).all()),
    proposals: JSON.stringify(db.select().from(openingProposals).all()),
    consents: db
      .select({ n: sql<number>`count(*)` })
      .from(consents)
      .get()!.n,
    messages: db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .get()!.n,
    courses: JSON.stringify(db.select().from(courses).where(eq(courses.id, victimCourse.id)).all()),
  });
  const before = snapshot();
  await login(page, DEMO_USERS.caseworker2);
  const probes: string[] = [];
  for (const f of files) {
    const template = routeFileToPath(f);
    const rule = ruleFor(template);
    const caseworkerMay =
      rule && (rule.allow === "public" || rule.allow === "signed-in" || rule.allow.includes("caseworker"));
    if (!caseworkerMay || rule.allow === "public") continue;
    const shared = /^(opslag|virksomheder)\./.exec(f)?.[1] as keyof typeof sharedIds | undefined;
    const ids = /forloeb|course/.test(f)
      ? [victimCourse.id]
      : /^placeringer/.test(f)
        ? victimPlacements.map((x) => x.p.id)
        : shared
          ? sharedIds[shared]
          : victims.map((v) => v.id);
    for (const id of ids) probes.push(template.replace(/\/1(?=\/|$)/g, `/${id}`));
  }
  expect(probes.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const path of probes) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    const body = await res.text();
    const sharedPage = /^\/(opslag|virksomheder)\//.test(path);
    if ((res.status() === 200 && !sharedPage) || victimNames.some((n) => body.includes(n)))
      leaks.push(`GET ${path} → ${res.status()}`);
    const post = await page.request.post(path, {
      form: { intent: "withdraw", purpose: "sms", reason: "probe" },
      maxRedirects: 0,
    });
    if (post.status() < 400 && post.status() !== 405) leaks.push(`POST ${path} → ${post.status()}`);
  }
  expect(leaks).toEqual([]);
  expect(snapshot()).toEqual(before);
  // The failed probes read nothing, so nothing about Aarhus's citizens is in the access log as read by Kolding.
  drainAll(db.$client, AUDIT_DRAIN);
  const kolding = db.select().from(auditLog).where(eq(auditLog.actorRole, "caseworker")).all();
  expect(kolding.filter((r) => victims.some((v) => v.id === r.entityId) && r.entityType === "mentee")).toEqual([]);
});
