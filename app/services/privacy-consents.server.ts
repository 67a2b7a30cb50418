/**
 * Consent: withdrawing it is as easy as giving it; both are recorded with who and when, and logged.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { consents, mentees, messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { ConsentPurpose } from "../domain/enums";
import { audit } from "./audit.server";
import { transaction, type AuditActor, type Scope, type Tx } from "./kernel.server";
import { nowIso } from "../utils/clock";
import { about } from "./person-records.server";
import { personInScope, type PersonType } from "./privacy.server";
import { endLiveCourses } from "./privacy-erasure.server";

/** A change of consent: whose (a person within the caller's scope), for which purpose, and who makes it. */
export type ConsentChange = { type: PersonType; id: number; purpose: ConsentPurpose; scope: Scope; actor: AuditActor };

/**
 * A change of consent, in one transaction with its access-log entry (`detail` says what changed); nothing happens for
 * a person outside the caller's scope (false).
 */
function changeConsent(
  c: ConsentChange & { d: Db },
  detail: Record<string, ConsentPurpose>,
  change: (tx: Tx) => boolean,
): boolean {
  return transaction((tx) => {
    if (!personInScope(c.type, c.id, c.scope, tx)) return false;
    const done = change(tx);
    audit(c.actor, "update", c.type, c.id, detail, tx);
    return done;
  }, c.d);
}

/**
 * Withdrawing consent is as easy as giving it. SMS: queued SMS are cancelled and no more are sent.
 * Participation (mentee) or data processing (mentor): live courses end.
 */
export function withdrawConsent(c: ConsentChange, d: Db = db()): boolean {
  const { type, id, purpose, actor } = c;
  return changeConsent({ ...c, d }, { consentWithdrawn: purpose }, (tx) => {
    const changed = tx
      .update(consents)
      .set({ withdrawnAt: nowIso(), withdrawnBy: actor?.id ?? null })
      .where(and(about(consents, type, id), eq(consents.purpose, purpose), isNull(consents.withdrawnAt)))
      .run().changes;
    if (purpose === "sms" && type === "mentee") {
      tx.update(mentees).set({ smsOptOutAt: nowIso() }).where(eq(mentees.id, id)).run();
      tx.update(messages)
        .set({ status: "cancelled", lastError: "SMS consent withdrawn" })
        .where(
          and(about(messages, type, id), eq(messages.channel, "sms"), inArray(messages.status, ["queued", "failed"])),
        )
        .run();
    }
    if (purpose === "participation" && type === "mentee") endLiveCourses(tx, { type, id }, actor);
    if (purpose === "mentor_data_processing" && type === "mentor") endLiveCourses(tx, { type, id }, actor);
    return changed > 0;
  });
}

/** Records a consent (again) with the text version the person was shown. */
export function giveConsent(c: ConsentChange, textVersion: string, d: Db = db()): boolean {
  const { type, id, purpose, actor } = c;
  return changeConsent({ ...c, d }, { consentGiven: purpose }, (tx) => {
    const recordedBy = actor?.id ?? null;
    tx.insert(consents)
      .values({ subjectType: type, subjectId: id, purpose, textVersion, givenAt: nowIso(), recordedBy })
      .run();
    if (purpose === "sms" && type === "mentee")
      tx.update(mentees).set({ smsOptOutAt: null }).where(eq(mentees.id, id)).run();
    return true;
  });
}
