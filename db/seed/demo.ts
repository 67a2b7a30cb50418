/**
 * The demo: a realistic programme in full swing. ~60 mentors across industries and statuses, ~120 citizens across
 * the partner municipalities, courses in every state with meetings, follow-ups and outcomes, and one login per role.
 * Deterministic (fixed random seed), dated relative to today so the demo always looks current.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  courses,
  followUps,
  jobRuns,
  matchRequests,
  meetings,
  messages,
  mentorScreenings,
  mentors,
  mentees,
  municipalities,
  outcomes,
  statusChanges,
  surveys,
  users,
} from "../schema";
import { requestDeadline } from "../../app/domain/match-request";
import { sharesIndustry } from "../../app/domain/industry";
import { DB07 } from "../reference/db07";
import { createRng, giveConsents, insertMentee, insertMentor, insertUser, int, pick } from "../factories";
import { INITIAL_PARTNER_CODES } from "../reference";
import { hashPassword } from "../../app/auth/password.server";
import { addDays, addMonths } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import type { MeetingTopic, OutcomeType } from "../../app/domain/enums";
import { seedCompanySide } from "./company-side";

export const DEMO_PASSWORD = "Mentorbro-demo-2026";
export const DEMO_DOMAIN = "demo.mentorbro.dk";
export const DEMO_USERS = {
  admin: `admin@${DEMO_DOMAIN}`,
  coordinator: `koordinator@${DEMO_DOMAIN}`,
  caseworker: `sagsbehandler.aarhus@${DEMO_DOMAIN}`,
  caseworker2: `sagsbehandler.kolding@${DEMO_DOMAIN}`,
  mentor: `mentor@${DEMO_DOMAIN}`,
} as const;

/**
 * The demo admin's TOTP secret (admins must have a second factor). Published like the password: add it to an
 * authenticator app, or let `npm run demo:code` print the current code. Browser tests compute the code from it.
 */
export const DEMO_ADMIN_TOTP_SECRET = "MENTORBRODEMOADMINTOTPSECRET2345";

export function isDatabaseEmpty(d: Db): boolean {
  return (
    d
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()!.n === 0
  );
}

/** The demo logins to print at start, if this is a demo database (the admin's with its TOTP secret). */
export function demoLogins(d: Db): { role: string; email: string; password: string; totpSecret: string | null }[] {
  const order = Object.values(DEMO_USERS) as string[];
  // The five demo e-mails, looked up by the unique index (a LIKE on the domain would read every user).
  const rows = d
    .select({ email: users.email, role: users.role, totpSecret: users.totpSecret })
    .from(users)
    .where(inArray(users.email, order))
    .all();
  return rows
    .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email))
    .map((r) => ({
      role: r.role,
      email: r.email,
      password: DEMO_PASSWORD,
      totpSecret: r.totpSecret === DEMO_ADMIN_TOTP_SECRET ? r.totpSecret : null,
    }));
}

const CASEWORKER_NAMES = [
  "Karen Holm",
  "Bo Lauridsen",
  "Signe Bach",
  "Ole Dahl",
  "Lene Kjær",
  "Jonas Friis",
  "Marianne Lund",
  "Allan Vestergaard",
  "Trine Bisgaard",
  "Nikolaj Krogh",
  "Sanne Mikkelsen",
  "Claus Iversen",
  "Dorthe Juhl",
];
const TOPICS: MeetingTopic[] = [
  "cv",
  "applications",
  "interviews",
  "network",
  "industry_insight",
  "workplace_culture",
  "education_guidance",
];

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

  d.transaction((tx) => {
    const t = tx as unknown as Db;
    const admin = insertUser(t, {
      email: DEMO_USERS.admin,
      name: "Astrid Admin",
      role: "admin",
      passwordHash,
      totpSecret: DEMO_ADMIN_TOTP_SECRET,
    });
    const coord = insertUser(t, {
      email: DEMO_USERS.coordinator,
      name: "Katrine Koordinator",
      role: "coordinator",
      passwordHash,
    });
    insertUser(t, { email: `koordinator2@${DEMO_DOMAIN}`, name: "Ali Koordinator", role: "coordinator", passwordHash });
    const caseworkers = new Map<number, number>();
    partnerCodes.forEach((code, i) => {
      const email =
        code === 751
          ? DEMO_USERS.caseworker
          : code === 621
            ? DEMO_USERS.caseworker2
            : `sagsbehandler.${code}@${DEMO_DOMAIN}`;
      const u = insertUser(t, {
        email,
        name: CASEWORKER_NAMES[i % CASEWORKER_NAMES.length],
        role: "caseworker",
        municipalityCode: code,
        passwordHash,
      });
      caseworkers.set(code, u.id);
    });

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
    const pool: { id: number; capacity: number }[] = [];
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

    // Every citizen got the welcome message in their language when referred (issue 19), delivered long since.
    const welcome = (m: typeof mentees.$inferSelect, on: string) => {
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
    };
    const sectionOf = (c: string) => DB07.find((x) => x.code === c && x.level === "division")?.section;
    const seedMatchRequests = () => {
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
            status: declined ? "declined" : "requested",
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
        t.insert(statusChanges)
          .values({ entityType: "match_request", entityId: r.id, toStatus: "requested", byUserId: coord.id, at: asked })
          .run();
        if (declined)
          t.insert(statusChanges)
            .values({
              entityType: "match_request",
              entityId: r.id,
              fromStatus: "requested",
              toStatus: "declined",
              at: r.answeredAt!,
            })
            .run();
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
    };

    // ---- mentees and courses: 120 across statuses
    const plan: [typeof mentees.$inferInsert.status, number][] = [
      ["in_course", 28],
      ["completed", 36],
      ["ended_early", 8],
      ["matched", 5],
      ["waiting", 36],
      ["withdrawn", 7],
    ];
    const activeLoad = new Map<number, number>();
    let mentorCursor = 0;
    const nextMentor = (needFree: boolean) => {
      for (let k = 0; k < pool.length; k++) {
        const p = pool[(mentorCursor + k) % pool.length];
        if (!needFree || (activeLoad.get(p.id) ?? 0) < p.capacity) {
          mentorCursor = (mentorCursor + k + 1) % pool.length;
          return p.id;
        }
      }
      return null;
    };
    let first = true;
    for (const [status, n] of plan) {
      for (let i = 0; i < n; i++) {
        const code = first ? 751 : pick(rng, partnerCodes);
        const referredOn =
          status === "waiting"
            ? addDays(now, -int(rng, 2, 90))
            : status === "completed" || status === "ended_early"
              ? addDays(now, -int(rng, 240, 640))
              : addDays(now, -int(rng, 30, 200));
        const mentee = insertMentee(t, rng, code, {
          status,
          referredBy: caseworkers.get(code) ?? null,
          referredAt: referredOn + "T09:00:00.000Z",
          withdrawnReason: status === "withdrawn" ? "Borgeren er flyttet til en anden kommune" : null,
        });
        giveConsents(
          t,
          "mentee",
          mentee.id,
          ["participation", "share_with_mentor", "sms"],
          referredOn + "T09:00:00.000Z",
          caseworkers.get(code) ?? null,
        );
        t.insert(statusChanges)
          .values({
            entityType: "mentee",
            entityId: mentee.id,
            toStatus: "waiting",
            byUserId: caseworkers.get(code) ?? null,
            at: referredOn + "T09:00:00.000Z",
          })
          .run();
        welcome(mentee, referredOn);
        if (status === "waiting" || status === "withdrawn") continue;
        const live = status === "in_course" || status === "matched";
        const mentorId = first ? demoMentor.id : nextMentor(live);
        first = false;
        if (mentorId == null) continue;
        if (live) activeLoad.set(mentorId, (activeLoad.get(mentorId) ?? 0) + 1);
        const matchedOn = addDays(referredOn, int(rng, 10, 45));
        const start = status === "matched" ? addDays(now, int(rng, 1, 14)) : addDays(matchedOn, int(rng, 5, 14));
        const plannedEnd = addMonths(start, 6);
        const courseStatus =
          status === "matched" ? "approved" : status === "in_course" ? (i % 11 === 5 ? "paused" : "active") : status;
        const endedOn =
          status === "completed" ? plannedEnd : status === "ended_early" ? addDays(start, int(rng, 30, 120)) : null;
        const course = t
          .insert(courses)
          .values({
            menteeId: mentee.id,
            mentorId,
            status: courseStatus as typeof courses.$inferInsert.status,
            proposedAt: matchedOn + "T10:00:00.000Z",
            proposedBy: coord.id,
            approvedAt: matchedOn + "T11:00:00.000Z",
            approvedBy: coord.id,
            startDate: start,
            plannedEndDate: plannedEnd,
            endedOn,
            endReason:
              status === "ended_early"
                ? pick(rng, ["mentee_withdrew", "no_contact", "moved", "personal_circumstances"] as const)
                : null,
            matchScore: int(rng, 55, 95),
            weightsVersion: 1,
            matchReasons: [{ code: "industry_division" }, { code: "same_municipality" }],
          })
          .returning()
          .get();
        t.update(mentees)
          .set({ matchedAt: matchedOn + "T11:00:00.000Z" })
          .where(eq(mentees.id, mentee.id))
          .run();
        // meetings: about 1-2 a month up to today or the end
        const until = endedOn ?? (now < plannedEnd ? now : plannedEnd);
        if (status !== "matched") {
          let day = addDays(start, int(rng, 0, 4));
          const behind = i % 7 === 3; // some courses fall behind
          while (day <= until) {
            t.insert(meetings)
              .values({
                courseId: course.id,
                date: day,
                minutes: pick(rng, [60, 90, 120, 150]),
                form: pick(rng, ["in_person", "in_person", "phone", "video", "company_visit"] as const),
                topics: [pick(rng, TOPICS), pick(rng, TOPICS)].filter((v, k, a) => a.indexOf(v) === k),
                nextStep: "Vi mødes igen og ser på ansøgninger.",
              })
              .run();
            day = addDays(day, behind ? int(rng, 30, 50) : int(rng, 12, 24));
          }
          let call = addDays(start, 7);
          while (call <= until) {
            const st = rng() < 0.8 ? "on_track" : rng() < 0.7 ? "concern" : "needs_action";
            t.insert(followUps)
              .values({
                courseId: course.id,
                calledOn: call,
                target: pick(rng, ["mentor", "mentor", "mentee"] as const),
                status: st,
                notes: st === "on_track" ? "Godt samarbejde." : "Aftalt nyt møde snarest.",
                createdBy: coord.id,
              })
              .run();
            call = addDays(call, int(rng, 28, 42));
          }
        }
        // Surveys: day 30 for every course that got there, closure for the finished ones; most answered. A separate
        // random stream, so adding them left the rest of the demo as it was.
        if (status !== "matched") {
          const survey = (kind: "day30" | "closure", sentOn: string) => {
            for (const respondent of ["mentee", "mentor"] as const) {
              const answered = srng() < (respondent === "mentor" ? 0.8 : 0.65);
              const answeredOn = addDays(sentOn, int(srng, 0, 6));
              t.insert(surveys)
                .values({
                  courseId: course.id,
                  kind,
                  respondent,
                  sentAt: sentOn + "T08:00:00.000Z",
                  answeredAt: answered && answeredOn <= now ? answeredOn + "T19:30:00.000Z" : null,
                  satisfaction: answered && answeredOn <= now ? pick(srng, [5, 5, 4, 4, 4, 3, 3, 2]) : null,
                  closerToJob:
                    answered && answeredOn <= now ? pick(srng, ["yes", "yes", "unsure", "no"] as const) : null,
                })
                .run();
            }
          };
          if (addDays(start, 30) <= until) survey("day30", addDays(start, 30));
          if (endedOn) survey("closure", endedOn);
        }
        if (status === "completed") {
          const positive = rng() < 0.65;
          const type: OutcomeType = positive
            ? pick(rng, [
                "job_full_time",
                "job_full_time",
                "job_part_time",
                "education",
                "wage_subsidy",
                "internship_unpaid",
                "igu",
                "internship_paid",
              ] as const)
            : "closer_to_job";
          t.insert(outcomes)
            .values({
              courseId: course.id,
              type,
              phase: "end",
              outcomeDate: endedOn!,
              employerIndustryCode:
                positive && type !== "education" ? pick(rng, ["41", "47", "56", "49", "86", "87"]) : null,
              viaMentorNetwork: positive && rng() < 0.4,
              recordedBy: coord.id,
            })
            .run();
          if (addMonths(endedOn!, 3) <= now) {
            const keep = positive ? rng() < 0.85 : rng() < 0.3;
            const later: OutcomeType = keep
              ? positive
                ? type
                : pick(rng, ["job_part_time", "internship_unpaid", "education"] as const)
              : "closer_to_job";
            t.insert(outcomes)
              .values({
                courseId: course.id,
                type: later,
                phase: "followup_3m",
                outcomeDate: addMonths(endedOn!, 3),
                recordedBy: coord.id,
              })
              .run();
          }
        }
      }
    }
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
      t.insert(statusChanges)
        .values({
          entityType: "mentee",
          entityId: x.menteeId,
          fromStatus: "in_course",
          toStatus: "ended_early",
          byUserId: coord.id,
          at: x.endedOn + "T12:00:00.000Z",
        })
        .run();
      if (k === 0) {
        t.update(mentees).set({ status: "waiting" }).where(eq(mentees.id, x.menteeId)).run();
        t.insert(statusChanges)
          .values({
            entityType: "mentee",
            entityId: x.menteeId,
            fromStatus: "ended_early",
            toStatus: "waiting",
            reason: "returned to waiting",
            byUserId: coord.id,
            at: addDays(x.endedOn!, 3) + "T09:00:00.000Z",
          })
          .run();
      }
    });
    seedMatchRequests();
    // Mentor status follows their load: active with a mentee, approved (available) without.
    for (const p of pool) {
      const status = (activeLoad.get(p.id) ?? 0) > 0 ? "active" : "approved";
      t.update(mentors).set({ status }).where(eq(mentors.id, p.id)).run();
    }
    // The company side: assessments, companies, openings, placements (its own random stream: the rest stays as it was).
    seedCompanySide(t, seed + 2, { now, coordinatorId: coord.id, caseworkers, demoMentorId: demoMentor.id });
    // The demo's history is already followed up for today: the course job (reminders, nudges) starts tomorrow, so a
    // freshly seeded database (and every browser test's copy) does not change under a test in its first second.
    t.insert(jobRuns).values({ job: "courses", runKey: now }).onConflictDoNothing().run();
    void admin;
  });
}
