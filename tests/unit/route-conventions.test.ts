/**
 * Conventions every route file keeps, checked on the source: pages get their title through `pageMeta` (so English
 * pages have English titles) and no title is a hard-coded Danish string; every loader and action starts with a guard
 * that names a permission.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rolesWith, type Permission } from "../../app/auth/permissions";
import { routeFileToPath, ruleFor } from "../support/route-rules";

const dir = "app/routes";
const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".tsx"))
  .map((f) => ({ f, src: readFileSync(join(dir, f), "utf8") }))
  .filter(({ src }) => /export default function/.test(src))
  // An area's layout route renders only its pages (an Outlet) and its error boundary; the pages give the title.
  .filter(({ src }) => !/export default function \w+\(\) \{\s*return <Outlet \/>;\s*\}/.test(src));

describe("route titles", () => {
  it("every page has a title in the reader's language", () => {
    // The citizen pages (survey, opt-out, their own page) speak the citizen's message language from their own copy.
    const own = new Set(["s.$token.tsx", "afmeld.$token.tsx", "mig.$token.tsx", "$.tsx"]);
    const missing = pages
      .filter(({ f, src }) => !own.has(f) && !/export const meta = pageMeta\("/.test(src))
      .map(({ f }) => f);
    expect(missing).toEqual([]);
  });
  it("no page writes its title as a literal", () => {
    expect(pages.filter(({ src }) => /title: "[^"]*·/.test(src)).map(({ f }) => f)).toEqual([]);
  });
});

describe("scrollable tables", () => {
  it("are focusable, named regions everywhere, so a phone's keyboard user can scroll them", () => {
    const files = [
      ...readdirSync("app/routes").map((f) => join("app/routes", f)),
      ...readdirSync("app/components", { recursive: true }).map((f) => join("app/components", String(f))),
    ].filter((f) => f.endsWith(".tsx"));
    const bare = files.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/className="mb-table-wrap"(?!\s+\{\.\.\.scrollRegion\()[^>]*>/g)]
        .filter((m) => !m[0].includes('role="region"'))
        .map(() => f),
    );
    expect(bare).toEqual([]);
  });
});

/**
 * Authorization on the server, every time: each loader and action of a route that is not public starts with a guard,
 * the guard names a permission (app/auth/permissions.ts), never a role, and that permission lets in exactly the roles
 * the route × role rules (tests/support/route-rules.ts) allow, so the browser matrix and the guards cannot drift apart.
 */
describe("route guards", () => {
  const modules = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .map((f) => ({ f, src: readFileSync(join(dir, f), "utf8"), rule: ruleFor(routeFileToPath(f)) }));
  const bodyOf = (src: string, fn: RegExp) => src.match(new RegExp(`${fn.source}[^\\n]*\\{\\n([\\s\\S]*?)\\n\\}`))?.[1];
  const handlers = (src: string) =>
    (["loader", "action"] as const)
      .map((name) => ({ name, body: bodyOf(src, new RegExp(`export (?:async )?function ${name}\\b`)) }))
      .filter((h): h is { name: "loader" | "action"; body: string } => h.body != null);

  /** The permission a body's first statement asks for: a guard of permissions.server.ts, or a helper of the file. */
  function door(src: string, body: string): { guard: string; permission: Permission | "signed-in" } | null {
    const first = body.match(/^\s*(?:const [^=]+= )?await (\w+)\(request(?:, "([^"]+)")?/);
    if (!first) return null;
    const [, call, named] = first;
    if (call === "requireCaseworker") return { guard: call, permission: "refer:mentee:own-municipality" };
    if (call === "requirePermission" || call === "requireScopedPermission")
      return named ? { guard: call, permission: named as Permission } : null;
    if (call === "requireUser") {
      const checked = body.match(/if \(!can\(user, "([^"]+)"\)\) throw forbidden\(\)/);
      return { guard: call, permission: checked ? (checked[1] as Permission) : "signed-in" };
    }
    const local = bodyOf(src, new RegExp(`async function ${call}\\b`));
    return local ? door(src, local) : null;
  }

  it("every loader and action of a route that is not public starts with a guard", () => {
    const unguarded = modules
      .filter(({ rule }) => rule && rule.allow !== "public")
      .flatMap(({ f, src }) =>
        handlers(src)
          .filter((h) => !door(src, h.body))
          .map((h) => `${f} ${h.name}`),
      );
    expect(unguarded).toEqual([]);
  });

  it("name a permission, never a role", () => {
    const roleChecks = /\brequireRole\b|\brequireStaff\b|\buser\.role\s*[!=]==|includes\(\w+\.role\)|_ROLES\b/;
    expect(modules.filter(({ src }) => roleChecks.test(src)).map(({ f }) => f)).toEqual([]);
    expect(modules.filter(({ src }) => /\bscope\.kind\b/.test(src)).map(({ f }) => f)).toEqual([]);
  });

  it("let in exactly the roles the route's rule allows", () => {
    const problems = modules.flatMap(({ f, src, rule }) => {
      if (!rule || rule.allow === "public") return [];
      return handlers(src).flatMap(({ name, body }) => {
        const d = door(src, body);
        if (!d) return [];
        const allowed = d.permission === "signed-in" ? "signed-in" : rolesWith(d.permission).sort().join(",");
        const expected = rule.allow === "signed-in" ? "signed-in" : [...rule.allow].sort().join(",");
        return allowed === expected ? [] : [`${f} ${name}: ${d.permission} lets in ${allowed}, the rule ${expected}`];
      });
    });
    expect(problems).toEqual([]);
  });

  it("a role check or a missing guard fails these tests", () => {
    const src = 'export async function loader({ request }) {\n  const user = await requireRole(request, "admin");\n}';
    expect(door(src, bodyOf(src, /export async function loader\b/)!)).toBeNull();
    const ok = 'export async function loader({ request }) {\n  await requirePermission(request, "read:report:any");\n}';
    expect(door(ok, bodyOf(ok, /export async function loader\b/)!)).toEqual({
      guard: "requirePermission",
      permission: "read:report:any",
    });
  });
});
