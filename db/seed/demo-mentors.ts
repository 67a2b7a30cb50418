/** The demo's mentors: the demo mentor (login), a pool of approved volunteers and some in every other status. */
import { eq } from "drizzle-orm";
import { mentorScreenings, mentors } from "../schema";
import { giveConsents, insertMentor, insertUser, int, pick } from "../factories";
import { addDays, addMonths } from "../../app/domain/dates";
import { DEMO_USERS } from "./demo-accounts";
import type { DemoCtx, PoolMentor } from "./demo-context";

/** 60 mentors across statuses; returns the pool that takes citizens (the demo mentor first). */
export function seedMentors({ t, rng, now, partnerCodes, passwordHash, coord }: DemoCtx) {
  // ---- mentors: 60 across statuses
  const mentorPlan: [typeof mentors.$inferInsert.status, number][] = [
    ["applied", 7],
    ["screening", 6],
    ["approved", 16],
    ["active", 0],
    ["paused", 3],
    ["rejected", 2],
    ["retired", 2],
  ];
  const pool: PoolMentor[] = [];
  const makeMentorAccount = (m: typeof mentors.$inferSelect, email?: string) => {
    const u = insertUser(t, {
      email: email ?? m.email,
      name: `${m.firstName} ${m.lastName}`,
      role: "mentor",
      passwordHash,
    });
    t.update(mentors).set({ userId: u.id }).where(eq(mentors.id, m.id)).run();
    return u;
  };
  const screen = (mentorId: number, createdOn: string) => {
    t.insert(mentorScreenings)
      .values([
        {
          mentorId,
          step: "screening_call",
          doneOn: addDays(createdOn, 5),
          notes: "God samtale, klar motivation.",
          recordedBy: coord.id,
        },
        {
          mentorId,
          step: "introduction",
          doneOn: addDays(createdOn, 12),
          form: pick(rng, ["meeting", "online"]),
          recordedBy: coord.id,
        },
        { mentorId, step: "confidentiality_declaration", doneOn: addDays(createdOn, 12), recordedBy: coord.id },
      ])
      .run();
  };
  // The demo mentor (login) first: approved, will get an active course below.
  const demoMentor = insertMentor(t, rng, partnerCodes, {
    firstName: "Mads",
    lastName: "Mentorsen",
    email: DEMO_USERS.mentor,
    municipalityCode: 751,
    industryCode: "41",
    jobTitle: "Byggeleder",
    createdAt: addMonths(now, -8) + "T09:00:00.000Z",
  });
  makeMentorAccount(demoMentor);
  screen(demoMentor.id, addMonths(now, -8));
  pool.push({ id: demoMentor.id, capacity: 1 });
  for (let i = 0; i < 42; i++) {
    const createdOn = addDays(now, -int(rng, 60, 700));
    const m = insertMentor(t, rng, partnerCodes, { createdAt: createdOn + "T10:00:00.000Z" });
    makeMentorAccount(m);
    screen(m.id, createdOn);
    pool.push({ id: m.id, capacity: m.capacity });
  }
  for (const [status, n] of mentorPlan) {
    if (status === "approved" || status === "active") continue;
    for (let i = 0; i < n; i++) {
      const createdOn = status === "applied" ? addDays(now, -int(rng, 1, 20)) : addDays(now, -int(rng, 20, 400));
      const m = insertMentor(t, rng, partnerCodes, {
        status,
        createdAt: createdOn + "T10:00:00.000Z",
        emailVerifiedAt: status === "applied" && i % 3 === 0 ? null : createdOn + "T10:05:00.000Z",
        rejectionReason: status === "rejected" ? "Ikke erhvervserfaring i Danmark endnu" : null,
        pausedFrom: status === "paused" ? addDays(now, -20) : null,
        pausedTo: status === "paused" ? addDays(now, 40) : null,
        // Two recent volunteers came through a recruitment link for health care in Aarhus (issue 19's /koordinator/behov).
        recruitmentSource: (status === "applied" || status === "screening") && i === 1 ? "Q-751" : null,
      });
      if (status !== "applied" || i % 3 !== 0) makeMentorAccount(m);
      if (status === "screening")
        t.insert(mentorScreenings)
          .values({
            mentorId: m.id,
            step: "screening_call",
            doneOn: addDays(createdOn, 4),
            notes: "Ringes op igen om introduktion.",
            recordedBy: coord.id,
          })
          .run();
      if (status !== "applied" && status !== "screening") screen(m.id, createdOn);
      giveConsents(
        t,
        "mentor",
        m.id,
        ["mentor_data_processing", "mentor_confidentiality"],
        createdOn + "T10:00:00.000Z",
        null,
      );
    }
  }
  for (const p of pool)
    giveConsents(
      t,
      "mentor",
      p.id,
      ["mentor_data_processing", "mentor_confidentiality"],
      addDays(now, -400) + "T10:00:00.000Z",
      null,
    );
  return { pool, demoMentor };
}
