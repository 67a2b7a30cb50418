import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { isPlainPath, Link, routerTakes } from "./Link";

const click = { defaultPrevented: false, button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false };
const link = { target: "", hasDownload: false, origin: "https://mentorbro.dk" };

describe("Link", () => {
  it("is a plain anchor for a path of this site, marked for the document's click handler and route discovery", () => {
    expect(
      renderToStaticMarkup(
        createElement(Link, { to: "/koordinator/mentorer/12", className: "x", "aria-current": "page" }),
      ),
    ).toBe('<a data-nav="" data-discover="true" class="x" aria-current="page" href="/koordinator/mentorer/12"></a>');
  });

  it("leaves to Remix what needs the router: relative paths, other sites, and router options", () => {
    expect(isPlainPath("/start")).toBe(true);
    expect(isPlainPath("/borgere?side=2")).toBe(true);
    for (const to of ["?side=2", "../", "mentorer", "//example.org/x", "https://example.org", ""]) {
      expect(isPlainPath(to)).toBe(false);
    }
    expect(isPlainPath({ pathname: "/start" })).toBe(false);
    // With a router option the link is Remix's, which needs a router around it to render at all.
    expect(() => renderToStaticMarkup(createElement(Link, { to: "/start", replace: true }))).toThrow();
    expect(() => renderToStaticMarkup(createElement(Link, { to: "/start", prefetch: "intent" }))).toThrow();
  });

  it("takes a plain left click on a same-site link for this window, and nothing else", () => {
    expect(routerTakes(click, link, "https://mentorbro.dk")).toBe(true);
    expect(routerTakes(click, { ...link, target: "_self" }, link.origin)).toBe(true);
    expect(routerTakes({ ...click, defaultPrevented: true }, link, link.origin)).toBe(false);
    expect(routerTakes({ ...click, button: 1 }, link, link.origin)).toBe(false);
    for (const k of ["metaKey", "altKey", "ctrlKey", "shiftKey"] as const) {
      expect(routerTakes({ ...click, [k]: true }, link, link.origin)).toBe(false);
    }
    expect(routerTakes(click, { ...link, target: "_blank" }, link.origin)).toBe(false);
    expect(routerTakes(click, { ...link, hasDownload: true }, link.origin)).toBe(false);
    expect(routerTakes(click, { ...link, origin: "https://example.org" }, link.origin)).toBe(false);
  });
});
