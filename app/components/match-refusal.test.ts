import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { matchRefusalText } from "./match-refusal";

/** A `t` that shows which key it was asked for and with what rules. */
const t = ((key: string, opts?: { rules?: string }) => (opts?.rules ? `${key}(${opts.rules})` : key)) as TFunction;

describe("a refused pair's text", () => {
  it("names the rules that refused it, each in the reader's language", () => {
    expect(matchRefusalText(t, 'matching.errors.rule|{"rules":"mentor_at_capacity,pair_declined"}')).toBe(
      "matching.errors.rule(matching.rule.mentor_at_capacity; matching.rule.pair_declined)",
    );
  });
  it("reads a key as it is, and a bare code stored on an older pool-run pair as a matching error", () => {
    expect(matchRefusalText(t, "volunteer.request.errors.answered")).toBe("volunteer.request.errors.answered");
    expect(matchRefusalText(t, "busy")).toBe("matching.errors.busy");
  });
});
