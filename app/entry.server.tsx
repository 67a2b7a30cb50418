import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
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

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  noStoreWhenSignedIn(request, responseHeaders);
  const bot = isbot(request.headers.get("user-agent") || "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
