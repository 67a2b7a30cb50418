import { describe, expect, it } from "vitest";
import { cacheablePath, invalidatePublicPages, publicPageCache, type RenderPage } from "./public-pages.server";

/** A stand-in for Remix: a page that shows its language and nonce, and counts how often it was made. */
function fakeRender(
  over: (request: Request) => Partial<{ status: number; headers: Record<string, string>; body: string }> = () => ({}),
) {
  const calls: string[] = [];
  const render: RenderPage = async (request, nonce) => {
    calls.push(
      `${new URL(request.url).pathname}|${request.headers.get("accept-language")}|${request.headers.get("cookie") ?? ""}`,
    );
    const o = over(request);
    return new Response(
      o.body ??
        `<html lang="${request.headers.get("accept-language")}"><script nonce="${nonce}"></script><script nonce="${nonce}"></script></html>`,
      {
        status: o.status ?? 200,
        headers: { "Content-Type": "text/html; charset=utf-8", ...o.headers },
      },
    );
  };
  return { render, calls };
}
const get = (url: string, cookie?: string, acceptLanguage?: string) => ({ method: "GET", url, cookie, acceptLanguage });

describe("the public page cache", () => {
  it("takes only GET/HEAD of a public page without query string, from a visitor with no cookie but the language", () => {
    expect(cacheablePath(get("/"))).toBe("/");
    expect(cacheablePath({ method: "HEAD", url: "/login", cookie: undefined })).toBe("/login");
    expect(cacheablePath(get("/", "mb_lng=ImVuIg%3D%3D"))).toBe("/");
    expect(cacheablePath({ method: "POST", url: "/login", cookie: undefined })).toBeNull();
    expect(cacheablePath(get("/?x=1"))).toBeNull();
    expect(cacheablePath(get("/login?redirectTo=/admin"))).toBeNull();
    expect(cacheablePath(get("/koordinator"))).toBeNull();
    expect(cacheablePath(get("/", "mb_session=abc"))).toBeNull();
    expect(cacheablePath(get("/login", "mb_lng=x; mb_mfa=y"))).toBeNull();
    expect(cacheablePath(get("/", "other=1"))).toBeNull();
  });

  it("makes a page once per language and gives every response its own nonce", async () => {
    const { render, calls } = fakeRender();
    const cache = publicPageCache(render);
    const a = (await cache.lookup(get("/", undefined, "en-GB,en;q=0.9")))!;
    const b = (await cache.lookup(get("/", undefined, "en")))!;
    const da = (await cache.lookup(get("/", undefined, "da")))!;
    expect(calls).toEqual(["/|en|", "/|da|"]);
    expect(a.html("N1")).toBe('<html lang="en"><script nonce="N1"></script><script nonce="N1"></script></html>');
    expect(b.html("N2")).toContain('nonce="N2"');
    expect(b.html("N2")).not.toContain("mb-nonce-");
    expect(da.html("N3")).toContain('lang="da"');
    expect(a.headers).toEqual([["content-type", "text/html; charset=utf-8"]]);
  });

  it("renders for a visitor without cookies, whatever cookie the language came from", async () => {
    const { render, calls } = fakeRender();
    const cache = publicPageCache(render);
    expect(await cache.lookup(get("/login", "mb_lng=ImVuIg%3D%3D"))).not.toBeNull();
    expect(calls).toEqual(["/login|en|"]);
  });

  it("keeps nothing that is not a plain 200 page: an error, a cookie being set, no-store, a page without the nonce", async () => {
    const answers: Partial<{ status: number; headers: Record<string, string>; body: string }>[] = [
      { status: 500 },
      { headers: { "Set-Cookie": "a=b" } },
      { headers: { "Cache-Control": "private" } },
      { body: "<html>no scripts</html>" },
    ];
    for (const o of answers) {
      const { render, calls } = fakeRender(() => o);
      const cache = publicPageCache(render);
      expect(await cache.lookup(get("/"))).toBeNull();
      expect(await cache.lookup(get("/"))).toBeNull();
      expect(calls).toHaveLength(2);
      expect(cache.size()).toBe(0);
    }
  });

  it("makes a page again after its time, or at once when what it shows changed", async () => {
    let t = 1_000;
    const { render, calls } = fakeRender();
    const cache = publicPageCache(render, { ttlMs: 100, now: () => t });
    await cache.lookup(get("/"));
    t += 99;
    await cache.lookup(get("/"));
    expect(calls).toHaveLength(1);
    t += 1;
    await cache.lookup(get("/"));
    expect(calls).toHaveLength(2);
    invalidatePublicPages();
    await cache.lookup(get("/"));
    expect(calls).toHaveLength(3);
  });

  it("makes a page once when many ask for it at the same time", async () => {
    const { render, calls } = fakeRender();
    const cache = publicPageCache(render);
    const pages = await Promise.all(Array.from({ length: 20 }, () => cache.lookup(get("/privatliv"))));
    expect(pages.every(Boolean)).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
