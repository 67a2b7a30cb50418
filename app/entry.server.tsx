import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
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
 * Every page is rendered to the end (loader data included: single fetch streams it inline) and sent as one body. No
 * page defers data, so streaming gained nothing but cost a web stream and a socket write per chunk React flushed
 * (about a tenth of a signed-in page's CPU); bots and browsers now get the same, complete page.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  noStoreWhenSignedIn(request, responseHeaders);
  return new Promise((resolve, reject) => {
    let allReady = false;
    // Armed first so every callback below can clear it; `abort` is read when it fires, after the render has started.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          allReady = true;
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Uint8Array, _encoding, done) {
              chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
              done();
            },
            final(done) {
              clearTimeout(timer);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (allReady) console.error(error);
        },
      },
    );
  });
}
