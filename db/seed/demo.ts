/**
 * The demo: a realistic programme in full swing. ~60 mentors across industries and statuses, ~120 citizens across
 * the partner municipalities, courses in every state with meetings, follow-ups and outcomes, and one login per role.
 * Deterministic (fixed random seed), dated relative to today so the demo always looks current.
 */ import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { courses, jobRuns, mentees, municipalities } from "../schema";
import { createRng } from "../factories";
import { INITIAL_PARTNER_CODES } from "../reference";
import { hashPassword } from "../../app/auth/password.server";
import { addDays } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { transaction } from "../../app/services/kernel.server";
import { mustChangeStatus } from "../../app/services/status.server";
import { DEMO_PASSWORD, seedStaff } from "./demo-accounts";
import { seedHistory, type DemoCtx } from "./demo-context";
import { seedMentors } from "./demo-mentors";
import { seedMenteesAndCourses } from "./demo-courses";
import { seedMatchRequests } from "./demo-requests";
import { seedCompanySide } from "./company-side";

export {
  DEMO_ADMIN_TOTP_SECRET,
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoLogins,
  isDatabaseEmpty,
} from "./demo-accounts";

export async function seedDemo(d: Db, seed = 20261122): Promise<void> {
  const rng = createRng(seed);
  const srng = createRng(seed + 1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = today();
  const partners = d
    .select()
    .from(municipalities)
    .where(eq(municipalities.isPartner, true))
    .all()
    .map((m) => m.code);
  const partnerCodes = partners.length ? partners : [...INITIAL_PARTNER_CODES];

  transaction((t) => {
    const { coord, caseworkers } = seedStaff(t, passwordHash, partnerCodes);
    const ctx: DemoCtx = { t, rng, srng, now, passwordHash, partnerCodes, coord, caseworkers };
    const { pool, demoMentor } = seedMentors(ctx);
    const activeLoad = seedMenteesAndCourses(ctx, pool, demoMentor);
    // Issue 19: a citizen back in the queue after the mentor stopped, another whose pair did not work (the coordinator
    // can put them back), a request waiting for a mentor's answer and one a mentor declined.
    const dropped = t
      .select({ menteeId: mentees.id, courseId: courses.id, endedOn: courses.endedOn })
      .from(mentees)
      .innerJoin(courses, eq(courses.menteeId, mentees.id))
      .where(eq(mentees.status, "ended_early"))
      .orderBy(mentees.id)
      .limit(2)
      .all();
    dropped.forEach((x, k) => {
      t.update(courses)
        .set({ endReason: k === 0 ? "mentor_withdrew" : "pair_mismatch" })
        .where(eq(courses.id, x.courseId))
        .run();
      if (k === 0)
        mustChangeStatus(t, {
          ...seedHistory(coord),
          entity: "mentee",
          id: x.menteeId,
          from: "ended_early",
          to: "waiting",
          reason: "returned to waiting",
          at: addDays(x.endedOn!, 3) + "T09:00:00.000Z",
        });
    });
    seedMatchRequests(ctx, pool, activeLoad, demoMentor);
    // Mentor status follows their load: active with a mentee, approved (available) without (the pool is approved).
    for (const p of pool) {
      const status = (activeLoad.get(p.id) ?? 0) > 0 ? "active" : "approved";
      mustChangeStatus(t, { ...seedHistory(coord), entity: "mentor", id: p.id, from: "approved", to: status });
    }
    // The company side: assessments, companies, openings, placements (its own random stream: the rest stays as it was).
    seedCompanySide(t, seed + 2, { now, coordinatorId: coord.id, caseworkers, demoMentorId: demoMentor.id });
    // The demo's history is already followed up for today: the course job (reminders, nudges) starts tomorrow, so a
    // freshly seeded database (and every browser test's copy) does not change under a test in its first second.
    t.insert(jobRuns).values({ job: "courses", runKey: now }).onConflictDoNothing().run();
  }, d);
}
