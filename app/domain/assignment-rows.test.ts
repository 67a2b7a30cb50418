import { describe, expect, it } from "vitest";
import { MAX_TENTHS, PairRows, slotRows } from "./assignment-rows";
import { SLOT_SPAN } from "./assignment-sparse";

describe("pairs' rows", () => {
  it("keeps each row best score first, ties in the order given, and leaves out excluded pairs", () => {
    const rows = new PairRows();
    const degree = new Int32Array(5);
    rows.appendRow(Int32Array.from([0, 1, 2, 3, 4]), Int16Array.from([500, -1, 1000, 500, 0]), 5, degree);
    rows.appendRow(Int32Array.from([1, 3]), Int16Array.from([-1, -1]), 2, degree);
    rows.appendRow(Int32Array.from([1, 4]), Int16Array.from([7, 9]), 2, degree);
    expect(rows.n).toBe(6);
    expect([...rows.col.subarray(0, 6)]).toEqual([2, 0, 3, 4, 4, 1]);
    expect([...rows.sc.subarray(0, 6)]).toEqual([1000, 500, 500, 0, 9, 7]);
    expect([...degree]).toEqual([1, 1, 1, 1, 2]);
    expect(rows.scoreIn(0, 4, 3)).toBe(500);
    expect(rows.scoreIn(0, 4, 1)).toBe(-1);
  });

  it("grows past its first size without losing pairs", () => {
    const rows = new PairRows();
    const n = 3000;
    const degree = new Int32Array(n);
    const cols = Int32Array.from({ length: n }, (_, k) => k);
    const scores = Int16Array.from({ length: n }, (_, k) => k % (MAX_TENTHS + 1));
    rows.appendRow(cols, scores, n, degree);
    expect(rows.n).toBe(n);
    for (let e = 1; e < n; e++) expect(rows.sc[e - 1]).toBeGreaterThanOrEqual(rows.sc[e]);
    expect(rows.scoreIn(0, n, 2999)).toBe(2999 % (MAX_TENTHS + 1));
  });

  it("expands mentors to their slots as packed costs, cheapest first", () => {
    const rows = new PairRows();
    const degree = new Int32Array(3);
    rows.appendRow(Int32Array.from([0, 1, 2]), Int16Array.from([800, 900, 800]), 3, degree);
    rows.appendRow(Int32Array.from([1]), Int16Array.from([100]), 1, degree);
    const rowStart = Int32Array.from([0, 3, 4]);
    // Mentor 1 has two places (slots 1 and 2), mentors 0 and 2 one each (slots 0 and 3).
    const { rowPtr, pair } = slotRows(
      rows,
      rowStart,
      rowStart.subarray(1),
      [0, 1],
      [0, 1, 2],
      degree,
      Int32Array.from([0, 1, 3]),
      Int32Array.from([1, 2, 1]),
    );
    const unpack = (p: number) => [Math.floor(p / SLOT_SPAN), p % SLOT_SPAN];
    expect([...rowPtr]).toEqual([0, 4, 6]);
    expect([...pair].map(unpack)).toEqual([
      [100, 1],
      [100, 2],
      [200, 0],
      [200, 3],
      [900, 1],
      [900, 2],
    ]);
  });
});
