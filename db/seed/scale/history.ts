/** The scale seed's history: mentors' status changes and the access log, written in bulk at the end. */
import { jobRuns } from "../../schema";
import { int } from "../../factories";
import { addDays } from "../../../app/domain/dates";
import { type MentorMeta, minDay, maxDay, at } from "./plan";
import { type ScaleCtx, CHUNK } from "./context";
import { type Staff } from "./staff";

/** Each mentor's status history, as it happened (see `status` in context.ts for why these rows are written in bulk). */
export function writeMentorHistory(s: ScaleCtx, staff: Staff, mentorList: MentorMeta[]) {
  const { d, rng, now, client, progress, finish, tx, status } = s;
  const { coordinators } = staff;
  finish("mentees");

  /* ---------------------------------------------------------------- mentors' status follows their history */
  tx(() => {
    const setStatus = client.prepare("UPDATE mentors SET status = ?, updated_at = ? WHERE id = ?");
    for (const [k, m] of mentorList.entries()) {
      status("mentor", m.id, null, "applied", m.createdOn, null);
      if (m.status === "applied") continue;
      status("mentor", m.id, "applied", "screening", addDays(m.createdOn, 4), coordinators[0].id);
      if (m.status === "screening") continue;
      if (m.status === "rejected") {
        status("mentor", m.id, "screening", "rejected", addDays(m.createdOn, 14), coordinators[0].id);
        continue;
      }
      status("mentor", m.id, "screening", "approved", addDays(m.createdOn, 14), coordinators[0].id);
      let current = "approved";
      if (m.firstMatched) {
        status("mentor", m.id, "approved", "active", m.firstMatched, coordinators[0].id);
        current = "active";
      }
      if (m.status === "pool") {
        const st = m.live > 0 ? "active" : "approved";
        if (st !== current) status("mentor", m.id, current, st, m.lastEnded ?? now, null);
        if (st === "active") setStatus.run("active", at(m.firstMatched ?? now), m.id);
      } else if (m.status === "retired") {
        const day = minDay(
          addDays(now, -1),
          maxDay(addDays(m.lastEnded ?? m.createdOn, int(rng, 10, 200)), addDays(m.createdOn, int(rng, 100, 700))),
        );
        status("mentor", m.id, current, "retired", day, coordinators[0].id, "Ønsker at stoppe som mentor");
      } else if (m.status === "paused") {
        status("mentor", m.id, current, "paused", m.pausedFrom!, null);
      }
      if (k % 1000 === 0) progress("history", k, mentorList.length);
    }
    // The course job has followed up today already (as in the demo): a fresh copy does not change in its first second.
    d.insert(jobRuns)
      .values({ job: "courses", runKey: now, startedAt: at(now, "00:00"), finishedAt: at(now, "00:01") })
      .onConflictDoNothing()
      .run();
  });
}

/** The access log, oldest first: the staff's logins and everything collected while seeding. */
export function writeAccessLog(s: ScaleCtx, staff: Staff) {
  const { rng, now, progStart, progress, finish, put, bump, tx, auditSpecs } = s;
  const { admin, coordinators } = staff;

  /* ---------------------------------------------------------------- the access log, oldest first */
  for (const u of [admin, ...coordinators]) {
    for (let day = addDays(progStart, int(rng, 0, 3)); day <= now; day = addDays(day, int(rng, 1, 4)))
      auditSpecs.push({
        at: at(day, "07:45"),
        actor: u,
        action: "login",
        entityType: "user",
        entityId: u.id,
        details: null,
      });
  }
  auditSpecs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (let i = 0; i < auditSpecs.length; i += 10 * CHUNK) {
    tx(() => {
      for (const a of auditSpecs.slice(i, i + 10 * CHUNK)) {
        put.audit({
          at: a.at,
          actorUserId: a.actor?.id ?? null,
          actorRole: a.actor?.role ?? null,
          action: a.action,
          entityType: a.entityType,
          entityId: a.entityId,
          details: a.details,
        });
      }
    });
    bump("audit_log", Math.min(10 * CHUNK, auditSpecs.length - i));
    progress("audit", Math.min(auditSpecs.length, i + 10 * CHUNK), auditSpecs.length);
  }
  finish("audit");
}
