import "@remix-run/node";

// Single fetch typing for useLoaderData/useActionData (v3_singleFetch is on in remix.config.js).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce set by server.mjs. */
    cspNonce?: string;
    /**
     * The client's address as server.mjs sees it: the socket's peer, or, behind TRUST_PROXY trusted proxies, the
     * address the outermost trusted proxy saw (never a header a client can write itself).
     */
    clientAddress?: string;
  }
}
