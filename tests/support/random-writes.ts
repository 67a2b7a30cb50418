/**
 * The harness of the cache property tests (page-cache, work-lists-cache): random writes straight to the test database,
 * as raw SQL, so that every kind of change a trigger must stamp is made without going through the services.
 */
import { db } from "../../app/db.server";
import { insertCourse, int, pick } from "../../db/factories";
import { courseStatuses, menteeStatuses, type CourseStatus } from "../../app/domain/enums";
import { addDays } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";

export type Rng = () => number;
export const chance = (rng: Rng, p: number) => rng() < p;

const client = () => db().$client;
/** The ids of `table`'s rows (where `where` holds). */
export const ids = (table: string, where = "1") =>
  (client().prepare(`SELECT id FROM ${table} WHERE ${where}`).all() as { id: number }[]).map((r) => r.id);
export const run = (text: string, ...params: unknown[]) =>
  client()
    .prepare(text)
    .run(...params);

/** A write the database refuses (a row still referred to) changes nothing, like in the app. */
export function attempt(write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!(e instanceof Error && /FOREIGN KEY/.test(e.message))) throw e;
  }
}

/** `some(table)`: a random row's id, or null; `id(table, write)`: `write` on a random row, if any (refusals ignored). */
export function rowPicker(rng: Rng) {
  const some = (table: string, where?: string) => {
    const xs = ids(table, where);
    return xs.length ? pick(rng, xs) : null;
  };
  const id = (table: string, write: (id: number) => void, where?: string) => {
    const x = some(table, where);
    if (x != null) attempt(() => write(x));
  };
  return { some, id };
}

/** Writes both cache tests make on rows that exist: a citizen's or a course's status, a mentor removed. */
export function commonWrites(rng: Rng): Record<string, () => void> {
  const { id } = rowPicker(rng);
  return {
    "mentee status": () =>
      id("mentees", (x) => run("UPDATE mentees SET status = ? WHERE id = ?", pick(rng, menteeStatuses), x)),
    "delete mentor": () => id("mentors", (x) => run("DELETE FROM mentors WHERE id = ?", x)),
    "course status": () =>
      id("courses", (x) => run("UPDATE courses SET status = ? WHERE id = ?", pick(rng, courseStatuses), x)),
  };
}

/** Makes one of `writes`, drawn at random, and says which; one draw in `length + 1` makes none. */
export function randomOf(rng: Rng, writes: Record<string, () => void>): string {
  const names = Object.keys(writes);
  const k = int(rng, 0, names.length);
  if (k === names.length) return "none";
  writes[names[k]]();
  return names[k];
}

/**
 * A course of `status` between a random citizen and mentor, started `daysAgo` days ago (none when proposed), planned
 * for six months; `endedOn` from `ended` when it has started. Null when there is nobody to pair.
 */
export function addRandomCourse(
  rng: Rng,
  status: CourseStatus,
  daysAgo: number,
  ended?: (start: string) => string | null,
): { id: number; start: string | null } | null {
  const mentees = ids("mentees");
  const mentors = ids("mentors");
  if (!mentees.length || !mentors.length) return null;
  const start = status === "proposed" ? null : addDays(today(), -daysAgo);
  const course = insertCourse(db(), {
    menteeId: pick(rng, mentees),
    mentorId: pick(rng, mentors),
    status,
    approvedAt: start ? `${addDays(start, -int(rng, 0, 20))}T10:00:00.000Z` : null,
    startDate: start,
    plannedEndDate: start ? addDays(start, 182) : null,
    endedOn: start && ended ? ended(start) : null,
  });
  return { id: course.id, start };
}
