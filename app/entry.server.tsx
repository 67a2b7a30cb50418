import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";

export { boot, shutdown } from "./boot.server";
export { refusedPage } from "./refused.server";
export { publicPageCache, PUBLIC_PAGES } from "./public-pages.server";

const ABORT_DELAY = 5_000;

/**
 * A signed-in user's pages (and their single-fetch data) carry personal data: no browser, proxy or back-button cache
 * may keep them. Routes that set their own Cache-Control (the token pages) keep theirs.
 */
function noStoreWhenSignedIn(request: Request, headers: Headers): void {
  if (!headers.has("Cache-Control") && /(?:^|;\s*)mb_session=/.test(request.headers.get("Cookie") ?? "")) {
    headers.set("Cache-Control", "no-store");
  }
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  noStoreWhenSignedIn(request, response.headers);
  return response;
}

/**
 * Every page is rendered in one pass to a string (loader data included: single fetch inlines it) and sent as one body
 * (decision 020). No page defers data, so React's streaming renderer gained nothing here and cost a tenth to a fifth of
 * a page's CPU: it copies every piece of markup into a byte buffer as it goes. `renderToString` joins strings instead,
 * but gives up on anything that suspends, and Remix's StreamTransfer suspends until each chunk of the inlined data is
 * read: so the data is read to the end first (`handOffReady`). The string renderer does not write the doctype.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  noStoreWhenSignedIn(request, responseHeaders);
  await handOffReady(remixContext);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Bytes, not the string: a string body is first checked for lone surrogates (a pass over the page), then encoded.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Reads the loader data that single fetch inlines into the page to its end and hands it to Remix's StreamTransfer as
 * already read: it looks in `renderMeta.streamCache` (part of Remix's EntryContext type) before it waits for a chunk.
 * One chunk of all the data, then the end: the browser's decoder reads its input in whatever chunks arrive.
 */
async function handOffReady(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream) return;
  const meta = (context.renderMeta ??= {});
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
  text += decoder.decode();
  reader.releaseLock();
  const read = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  meta.streamCache = { 0: read({ done: false, value: text }), 1: read({ done: true, value: "" }) };
}
