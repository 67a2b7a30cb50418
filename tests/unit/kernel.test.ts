/** The service kernel's small parts (app/services/kernel.server.ts). */
import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { mentees } from "../../db/schema";
import {
  absoluteUrl,
  fail,
  failFields,
  ok,
  replyWith,
  scopedMunicipality,
  scopeWhere,
} from "../../app/services/kernel.server";

describe("absoluteUrl", () => {
  it("joins APP_URL and a path with exactly one slash, whatever either side brings", () => {
    for (const base of ["https://mentorbro.dk", "https://mentorbro.dk/", "https://mentorbro.dk//"]) {
      expect(absoluteUrl("/mentor", base)).toBe("https://mentorbro.dk/mentor");
      expect(absoluteUrl("mentor", base)).toBe("https://mentorbro.dk/mentor");
    }
    expect(absoluteUrl("/afmeld/abc?x=1", "http://localhost:3000")).toBe("http://localhost:3000/afmeld/abc?x=1");
  });
  it("keeps a base path (an installation below /)", () => {
    expect(absoluteUrl("/login", "https://example.org/mentorbro/")).toBe("https://example.org/mentorbro/login");
  });
  it("uses the configured APP_URL by default", () => {
    expect(absoluteUrl("/login")).toMatch(/^https?:\/\/[^/]+(\/[^/]+)*\/login$/);
  });
});

describe("scope", () => {
  const dialect = new SQLiteSyncDialect();
  it("filters a caseworker's queries by their municipality and no one else's", () => {
    expect(scopeWhere({ kind: "all" }, mentees.municipalityCode)).toBeUndefined();
    const where = scopeWhere({ kind: "municipality", code: 751 }, mentees.municipalityCode)!;
    expect(dialect.sqlToQuery(where)).toMatchObject({ sql: '"mentees"."municipality_code" = ?', params: [751] });
  });
  it("gives a caseworker their own municipality whatever they asked for", () => {
    expect(scopedMunicipality({ kind: "municipality", code: 751 }, 101)).toBe(751);
    expect(scopedMunicipality({ kind: "all" }, 101)).toBe(101);
    expect(scopedMunicipality({ kind: "all" }, undefined)).toBeNull();
  });
});

describe("results", () => {
  it("carry a value or form and field errors", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("x.taken", "cvr")).toEqual({ ok: false, formErrors: [], fieldErrors: { cvr: ["x.taken"] } });
    expect(fail("x.notAllowed")).toEqual({ ok: false, formErrors: ["x.notAllowed"], fieldErrors: {} });
    expect(failFields({ a: ["m"] }, ["f"])).toEqual({ ok: false, formErrors: ["f"], fieldErrors: { a: ["m"] } });
  });
  it("become a Conform reply with the errors beside their fields and what was typed kept", () => {
    const form = new FormData();
    form.set("cvr", "12345678");
    form.set("password", "secret");
    const submission = parseWithZod(form, { schema: z.object({ cvr: z.string(), password: z.string() }) });
    const reply = replyWith(submission, fail("companies.form.cvrTaken", "cvr"), { hideFields: ["password"] });
    expect(reply.error).toEqual({ cvr: ["companies.form.cvrTaken"] });
    expect(reply.initialValue).toMatchObject({ cvr: "12345678" });
    expect(reply.initialValue?.password).toBeUndefined();
    expect(replyWith(submission, fail("x.gone")).error).toEqual({ "": ["x.gone"] });
  });
});
