/**
 * The request gate (server/request-gate.mjs, decision 024): at most `limit` requests worked on at once, the others in
 * the order they came; a slot comes back when the headers are written or the handler ends, whichever is first.
 */
import { describe, expect, it } from "vitest";
import { requestConcurrency, requestGate } from "../../server/request-gate.mjs";

type Res = { writeHead: (...args: unknown[]) => Res; headers: number };
const response = (): Res => {
  const res: Res = {
    headers: 0,
    writeHead() {
      res.headers++;
      return res;
    },
  };
  return res;
};
/** A handler whose requests end when the test says so, recording the order they started in. */
function controlled() {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const handler = (req: { n: number; method?: string }) =>
    new Promise<void>((resolve) => {
      started.push(req.n);
      running++;
      most = Math.max(most, running);
      finish.set(req.n, () => {
        running--;
        resolve();
      });
    });
  return { handler, started, finish, most: () => most };
}
const settle = () => new Promise((r) => setImmediate(r));

describe("the request gate", () => {
  it("works on at most `limit` requests at once and starts the others in the order they came", async () => {
    const c = controlled();
    const gate = requestGate(c.handler as never, 2);
    const ends = [1, 2, 3, 4, 5].map((n) => gate({ n, method: "GET" } as never, response() as never, () => {}));
    await settle();
    expect(c.started).toEqual([1, 2]);
    c.finish.get(2)!();
    await settle();
    expect(c.started).toEqual([1, 2, 3]);
    c.finish.get(1)!();
    c.finish.get(3)!();
    await settle();
    expect(c.started).toEqual([1, 2, 3, 4, 5]);
    c.finish.get(4)!();
    c.finish.get(5)!();
    await Promise.all(ends);
    expect(c.most()).toBe(2);
  });

  it("gives the slot back when the headers are written, while the body may still be sent", async () => {
    const started: number[] = [];
    const gate = requestGate(
      ((req: { n: number }, res: Res) => {
        started.push(req.n);
        if (req.n === 1) {
          res.writeHead(200);
          return new Promise<void>(() => {}); // a download that never ends
        }
        return Promise.resolve();
      }) as never,
      1,
    );
    const first = response();
    void gate({ n: 1, method: "GET" } as never, first as never, () => {});
    const second = gate({ n: 2, method: "GET" } as never, response() as never, () => {});
    await second;
    expect(started).toEqual([1, 2]);
    expect(first.headers).toBe(1);
  });

  it("gives the slot back when a handler fails, and passes the error on", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const gate = requestGate(
      (() => {
        calls++;
        if (calls === 1) throw new Error("broke at once");
        if (calls === 2) return Promise.reject(new Error("broke later"));
        return Promise.resolve();
      }) as never,
      1,
    );
    const next = (e?: unknown) => errors.push(e);
    await gate({ method: "GET" } as never, response() as never, next);
    await gate({ method: "GET" } as never, response() as never, next);
    await gate({ method: "GET" } as never, response() as never, next);
    expect(calls).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(["broke at once", "broke later"]);
  });

  it("lets a form post pass while the page reads wait", async () => {
    const c = controlled();
    const gate = requestGate(c.handler as never, 1);
    void gate({ n: 1, method: "GET" } as never, response() as never, () => {});
    void gate({ n: 2, method: "GET" } as never, response() as never, () => {});
    void gate({ n: 3, method: "POST" } as never, response() as never, () => {});
    await settle();
    expect(c.started).toEqual([1, 3]);
    c.finish.get(1)!();
    await settle();
    expect(c.started).toEqual([1, 3, 2]);
  });

  it("with a limit of 0 passes every request straight on", async () => {
    const c = controlled();
    const gate = requestGate(c.handler as never, 0);
    [1, 2, 3].forEach((n) => void gate({ n, method: "GET" } as never, response() as never, () => {}));
    await settle();
    expect(c.started).toEqual([1, 2, 3]);
  });

  it("reads REQUEST_CONCURRENCY: 2 when unset, a whole number otherwise", () => {
    expect(requestConcurrency(undefined)).toBe(2);
    expect(requestConcurrency("")).toBe(2);
    expect(requestConcurrency("0")).toBe(0);
    expect(requestConcurrency("8")).toBe(8);
  });
});
