/**
 * Long work on the request path or in a job gives the event loop back between chunks, so other requests are answered
 * meanwhile (a chunk is sized to take well under 100 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
