/** The scale seed's mentors: every status, screened and consenting, in pools by the municipality they volunteer in. */
import { int, mentorValues, pick, weighted } from "../../factories";
import { DEMO_USERS } from "../demo-accounts";
import { addDays } from "../../../app/domain/dates";
import type { MentorStatus, MessageLanguage } from "../../../app/domain/enums";
import { NEIGHBOURS, MENTOR_PLAN, type MentorMeta, rampDay, at } from "./plan";
import { type ScaleCtx, CHUNK } from "./context";
import { type Staff } from "./staff";

/** Mentors by the thousand; `pastMentor` and `liveMentor` pick one for a past or a running course. */
export function seedMentors(s: ScaleCtx, staff: Staff) {
  const { M, rng, now, progStart, passwordHash, known, shares, progress, finish, put, bump, tx, logAudit, clock } = s;
  const { coordinator } = staff;

  /* ---------------------------------------------------------------- mentors */
  const mentorList: MentorMeta[] = [];
  const livePool = new Map<number, MentorMeta[]>();
  const pastPool = new Map<number, MentorMeta[]>();
  const newMentor = (o: { status: MentorStatus | "pool"; serves: number; createdOn: string; demo?: boolean }) => {
    const home =
      !o.demo && NEIGHBOURS[o.serves] && rng() < 0.12
        ? (pick(
            rng,
            NEIGHBOURS[o.serves].filter((c) => known.has(c)),
          ) ?? o.serves)
        : o.serves;
    const st: MentorStatus = o.status === "pool" ? "approved" : o.status;
    const verified = st !== "applied" || rng() < 0.67;
    const pausedFrom = st === "paused" ? addDays(now, -int(rng, 5, 60)) : null;
    const values = mentorValues(rng, [home], {
      status: st,
      createdAt: at(o.createdOn),
      updatedAt: at(o.createdOn),
      emailVerifiedAt: verified ? at(o.createdOn, "10:05") : null,
      rejectionReason: st === "rejected" ? "Ikke erhvervserfaring i Danmark endnu" : null,
      pausedFrom,
      pausedTo: pausedFrom ? addDays(now, int(rng, 10, 90)) : null,
      ...(o.demo
        ? {
            firstName: "Mads",
            lastName: "Mentorsen",
            email: DEMO_USERS.mentor,
            industryCode: "41",
            jobTitle: "Byggeleder",
            capacity: 1,
          }
        : {}),
    });
    let userId: number | null = null;
    if (verified) {
      userId = put.user({
        email: values.email,
        name: `${values.firstName} ${values.lastName}`,
        role: "mentor",
        passwordHash,
        emailVerifiedAt: at(o.createdOn, "10:05"),
        createdAt: at(o.createdOn, "10:05"),
        updatedAt: at(o.createdOn, "10:05"),
      });
      bump("users");
    }
    const id = put.mentor({ ...values, userId });
    bump("mentors");
    const meta: MentorMeta = {
      id,
      userId,
      firstName: values.firstName,
      email: values.email,
      locale: (values.locale ?? "da") as MessageLanguage,
      status: o.status,
      serves: o.serves,
      createdOn: o.createdOn,
      capacity: values.capacity ?? 1,
      live: 0,
      firstMatched: null,
      lastEnded: null,
      pausedFrom,
    };
    mentorList.push(meta);
    const c = coordinator();
    if (st !== "applied") {
      put.screening({
        mentorId: id,
        step: "screening_call",
        doneOn: addDays(o.createdOn, 4),
        notes: "God samtale, klar motivation.",
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 4)),
      });
      bump("mentor_screenings");
    }
    if (st !== "applied" && st !== "screening" && st !== "rejected") {
      put.screening({
        mentorId: id,
        step: "introduction",
        doneOn: addDays(o.createdOn, 12),
        form: pick(rng, ["meeting", "online"]),
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 12)),
      });
      put.screening({
        mentorId: id,
        step: "confidentiality_declaration",
        doneOn: addDays(o.createdOn, 12),
        recordedBy: c.id,
        createdAt: at(addDays(o.createdOn, 12)),
      });
      bump("mentor_screenings", 2);
      logAudit(addDays(o.createdOn, 14), clock(), c, "update", "mentor", id, { field: "status", to: "approved" });
    }
    for (const purpose of ["mentor_data_processing", "mentor_confidentiality"] as const) {
      put.consent({
        subjectType: "mentor",
        subjectId: id,
        purpose,
        textVersion: "2026-01",
        givenAt: at(o.createdOn),
        recordedBy: null,
        createdAt: at(o.createdOn),
      });
      bump("consents");
    }
    if (o.status === "pool") (livePool.get(o.serves) ?? livePool.set(o.serves, []).get(o.serves)!).push(meta);
    if (o.status === "pool" || o.status === "retired" || o.status === "paused")
      (pastPool.get(o.serves) ?? pastPool.set(o.serves, []).get(o.serves)!).push(meta);
    return meta;
  };
  let demoMentor!: MentorMeta;
  for (let i = 0; i < M; i += CHUNK) {
    tx(() => {
      for (let k = i; k < Math.min(M, i + CHUNK); k++) {
        if (k === 0) {
          demoMentor = newMentor({ status: "pool", serves: 751, createdOn: addDays(progStart, 30), demo: true });
          continue;
        }
        const st = weighted(rng, MENTOR_PLAN);
        const createdOn =
          st === "applied"
            ? addDays(now, -int(rng, 1, 30))
            : st === "screening"
              ? addDays(now, -int(rng, 10, 60))
              : rampDay(rng, addDays(progStart, -60), addDays(now, -30));
        newMentor({ status: st, serves: weighted(rng, shares), createdOn });
      }
    });
    progress("mentors", Math.min(M, i + CHUNK), M);
  }
  finish("mentors");
  for (const pool of pastPool.values()) pool.sort((a, b) => (a.createdOn < b.createdOn ? -1 : 1));
  const allLive = [...livePool.values()].flat();
  const veterans = [...pastPool.values()]
    .flat()
    .sort((a, b) => (a.createdOn < b.createdOn ? -1 : 1))
    .slice(0, 50);
  // The demo mentor's place goes to the demo citizen's course.
  livePool.set(
    751,
    livePool.get(751)!.filter((m) => m !== demoMentor),
  );

  /** A mentor who had joined before `day`, preferably one volunteering in `code`. */
  const pastMentor = (code: number, day: string): MentorMeta => {
    const pool = pastPool.get(code) ?? [];
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid].createdOn <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? pool[Math.floor(rng() * lo)] : pick(rng, veterans);
  };
  const liveMentor = (code: number): MentorMeta => {
    const pool = livePool.get(code) ?? [];
    for (let k = 0; k < 30 && pool.length; k++) {
      const m = pool[Math.floor(rng() * pool.length)];
      if (m.live < m.capacity) return m;
    }
    const free = pool.find((m) => m.live < m.capacity) ?? allLive.find((m) => m !== demoMentor && m.live < m.capacity);
    if (!free) throw new Error("seed:scale: not enough mentors with a free place");
    return free;
  };
  return { mentorList, demoMentor, pastMentor, liveMentor };
}

export type Mentors = ReturnType<typeof seedMentors>;
