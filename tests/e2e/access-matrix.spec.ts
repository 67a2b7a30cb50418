/**
 * The role × route matrix: every route in app/routes, for anonymous users and each role, must answer as
 * tests/support/route-rules.ts says. Generated from the route files, so a new route without a rule fails here.
 */
import { readdirSync } from "node:fs";
import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { test, expect, loginRequest } from "../support/fixtures";
import { routeFileToPath, ruleFor, type Who } from "../support/route-rules";
import { DEMO_USERS } from "../../db/seed/demo";

const files = readdirSync("app/routes").filter((f) => /\.(tsx|ts)$/.test(f) && !f.endsWith(".test.ts"));
const routes = files.map((f) => ({ file: f, path: routeFileToPath(f) }));

test("every route has an access rule", () => {
  const missing = routes.filter((r) => !ruleFor(r.path)).map((r) => `${r.file} → ${r.path}`);
  expect(missing).toEqual([]);
});

const logins: Record<Exclude<Who, "anonymous">, string> = {
  admin: DEMO_USERS.admin,
  coordinator: DEMO_USERS.coordinator,
  caseworker: DEMO_USERS.caseworker,
  mentor: DEMO_USERS.mentor,
};

async function contextFor(who: Who, baseURL: string): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL, maxRedirects: 0 });
  if (who !== "anonymous") await loginRequest(ctx, logins[who]);
  return ctx;
}

function denied(status: number, location: string | undefined, who: Who): boolean {
  if (who === "anonymous") return status === 302 && !!location?.startsWith("/login?redirectTo=");
  return status === 403;
}

test("each role reaches exactly the routes its rule allows (GET and POST)", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const whos: Who[] = ["anonymous", "admin", "coordinator", "caseworker", "mentor"];
  const problems: string[] = [];
  for (const who of whos) {
    const ctx = await contextFor(who, baseURL!);
    for (const r of routes) {
      const rule = ruleFor(r.path);
      if (!rule || rule.skip) continue;
      if (r.path === "/logout" || r.path === "/sprog") continue; // they only redirect
      const allowed =
        rule.allow === "public" ||
        (rule.allow === "signed-in" ? who !== "anonymous" : who !== "anonymous" && rule.allow.includes(who));
      const res = await ctx.get(r.path);
      const isDenied = denied(res.status(), res.headers()["location"], who);
      if (res.status() >= 500) problems.push(`${who} GET ${r.path}: ${res.status()}`);
      if (allowed && isDenied) problems.push(`${who} GET ${r.path}: denied (${res.status()}) but should be allowed`);
      if (!allowed && !isDenied) problems.push(`${who} GET ${r.path}: ${res.status()} but should be denied`);
      // Mutations of a denied role must be refused too (an empty form: nothing could be stored anyway).
      if (!allowed) {
        // An index page's own action is reached with ?index (without it, a POST goes to the area's layout route).
        const post = await ctx.post(r.file.endsWith("_index.tsx") ? `${r.path}?index` : r.path, { form: {} });
        const postDenied = denied(post.status(), post.headers()["location"], who) || post.status() === 405;
        if (!postDenied) problems.push(`${who} POST ${r.path}: ${post.status()} but should be denied`);
      }
    }
    await ctx.dispose();
  }
  expect(problems).toEqual([]);
});
