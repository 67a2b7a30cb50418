/** The shared SQL helpers lists and records use (app/utils/sql.ts, app/services/person-records.server.ts). */
import { describe, expect, it } from "vitest";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { auditLog, messages } from "../../db/schema";
import { about } from "../../app/services/person-records.server";
import {
  builtOnce,
  childRows,
  countRows,
  eqIf,
  inIdList,
  orNull,
  pagedByKeys,
  pagedWhere,
  pick,
} from "../../app/utils/sql";
import { createTestDb } from "../support/test-db";

const dialect = new SQLiteSyncDialect();

describe("about", () => {
  it("names a record by subject on messages and consents, by entity on the history and the access log", () => {
    expect(dialect.sqlToQuery(about(messages, "mentee", 7))).toMatchObject({
      sql: '("messages"."subject_type" = ? and "messages"."subject_id" = ?)',
      params: ["mentee", 7],
    });
    expect(dialect.sqlToQuery(about(auditLog, "course", 3))).toMatchObject({
      sql: '("audit_log"."entity_type" = ? and "audit_log"."entity_id" = ?)',
      params: ["course", 3],
    });
  });
});

describe("eqIf", () => {
  it("filters by a value that was set, and not at all by one left empty", () => {
    expect(dialect.sqlToQuery(eqIf(messages.status, "sent")!)).toMatchObject({ params: ["sent"] });
    for (const empty of [undefined, null, "", 0]) expect(eqIf(messages.status, empty)).toBeUndefined();
  });
});

describe("paged lists", () => {
  const d = createTestDb();
  for (let i = 1; i <= 7; i++)
    d.insert(auditLog)
      .values({ action: "view", entityType: i % 2 ? "odd" : "even", entityId: i })
      .run();
  const odd = eqIf(auditLog.entityType, "odd");

  it("pagedWhere: the page of the filtered list and the true total of the same filter", () => {
    const list = { table: auditLog, where: odd, order: [asc(auditLog.entityId)], pageSize: 3 };
    const page = (n: number) => pagedWhere(d, n, list, d.select({ n: auditLog.entityId }).from(auditLog));
    expect(page(1)).toMatchObject({ total: 4, pages: 2, rows: [{ n: 1 }, { n: 3 }, { n: 5 }] });
    expect(page(2)).toMatchObject({ page: 2, from: 4, to: 4, rows: [{ n: 7 }] });
    // A page past the end shows the last one.
    expect(page(9)).toMatchObject({ page: 2, rows: [{ n: 7 }] });
  });

  it("pagedByKeys: a page's keys first, then its rows for those keys only, in the list's order", () => {
    const keys = d.select({ id: auditLog.id }).from(auditLog).where(odd).orderBy(asc(auditLog.id));
    const seen: number[] = [];
    const page = pagedByKeys(
      2,
      () => countRows(d, auditLog, odd),
      keys,
      (pageKeys) => {
        const rows = d
          .select({ n: auditLog.entityId })
          .from(auditLog)
          .where(inArray(auditLog.id, pageKeys))
          .orderBy(asc(auditLog.id))
          .all();
        seen.push(rows.length);
        return rows;
      },
      2,
    );
    expect(page).toMatchObject({ total: 4, page: 2, rows: [{ n: 5 }, { n: 7 }] });
    expect(seen).toEqual([2]);
    // No rows in the total: the rows are not read at all.
    const none = eqIf(auditLog.entityType, "none");
    const empty = pagedByKeys(
      1,
      () => countRows(d, auditLog, none),
      keys,
      () => {
        throw new Error("read");
      },
    );
    expect(empty).toMatchObject({ total: 0, rows: [] });
  });
});

describe("builtOnce", () => {
  it("builds a query once per connection, and each run reads what the table holds then", () => {
    const builds: string[] = [];
    const byEntity = builtOnce((d: ReturnType<typeof createTestDb>) => {
      builds.push("built");
      return d
        .select({ id: auditLog.entityId })
        .from(auditLog)
        .where(eq(auditLog.entityType, sql.placeholder("type")))
        .orderBy(asc(auditLog.entityId))
        .prepare();
    });
    const [a, b] = [createTestDb(), createTestDb()];
    a.insert(auditLog).values({ action: "view", entityType: "course", entityId: 1 }).run();
    expect(byEntity(a).all({ type: "course" })).toEqual([{ id: 1 }]);
    a.insert(auditLog).values({ action: "view", entityType: "course", entityId: 2 }).run();
    expect(byEntity(a).all({ type: "course" })).toEqual([{ id: 1 }, { id: 2 }]);
    expect(byEntity(a).all({ type: "mentee" })).toEqual([]);
    expect(builds).toHaveLength(1);
    // Another connection gets its own query, on its own data.
    expect(byEntity(b).all({ type: "course" })).toEqual([]);
    expect(builds).toHaveLength(2);
  });
});

describe("inIdList", () => {
  it("reads the rows of the ids bound as one JSON array, whichever ids and however many", () => {
    const d = createTestDb();
    for (let i = 1; i <= 5; i++) d.insert(auditLog).values({ action: "view", entityType: "mentee", entityId: i }).run();
    const ofIds = d
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(inIdList(auditLog.entityId, "ids"))
      .orderBy(asc(auditLog.entityId))
      .prepare();
    expect(ofIds.all({ ids: JSON.stringify([4, 2, 9]) })).toEqual([{ id: 2 }, { id: 4 }]);
    expect(ofIds.all({ ids: JSON.stringify([1, 2, 3, 4, 5]) })).toHaveLength(5);
    expect(ofIds.all({ ids: "[]" })).toEqual([]);
    expect(dialect.sqlToQuery(inIdList(auditLog.entityId, "ids")).sql).toBe(
      '"audit_log"."entity_id" in (select value from json_each(?))',
    );
  });
});

describe("childRows", () => {
  const d = createTestDb();
  for (let i = 1; i <= 5; i++)
    d.insert(auditLog)
      .values({ action: "view", entityType: "mentor", entityId: i % 2 })
      .run();

  it("reads one record's rows in the given order, at most the given number", () => {
    const rows = (max?: number) =>
      childRows(d.select({ id: auditLog.id }).from(auditLog), auditLog.entityId, 1, [desc(auditLog.id)], max);
    expect(rows()).toEqual([{ id: 5 }, { id: 3 }, { id: 1 }]);
    expect(rows(2)).toEqual([{ id: 5 }, { id: 3 }]);
  });
});

describe("pick and orNull", () => {
  it("copy a form's fields into a row, an optional field left out as NULL", () => {
    const form: { a: number; b?: string; c?: string; d: string } = { a: 1, c: "x", d: "y" };
    expect({ ...pick(form, ["a"]), ...orNull(form, ["b", "c"]) }).toEqual({ a: 1, b: null, c: "x" });
  });
});
