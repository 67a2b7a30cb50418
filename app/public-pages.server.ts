/**
 * The public pages (landing, sign-up, login, the privacy and accessibility statements) are the same for every visitor
 * of a language, so a ready copy per (page, language) is kept and sent before Remix runs (server.mjs asks `lookup`
 * first). Rules, so that nothing personal or per-session is ever cached:
 *
 * - only GET/HEAD of the exact paths in PUBLIC_PAGES, without a query string;
 * - only for a visitor who carries no cookie but the language choice (`mb_lng`): anyone signed in, half-way through a
 *   login (`mb_mfa`) or with any other cookie goes to Remix as before;
 * - a copy is made by rendering the page for a visitor with no cookie at all and only the language, and kept only if
 *   it came back 200, as HTML, without Set-Cookie and without `Cache-Control: no-store/private`;
 * - the page's CSP nonce differs per response: the copy is rendered with a placeholder nonce, replaced by the
 *   response's own nonce each time it is sent;
 * - a copy lives `PUBLIC_PAGE_TTL_MS` (60 s), and goes at once when what the pages show changes in this process
 *   (`invalidatePublicPages`: partner municipalities, the retention period), in every process of the server.
 */
import { randomBytes } from "node:crypto";
import type { UiLocale } from "./domain/enums";
import { getLocale } from "./i18n/locale.server";
import { notifyPeers, onPeerEvent } from "./peers.server";

export const PUBLIC_PAGES: readonly string[] = [
  "/",
  "/bliv-mentor",
  "/login",
  "/glemt-adgangskode",
  "/privatliv",
  "/tilgaengelighed",
];
export const PUBLIC_PAGE_TTL_MS = 60_000;
/** Cookies that may be present on a cached page's request: the language choice only. */
const HARMLESS_COOKIES = new Set(["mb_lng"]);
const KEPT_HEADERS = new Set(["content-type", "cache-control", "content-language", "x-robots-tag"]);

let generation = 0;
/**
 * What the public pages show has changed (an admin saved partners or the retention period): make them again, here and
 * in the server's other processes.
 */
export function invalidatePublicPages(): void {
  generation++;
  notifyPeers("public-pages-changed");
}
onPeerEvent("public-pages-changed", () => generation++);

export type PublicRequest = {
  method: string;
  url: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
};
export type CachedPage = { status: number; headers: [string, string][]; html: (nonce: string) => string };
/** Renders a page as Remix would (server.mjs passes its handler): the request and the nonce to put in the page. */
export type RenderPage = (request: Request, nonce: string) => Promise<Response>;

type Entry = { status: number; headers: [string, string][]; parts: string[]; expires: number; generation: number };

/** The cookie names in a Cookie header. */
function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((c) => c.split("=")[0].trim())
    .filter(Boolean);
}

/** Whether a request may be answered from the cache, and the page's path then. Pure. */
export function cacheablePath(r: Pick<PublicRequest, "method" | "url" | "cookie">): string | null {
  if (r.method !== "GET" && r.method !== "HEAD") return null;
  if (r.url.includes("?") || !PUBLIC_PAGES.includes(r.url)) return null;
  if (cookieNames(r.cookie).some((n) => !HARMLESS_COOKIES.has(n))) return null;
  return r.url;
}

export function publicPageCache(render: RenderPage, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttl = opts.ttlMs ?? PUBLIC_PAGE_TTL_MS;
  const now = opts.now ?? Date.now;
  const placeholder = `mb-nonce-${randomBytes(12).toString("hex")}`;
  const entries = new Map<string, Entry>();
  const filling = new Map<string, Promise<Entry | null>>();

  async function fill(path: string, locale: UiLocale): Promise<Entry | null> {
    // A visitor with nothing but the language: no cookie, so no session, and the root reads the language from this.
    const request = new Request(new URL(path, "http://localhost"), {
      headers: { "Accept-Language": locale, "User-Agent": "mentorbro-public-page-cache" },
    });
    const at = generation;
    const res = await render(request, placeholder);
    const html = await res.text();
    const cacheControl = res.headers.get("cache-control") ?? "";
    if (
      res.status !== 200 ||
      res.headers.has("set-cookie") ||
      !/^text\/html/.test(res.headers.get("content-type") ?? "") ||
      /no-store|private/.test(cacheControl) ||
      !html.includes(placeholder)
    )
      return null;
    const headers = [...res.headers].filter(([k]) => KEPT_HEADERS.has(k.toLowerCase()));
    return { status: res.status, headers, parts: html.split(placeholder), expires: now() + ttl, generation: at };
  }

  return {
    /**
     * The ready page for this request, or null: then the request goes to Remix as usual (not a public page, a
     * visitor with cookies, or a page that cannot be kept).
     */
    async lookup(r: PublicRequest): Promise<CachedPage | null> {
      const path = cacheablePath(r);
      if (!path) return null;
      const locale = await getLocale(
        new Request("http://localhost/", {
          headers: {
            ...(r.cookie ? { Cookie: r.cookie } : {}),
            ...(r.acceptLanguage ? { "Accept-Language": r.acceptLanguage } : {}),
          },
        }),
      );
      const key = `${path}|${locale}`;
      let entry = entries.get(key);
      if (!entry || entry.expires <= now() || entry.generation !== generation) {
        let pending = filling.get(key);
        if (!pending) {
          pending = fill(path, locale).finally(() => filling.delete(key));
          filling.set(key, pending);
        }
        const made = await pending;
        if (!made) {
          entries.delete(key);
          return null;
        }
        entries.set(key, made);
        entry = made;
      }
      const { parts, status, headers } = entry;
      return { status, headers, html: (nonce) => parts.join(nonce) };
    },
    /** The pages kept now (for tests). */
    size: () => entries.size,
  };
}
