import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

describe("configuration", () => {
  it("has working defaults for a fresh machine", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe("data/mentorbro.sqlite");
    expect(c.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(c.SEED_DEMO).toBe(true);
    expect(c.SMS_PROVIDER).toBe("local");
    expect(c.APP_URL).toBe("http://localhost:3000");
  });
  it("names every bad variable at once", () => {
    try {
      parseConfig({ PORT: "seventy", LOG_LEVEL: "loud", SMS_SENDER: "A-much-too-long-sender" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/LOG_LEVEL/);
      expect(text).toMatch(/SMS_SENDER/);
    }
  });
  it("requires a session secret in production and never a test clock there", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required/);
    expect(() =>
      parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), ALLOW_TEST_CLOCK: "true" }),
    ).toThrow(/ALLOW_TEST_CLOCK/);
    expect(() => parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) })).toThrow(
      /CONTACT_EMAIL: required in production/,
    );
  });
  it("rejects a short secret and a provider without its key", () => {
    expect(() => parseConfig({ SESSION_SECRET: "short" })).toThrow(/at least 32/);
    expect(() => parseConfig({ SMS_PROVIDER: "gatewayapi" })).toThrow(/SMS_API_KEY/);
  });
  it("treats empty strings as unset", () => {
    expect(parseConfig({ RESEND_API_KEY: "" }).RESEND_API_KEY).toBeUndefined();
  });
  it("checks the SMS sender id and refuses an SMS provider that is not implemented", () => {
    expect(() => parseConfig({ SMS_SENDER: "12345678" })).toThrow(/SMS_SENDER: 1-11 letters/);
    expect(() => parseConfig({ SMS_PROVIDER: "twilio", SMS_API_KEY: "k" })).toThrow(/twilio is not implemented/);
    expect(parseConfig({ SMS_PROVIDER: "gatewayapi", SMS_API_KEY: "k", SMS_SENDER: "Mentor Bro" }).SMS_API_URL).toBe(
      "https://gatewayapi.com/rest/mtsms",
    );
  });
  it("seeds the demo on a developer's machine and never in production", () => {
    const secret = "x".repeat(40);
    const prod = { NODE_ENV: "production", SESSION_SECRET: secret, CONTACT_EMAIL: "dpo@example.org" };
    expect(parseConfig({}).SEED_DEMO).toBe(true);
    expect(parseConfig({ NODE_ENV: "test" }).SEED_DEMO).toBe(true);
    expect(parseConfig({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(parseConfig(prod).SEED_DEMO).toBe(false);
    expect(parseConfig({ ...prod, SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(() => parseConfig({ ...prod, SEED_DEMO: "true" })).toThrow(
      /SEED_DEMO: never in production.*npm run admin:create/,
    );
  });
  it("trusts no proxy unless told how many hops there are", () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(0);
    expect(parseConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: a whole number of proxy hops/);
    expect(() => parseConfig({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
  });
  it("makes cookies Secure (and sends HSTS) for an https APP_URL or in production", () => {
    expect(parseConfig({}).HTTPS).toBe(false);
    expect(parseConfig({ APP_URL: "https://mentorbro.example" }).HTTPS).toBe(true);
    expect(
      parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), CONTACT_EMAIL: "dpo@example.org" }).HTTPS,
    ).toBe(true);
  });
  it("measures the event loop only when asked to", () => {
    expect(parseConfig({}).EVENT_LOOP_STATS).toBe(false);
    expect(parseConfig({ EVENT_LOOP_STATS: "true" }).EVENT_LOOP_STATS).toBe(true);
    expect(() => parseConfig({ EVENT_LOOP_STATS: "yes" })).toThrow(/EVENT_LOOP_STATS/);
  });
});
