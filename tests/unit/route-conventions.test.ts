/**
 * Conventions every route file keeps, checked on the source: pages get their title through `pageMeta` (so English
 * pages have English titles) and no title is a hard-coded Danish string.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
      [...readFileSync(f, "utf8").matchAll(/className="mb-table-wrap"(?! \{\.\.\.scrollRegion\()[^>]*>/g)]
        .filter((m) => !m[0].includes('role="region"'))
        .map(() => f),
    );
    expect(bare).toEqual([]);
  });
});
