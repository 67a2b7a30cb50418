/**
 * Configuration, read once from the environment through one zod schema. A missing or bad variable is named and the
 * process stops: better at start than at the first email.
 */
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { z } from "zod";
import { isValidSenderId } from "./domain/sms";

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("data/mentorbro.sqlite"),
  SESSION_SECRET: optionalString,
  APP_URL: optionalString.pipe(z.url().optional()),
  /**
   * Seed the demo into an empty database at start. Unset means: yes on a developer's machine, never in production
   * (where `true` is refused: the demo accounts share a published password).
   */
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  /**
   * How many reverse proxies in front of the app to trust for the client's address (X-Forwarded-For) and host. 0: none,
   * the address is the socket's and forwarded headers are ignored (a client could write anything in them).
   */
  TRUST_PROXY: z.coerce
    .number({ error: "a whole number of proxy hops (0 = none)" })
    .int("a whole number of proxy hops (0 = none)")
    .min(0, "a whole number of proxy hops (0 = none)")
    .max(10, "at most 10 proxy hops")
    .default(0),
  RESEND_API_KEY: optionalString,
  EMAIL_FROM: z.string().min(3).default("Mentorbro <noreply@mentorbro.local>"),
  /** Where people write about their data and about accessibility (the privacy notice and accessibility statement say it). */
  CONTACT_EMAIL: optionalString.pipe(z.email("an email address").optional()),
  SMS_PROVIDER: z.enum(["local", "gatewayapi", "twilio"]).default("local"),
  SMS_API_KEY: optionalString,
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9 ]{1,11}$/, "max 11 letters, digits or spaces")
    .default("Mentorbro"),
  /**
   * A number that receives SMS for us (a GatewayAPI virtual number), told to citizens as where to send STOP. The
   * sender id is a name, which cannot be answered, so without this number no SMS promises that STOP works.
   */
  SMS_STOP_NUMBER: optionalString.pipe(
    z
      .string()
      .regex(/^\+?[0-9][0-9 ]{2,18}$/, "digits and spaces, optionally with a leading +")
      .optional(),
  ),
  /** GatewayAPI endpoint (override for an EU account: https://gatewayapi.eu/rest/mtsms, or a fake in tests). */
  SMS_API_URL: z.url().default("https://gatewayapi.com/rest/mtsms"),
  /** Secret of GatewayAPI's webhook JWT (X-Gwapi-Signature); without it /webhooks/sms* refuse every call. */
  SMS_WEBHOOK_SECRET: optionalString,
  /** Resend webhook signing secret (whsec_...); without it /webhooks/resend refuses every call. */
  RESEND_WEBHOOK_SECRET: optionalString,
  /** Resend API base (tests point it at a fake on loopback). */
  RESEND_API_URL: optionalString.pipe(z.url().optional()),
  /**
   * Where the local sink writes each message it "delivers" (the developer is the recipient). Default: `sink/` beside
   * the database, except in production, where the sink writes nothing unless this is set.
   */
  LOCAL_SINK_DIR: optionalString,
  /**
   * Where report exports made as background jobs are written (private: never under public/, deleted after a day by the
   * housekeeping job). Default: `exports/` beside the database.
   */
  EXPORT_DIR: optionalString,
  /**
   * Background jobs this process runs at once, each in a worker process of its own at a low CPU priority (docs/decisions/015):
   * two, so an export or the daily jobs need not wait for a national matching run.
   */
  JOB_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  /** A provider call that takes longer is abandoned and retried later. */
  SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  /** Run the sender loop and scheduler in this process (tests may turn them off and drive them by hand). */
  BACKGROUND_JOBS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Test only: lets an e2e test move the server's clock. Refused in production. */
  ALLOW_TEST_CLOCK: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * Benchmarks: measure the event loop's delays (perf_hooks) and log them on SIGUSR2. Off by default; a signal can only
   * come from the machine's own operator, so nothing is exposed over HTTP.
   */
  EVENT_LOOP_STATS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Diagnostics and the query-plan test: append every distinct SQL statement the server prepares (after migrating) to
   * this file, as JSON lines. The statements' text only, with `?` placeholders: no values, so no personal data.
   */
  SQL_LOG_FILE: optionalString,
});
export type Config = Omit<
  z.infer<typeof configSchema>,
  "SEED_DEMO" | "CONTACT_EMAIL" | "LOCAL_SINK_DIR" | "EXPORT_DIR"
> & {
  LOCAL_SINK_DIR: string | null;
  EXPORT_DIR: string;
  CONTACT_EMAIL: string;
  SESSION_SECRET: string;
  APP_URL: string;
  SEED_DEMO: boolean;
  /** Cookies are `Secure` and HSTS is sent: the public URL is https, or this is production (behind a TLS proxy). */
  HTTPS: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parse an environment; throws ConfigError naming every bad variable. Pure, so it is unit-tested. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  const c = result.data;
  const problems: string[] = [];
  if (c.NODE_ENV === "production" && !c.SESSION_SECRET) problems.push("SESSION_SECRET: required in production");
  if (c.SESSION_SECRET && c.SESSION_SECRET.length < 32) problems.push("SESSION_SECRET: at least 32 characters");
  if (c.NODE_ENV === "production" && c.ALLOW_TEST_CLOCK) problems.push("ALLOW_TEST_CLOCK: never in production");
  if (c.NODE_ENV === "production" && !c.CONTACT_EMAIL)
    problems.push("CONTACT_EMAIL: required in production (the privacy notice and the accessibility statement give it)");
  if (c.NODE_ENV === "production" && c.SEED_DEMO === "true") {
    problems.push(
      "SEED_DEMO: never in production: the demo accounts share a published password. Unset it and create the first admin with `npm run admin:create -- --email you@example.org`",
    );
  }
  if (c.SMS_PROVIDER !== "local" && !c.SMS_API_KEY)
    problems.push(`SMS_API_KEY: required when SMS_PROVIDER=${c.SMS_PROVIDER}`);
  if (c.SMS_PROVIDER === "twilio")
    problems.push("SMS_PROVIDER: twilio is not implemented; use gatewayapi (docs/decisions/007)");
  if (!isValidSenderId(c.SMS_SENDER))
    problems.push("SMS_SENDER: 1-11 letters, digits or spaces, with at least one letter");
  if (problems.length) throw new ConfigError(problems);
  const host = c.HOST === "0.0.0.0" ? "localhost" : c.HOST;
  const appUrl = c.APP_URL ?? `http://${host}:${c.PORT}`;
  return {
    ...c,
    SESSION_SECRET: c.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    APP_URL: appUrl,
    LOCAL_SINK_DIR: c.LOCAL_SINK_DIR ?? (c.NODE_ENV === "production" ? null : join(dirname(c.DATABASE_URL), "sink")),
    EXPORT_DIR: c.EXPORT_DIR ?? join(dirname(c.DATABASE_URL), "exports"),
    SEED_DEMO: c.SEED_DEMO ? c.SEED_DEMO === "true" : c.NODE_ENV !== "production",
    CONTACT_EMAIL: c.CONTACT_EMAIL ?? "kontakt@mentorbro.local",
    HTTPS: appUrl.startsWith("https:") || c.NODE_ENV === "production",
  };
}

let cached: Config | undefined;
/** The configuration of this process (parsed on first use). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
