/**
 * Consent: withdrawing it is as easy as giving it; both are recorded with who and when, and logged.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { consents, mentees, messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { ConsentPurpose } from "../domain/enums";
import { audit } from "./audit.server";
import { transaction, type AuditActor, type Scope } from "./kernel.server";
import { nowIso } from "../utils/clock";
import { menteeInScope, seesMentors, type PersonType } from "./privacy.server";
import { endLiveCourses } from "./privacy-erasure.server";

/**
 * Withdrawing consent is as easy as giving it. SMS: queued SMS are cancelled and no more are sent.
 * Participation (mentee) or data processing (mentor): live courses end.
 */
export function withdrawConsent(
  type: PersonType,
  id: number,
  purpose: ConsentPurpose,
  scope: Scope,
  actor: AuditActor,
  d: Db = db(),
): boolean {
  return transaction((tx) => {
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && !seesMentors(scope)) return false;
    const changed = tx
      .update(consents)
      .set({ withdrawnAt: nowIso(), withdrawnBy: actor?.id ?? null })
      .where(
        and(
          eq(consents.subjectType, type),
          eq(consents.subjectId, id),
          eq(consents.purpose, purpose),
          isNull(consents.withdrawnAt),
        ),
      )
      .run().changes;
    if (purpose === "sms" && type === "mentee") {
      tx.update(mentees).set({ smsOptOutAt: nowIso() }).where(eq(mentees.id, id)).run();
      tx.update(messages)
        .set({ status: "cancelled", lastError: "SMS consent withdrawn" })
        .where(
          and(
            eq(messages.subjectType, "mentee"),
            eq(messages.subjectId, id),
            eq(messages.channel, "sms"),
            inArray(messages.status, ["queued", "failed"]),
          ),
        )
        .run();
    }
    if (purpose === "participation" && type === "mentee") endLiveCourses(tx, { type, id }, actor);
    if (purpose === "mentor_data_processing" && type === "mentor") endLiveCourses(tx, { type, id }, actor);
    audit(actor, "update", type, id, { consentWithdrawn: purpose }, tx);
    return changed > 0;
  }, d);
}

/** Records a consent (again) with the current text version. */
export function giveConsent(
  type: PersonType,
  id: number,
  purpose: ConsentPurpose,
  textVersion: string,
  scope: Scope,
  actor: AuditActor,
  d: Db = db(),
): boolean {
  return transaction((tx) => {
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && !seesMentors(scope)) return false;
    tx.insert(consents)
      .values({
        subjectType: type,
        subjectId: id,
        purpose,
        textVersion,
        givenAt: nowIso(),
        recordedBy: actor?.id ?? null,
      })
      .run();
    if (purpose === "sms" && type === "mentee")
      tx.update(mentees).set({ smsOptOutAt: null }).where(eq(mentees.id, id)).run();
    audit(actor, "update", type, id, { consentGiven: purpose }, tx);
    return true;
  }, d);
}
