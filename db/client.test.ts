import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDb } from "./client";
import { users } from "./schema";

describe("a connection reuses compiled statements", () => {
  const d = openDb(":memory:");
  d.$client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  d.$client.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");

  it("hands out the same statement for the same SQL text, and results follow the bound values", () => {
    const q = "SELECT name FROM t WHERE id = ?";
    expect(d.$client.prepare(q)).toBe(d.$client.prepare(q));
    expect(d.$client.prepare(q).get(1)).toEqual({ name: "a" });
    expect(d.$client.prepare(q).get(2)).toEqual({ name: "b" });
  });

  it("puts a reused statement back in its plain mode (drizzle switches it to raw rows)", () => {
    const q = "SELECT id, name FROM t ORDER BY id";
    expect(d.$client.prepare(q).raw().all()[0]).toEqual([1, "a"]);
    expect(d.$client.prepare(q).all()[0]).toEqual({ id: 1, name: "a" });
    expect(d.$client.prepare(q).pluck().all()).toEqual([1, 2, 3]);
    expect(d.$client.prepare(q).get()).toEqual({ id: 1, name: "a" });
  });

  it("gives a fresh statement while the kept one is being iterated", () => {
    const q = "SELECT name FROM t ORDER BY id";
    const names: string[] = [];
    for (const row of d.$client.prepare(q).iterate() as Iterable<{ name: string }>) {
      const again = d.$client.prepare(q);
      expect(again.busy).toBe(false);
      names.push(row.name);
    }
    expect(names).toEqual(["a", "b", "c"]);
  });

  it("works for drizzle's queries, with a different value each time", () => {
    const e = openDb(":memory:");
    e.$client.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
    expect(e.all(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect(e.select({ id: users.id }).from(users).where(eq(users.id, 1)).all()).toEqual([]);
    e.$client.exec("INSERT INTO users (id, email) VALUES (1, 'x@example.org'), (2, 'y@example.org')");
    expect(e.select({ id: users.id }).from(users).where(eq(users.id, 1)).all()).toEqual([{ id: 1 }]);
    expect(e.select({ id: users.id }).from(users).where(eq(users.id, 2)).get()).toEqual({ id: 2 });
  });
});
