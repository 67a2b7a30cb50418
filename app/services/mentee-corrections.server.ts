/**
 * Correcting a referred citizen's record after referral, and the coordinator's intake call (issue 19). The coordinator
 * and the citizen's own caseworker (scope: their municipality) may correct contact details, language, channel, Danish
 * level, wished industries and goals. Each correction is one transaction: the record, a history line naming the changed
 * fields (never their values) and an access-log entry naming the same fields.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { menteeChanges, mentees, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { fail, ok, scopeWhere, transaction, type Actor, type Result, type Scope } from "./kernel.server";
import { changedFields, type CorrectableFieldName, type CorrectableValues } from "../domain/mentee-corrections";
import { SUB_PAGE_SIZE, type Page } from "../domain/paging";
import { pagedWhere } from "../utils/sql";
import type { CorrectionInput } from "../schemas/referral";
import type { Channel, DanishLevel, Goal, MessageLanguage } from "../domain/enums";

const correctable = {
  id: mentees.id,
  firstName: mentees.firstName,
  lastName: mentees.lastName,
  status: mentees.status,
  phone: mentees.phone,
  email: mentees.email,
  preferredChannel: mentees.preferredChannel,
  language: mentees.language,
  danishLevel: mentees.danishLevel,
  danishModule: mentees.danishModule,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  goals: mentees.goals,
};

function loadInScope(d: Db, scope: Scope, id: number) {
  return (
    d
      .select(correctable)
      .from(mentees)
      .where(and(eq(mentees.id, id), scopeWhere(scope, mentees.municipalityCode), isNull(mentees.anonymisedAt)))
      .get() ?? null
  );
}

/** The record's correctable values for the form (a logged read), or null outside scope or once anonymised. */
export function correctionFormFor(scope: Scope, id: number, actor: Actor) {
  const row = loadInScope(db(), scope, id);
  if (!row) return null;
  audit(actor, "view", "mentee", id, { view: "correction" });
  return row;
}

/** Corrects the record; returns the fields that changed (none: nothing written), or null outside scope. */
export function correctMentee(
  scope: Scope,
  id: number,
  actor: Actor,
  input: CorrectionInput,
): CorrectableFieldName[] | null {
  return transaction((tx) => {
    const before = loadInScope(tx, scope, id);
    if (!before) return null;
    const after: CorrectableValues = {
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredChannel: input.preferredChannel,
      language: input.language,
      danishLevel: input.danishLevel,
      danishModule: input.danishModule ?? null,
      wishedIndustryCodes: input.wishedIndustryCodes,
      goals: input.goals,
    };
    const fields = changedFields(before, after);
    if (!fields.length) return fields;
    tx.update(mentees)
      .set({
        phone: after.phone,
        email: after.email,
        preferredChannel: after.preferredChannel as Channel,
        language: after.language as MessageLanguage,
        danishLevel: after.danishLevel as DanishLevel,
        danishModule: after.danishModule,
        wishedIndustryCodes: [...after.wishedIndustryCodes],
        goals: [...after.goals] as Goal[],
      })
      .where(eq(mentees.id, id))
      .run();
    tx.insert(menteeChanges).values({ menteeId: id, kind: "correction", fields, byUserId: actor.id }).run();
    audit(actor, "update", "mentee", id, { correction: fields }, tx);
    return fields;
  });
}

/** The intake call cannot be logged: no such citizen in scope, or not a coordinator (the page answers 404). */
export const INTAKE_REFUSED = "referrals.corrections.intakeRefused";

/** The coordinator logs the intake call (visitationssamtale). Coordinators only: a caseworker's scope is refused. */
export function logIntakeCall(
  scope: Scope,
  id: number,
  actor: Actor,
  input: { calledOn: string; note?: string },
): Result {
  if (scope.kind !== "all") return fail(INTAKE_REFUSED);
  return transaction((tx) => {
    if (!loadInScope(tx, scope, id)) return fail(INTAKE_REFUSED);
    const row = tx
      .insert(menteeChanges)
      .values({
        menteeId: id,
        kind: "intake_call",
        calledOn: input.calledOn,
        note: input.note || null,
        byUserId: actor.id,
      })
      .returning({ id: menteeChanges.id })
      .get();
    audit(actor, "create", "intake_call", row.id, { menteeId: id }, tx);
    return ok();
  });
}

export type RecordChange = {
  id: number;
  kind: "correction" | "intake_call";
  fields: string[];
  calledOn: string | null;
  note: string | null;
  byName: string | null;
  at: string;
};

/** The record's corrections and intake calls, newest first, one page with the true total. Callers check scope first. */
export function recordChanges(menteeId: number, page: number): Page<RecordChange> {
  const d = db();
  return pagedWhere(
    d,
    page,
    {
      table: menteeChanges,
      where: eq(menteeChanges.menteeId, menteeId),
      order: [desc(menteeChanges.at), desc(menteeChanges.id)],
      pageSize: SUB_PAGE_SIZE,
    },
    d
      .select({
        id: menteeChanges.id,
        kind: menteeChanges.kind,
        fields: menteeChanges.fields,
        calledOn: menteeChanges.calledOn,
        note: menteeChanges.note,
        byName: users.name,
        at: menteeChanges.at,
      })
      .from(menteeChanges)
      .leftJoin(users, eq(users.id, menteeChanges.byUserId)),
  );
}
