import { describe, expect, it } from "vitest";
import { parseScopeKey, scopeKey, type PoolScope } from "./pool-scope";

describe("pool scope keys", () => {
  const scopes: PoolScope[] = [
    { area: "country", section: null },
    { area: "country", section: "F" },
    { area: "region", region: 1084, section: null },
    { area: "municipality", municipality: 751, section: "Q" },
  ];
  it("round-trip, and differ between scopes", () => {
    for (const s of scopes) expect(parseScopeKey(scopeKey(s))).toEqual(s);
    expect(new Set(scopes.map(scopeKey)).size).toBe(scopes.length);
    expect(scopeKey({ area: "region", region: 1084, section: null })).toBe("region:1084");
  });
  it("refuse anything else", () => {
    for (const k of ["", "world", "region:12", "municipality:7510", "country/section:Z", "country/section:F/x"])
      expect(parseScopeKey(k)).toBeNull();
  });
});
