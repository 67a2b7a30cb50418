/**
 * The service kernel (decision 021): the few things every use case needs, said once.
 *
 * - `transaction(fn, on?)`: one way to run work atomically. It takes the caller's database or transaction, so use cases
 *   compose: called with a transaction it nests (a savepoint), called without one it opens an IMMEDIATE transaction on
 *   the process-wide database. The only `as unknown as Db` cast lives here.
 * - `Actor`: who acts (a signed-in user); `AuditActor` also covers a citizen on their own page and the system (null).
 * - `Result<T>`: what a use case returns when a person can get something wrong: a value, or form and field errors
 *   (i18n keys) that a route hands to Conform with `replyWith`.
 * - `Scope` and `scopeWhere`: the caseworker's municipality filter.
 * - `absoluteUrl(path)`: a link for an email or SMS, from APP_URL, without a doubled or missing slash.
 */
import { eq, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { SubmissionResult } from "@conform-to/react";
import { config } from "../config.server";
import { db, type Db } from "../db.server";

/* ------------------------------------------------------------------ transactions */

/** A transaction handle. Drizzle types it apart from the database, but it answers every query the same way. */
export type Tx = Db;

/**
 * Run `fn` atomically on `on` (the caller's transaction or database; the process-wide database by default). Inside a
 * transaction this is a savepoint, so a use case can be called alone or as part of a larger one.
 */
export function transaction<T>(fn: (tx: Tx) => T, on: Db = db()): T {
  return on.transaction((t) => fn(t as unknown as Tx), { behavior: "immediate" });
}

/* ------------------------------------------------------------------ actors */

/** Who acts: a signed-in user (their id and role). */
export type Actor = { id: number; role: string };
/** Who acted, for the history and the access log: a user, a citizen on their own page (`id: null`), or the system (null). */
export type AuditActor = { id: number | null; role: string } | null;

/* ------------------------------------------------------------------ results */

export type FieldErrors = Record<string, string[]>;
export type Failure = { ok: false; formErrors: string[]; fieldErrors: FieldErrors };
export type Result<T = undefined> = { ok: true; value: T } | Failure;

export function ok(): Result<undefined>;
export function ok<T>(value: T): Result<T>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

/** A failure with one message (an i18n key): next to `field` when given, else for the whole form. */
export function fail(message: string, field?: string): Failure {
  return field
    ? { ok: false, formErrors: [], fieldErrors: { [field]: [message] } }
    : { ok: false, formErrors: [message], fieldErrors: {} };
}

/** Several field errors at once (e.g. from a check of the whole input). */
export function failFields(fieldErrors: FieldErrors, formErrors: string[] = []): Failure {
  return { ok: false, formErrors, fieldErrors };
}

type Replying = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
};

/**
 * What a route returns for a failed use case: Conform's reply with the errors beside their fields, keeping what the
 * person typed (`hideFields` for passwords).
 */
export function replyWith(
  submission: Replying,
  failure: Failure,
  opts: { hideFields?: string[] } = {},
): SubmissionResult<string[]> {
  return submission.reply({
    formErrors: failure.formErrors,
    fieldErrors: failure.fieldErrors,
    hideFields: opts.hideFields,
  });
}

/* ------------------------------------------------------------------ scope */

/** The data a staff user may see: everything (coordinator, admin) or one municipality (caseworker). */
export type Scope = { kind: "all" } | { kind: "municipality"; code: number };

/** A scope in a query built once (`builtOnce`): the municipality's code given when the query runs. */
export type ScopeOf = { kind: "all" } | { kind: "municipality"; code: number | Placeholder };

/** The municipality filter on `column` (a municipality code): none for `all`, `column = code` for a caseworker. */
export function scopeWhere(scope: ScopeOf, column: SQLiteColumn): SQL | undefined {
  return scope.kind === "municipality" ? eq(column, scope.code) : undefined;
}

/** The municipality a query is for: a caseworker's own, whatever they asked; others choose (or not). */
export function scopedMunicipality(scope: Scope, requested: number | null | undefined): number | null {
  return scope.kind === "municipality" ? scope.code : (requested ?? null);
}

/* ------------------------------------------------------------------ links */

/** An absolute link to `path` (starting with `/`) on this installation, for emails, SMS and calendar invites. */
export function absoluteUrl(path: string, base: string = config().APP_URL): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** The first message of a failure (a form error, else the first field error): what a list shows beside a row. */
export function firstMessage(failure: Failure): string {
  return failure.formErrors[0] ?? Object.values(failure.fieldErrors).flat()[0] ?? "";
}
