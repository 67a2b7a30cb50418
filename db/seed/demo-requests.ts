/** The demo's messages and requests around matching: each citizen's welcome, and requests to mentors. */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { matchRequests, mentees, mentors, messages } from "../schema";
import { int } from "../factories";
import { DB07 } from "../reference/db07";
import { requestDeadline } from "../../app/domain/match-request";
import { sharesIndustry } from "../../app/domain/industry";
import { addDays } from "../../app/domain/dates";
import { mustChangeStatus } from "../../app/services/status.server";
import { seedHistory, type DemoCtx, type PoolMentor } from "./demo-context";

/** Every citizen got the welcome message in their language when referred (issue 19), delivered long since. */
export function welcome(t: Db, m: typeof mentees.$inferSelect, on: string) {
  const sms = m.preferredChannel === "sms" ? m.phone : null;
  const channel = sms || !m.email ? ("sms" as const) : ("email" as const);
  const recipient = channel === "sms" ? m.phone : m.email;
  if (!recipient) return;
  const at = on + "T09:01:00.000Z";
  t.insert(messages)
    .values({
      channel,
      recipient,
      template: "mentee_welcome",
      locale: m.language,
      data: { firstName: m.firstName },
      status: "delivered",
      attempts: 1,
      subjectType: "mentee",
      subjectId: m.id,
      idempotencyKey: `mentee_welcome:${m.id}`,
      transport: "local",
      sentAt: at,
      deliveredAt: at,
      nextAttemptAt: at,
      createdAt: at,
    })
    .run();
}

const sectionOf = (c: string) => DB07.find((x) => x.code === c && x.level === "division")?.section;

/**
 * A request waiting for a mentor's answer and one the demo mentor declined (their course takes their place), so the
 * pages show both.
 */
export function seedMatchRequests(
  { t, rng, now, coord }: DemoCtx,
  pool: PoolMentor[],
  activeLoad: Map<number, number>,
  demoMentor: { id: number },
) {
  const waiting = t.select().from(mentees).where(eq(mentees.status, "waiting")).orderBy(mentees.id).all();
  const free = t
    .select()
    .from(mentors)
    .where(
      inArray(
        mentors.id,
        pool.filter((p) => !(activeLoad.get(p.id) ?? 0)).map((p) => p.id),
      ),
    )
    .orderBy(mentors.id)
    .all();
  const fits = (e: typeof mentees.$inferSelect, x: typeof mentors.$inferSelect) =>
    x.municipalityCode === e.municipalityCode &&
    x.menteeGenderPreference === "none" &&
    e.mentorGenderPreference === "none" &&
    sharesIndustry(e.wishedIndustryCodes, x, sectionOf);
  // The demo mentor (login) has said no to one citizen (their course takes their place), so the page shows an answer.
  const demo = t.select().from(mentors).where(eq(mentors.id, demoMentor.id)).get()!;
  const declinedTo = [...waiting].reverse().find((e) => fits(e, demo));
  const pending = waiting.flatMap((e) =>
    e === declinedTo
      ? []
      : free
          .filter((x) => fits(e, x))
          .slice(0, 1)
          .map((x) => [e, x] as const),
  )[0];
  const pairs = [
    ...(pending ? [{ e: pending[0], m: pending[1], declined: false }] : []),
    ...(declinedTo ? [{ e: declinedTo, m: demo, declined: true }] : []),
  ];
  pairs.forEach(({ e, m, declined }) => {
    const asked = addDays(now, declined ? -4 : -1) + "T10:00:00.000Z";
    const r = t
      .insert(matchRequests)
      .values({
        menteeId: e.id,
        mentorId: m.id,
        // Asked; the declined one is answered below, through the one status path.
        status: "requested",
        requestedBy: coord.id,
        requestedAt: asked,
        deadline: requestDeadline(asked, 5),
        startDate: addDays(now, 7),
        matchScore: int(rng, 60, 85),
        noIndustry: false,
        answeredAt: declined ? addDays(now, -2) + "T18:20:00.000Z" : null,
        declineReason: declined ? "Har ikke tid før efter sommerferien" : null,
      })
      .returning()
      .get();
    const request = { ...seedHistory(coord), entity: "match_request", id: r.id } as const;
    mustChangeStatus(t, { ...request, from: null, to: "requested", at: asked });
    // The mentor's answer (not a coordinator's act: no one is named).
    if (declined)
      mustChangeStatus(t, { ...request, from: "requested", to: "declined", actor: null, at: r.answeredAt! });
    t.insert(messages)
      .values({
        channel: "email",
        recipient: m.email,
        template: "match_request_mentor",
        locale: m.locale,
        status: "delivered",
        attempts: 1,
        subjectType: "mentor",
        subjectId: m.id,
        idempotencyKey: `match_request_mentor:${r.id}:email`,
        transport: "local",
        sentAt: asked,
        deliveredAt: asked,
        nextAttemptAt: asked,
        createdAt: asked,
        data: {
          mentorFirstName: m.firstName,
          menteeFirstName: e.firstName,
          municipality: "",
          languages: e.languages,
          danishLevel: e.danishLevel,
          wishedIndustryCodes: e.wishedIndustryCodes,
          goals: e.goals,
          noIndustry: false,
          deadline: r.deadline.slice(0, 10),
          url: `/mentor/forespoergsel/${r.id}`,
        },
      })
      .run();
  });
}
