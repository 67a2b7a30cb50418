/**
 * The national-scale seed (db/seed/scale.ts) at a small size: the shape the benchmark relies on (ratios, every status,
 * the demo logins and their municipalities), consistent history, and the refusal of a database that has data. Also the
 * bulk inserter: a row written through it reads back as the same row written through drizzle.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDb, migrateDb, type Db } from "../../db/client";
import { applyReferenceData } from "../../db/reference";
import { NotEmptyError, seedScaleFile } from "../../db/seed/scale";
import { DEMO_USERS } from "../../db/seed/demo";
import { bulkInserter } from "../../db/bulk";
import { createRng, menteeValues } from "../../db/factories";
import { mentees } from "../../db/schema";
import { courseStatuses, menteeStatuses, mentorStatuses } from "../../app/domain/enums";
import { today } from "../../app/utils/clock";

const N = 2000;
const dir = mkdtempSync(join(tmpdir(), "mb-scale-"));
const path = join(dir, "scale.sqlite");
let d: Db;
let rows: Record<string, number>;
const all = <T>(q: string, ...p: unknown[]) => d.$client.prepare(q).all(...p) as T[];
const get = <T>(q: string, ...p: unknown[]) => d.$client.prepare(q).get(...p) as T;

// Seeding 2 000 citizens is set-up, not a speed target (that is `npm run bench:*`): on a busy machine it takes longer
// than vitest's default 10 s for a hook.
beforeAll(async () => {
  rows = await seedScaleFile(path, { mentees: N });
  d = openDb(path);
}, 120_000);

describe("the scale seed", () => {
  it("has the shape of the national programme: mentors N/5, courses ≈ N/2, ~8 meetings a course, ~3 messages a citizen", () => {
    expect(rows.mentees).toBe(N);
    expect(rows.mentors).toBe(N / 5);
    expect(rows.courses / N).toBeGreaterThan(0.45);
    expect(rows.courses / N).toBeLessThan(0.55);
    expect(rows.meetings / rows.courses).toBeGreaterThan(6.5);
    expect(rows.meetings / rows.courses).toBeLessThan(9.5);
    expect(rows.messages / N).toBeGreaterThan(2.5);
    expect(rows.messages / N).toBeLessThan(3.5);
    for (const table of [
      "outcomes",
      "follow_ups",
      "surveys",
      "course_pauses",
      "status_changes",
      "audit_log",
      "consents",
      "mentor_screenings",
    ]) {
      expect(rows[table], table).toBeGreaterThan(0);
    }
    // The counts it reports are the rows in the file.
    expect(get<{ n: number }>("SELECT count(*) AS n FROM meetings").n).toBe(rows.meetings);
  });

  it("represents every status of citizens, mentors and courses, and every completed course has its end outcome", () => {
    const statuses = (table: string) =>
      all<{ status: string }>(`SELECT DISTINCT status FROM ${table}`)
        .map((r) => r.status)
        .sort();
    expect(statuses("mentees")).toEqual([...menteeStatuses].sort());
    expect(statuses("mentors")).toEqual([...mentorStatuses].sort());
    expect(statuses("courses")).toEqual([...courseStatuses].sort());
    expect(
      get<{ n: number }>(
        "SELECT count(*) AS n FROM courses c WHERE status = 'completed' AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.course_id = c.id AND o.phase = 'end')",
      ).n,
    ).toBe(0);
  });

  it("spreads citizens over the partners, Aarhus and Copenhagen largest, with a few of former partners only in closed cases", () => {
    const by = all<{ code: number; n: number; partner: number }>(
      "SELECT m.municipality_code AS code, count(*) AS n, mu.is_partner AS partner FROM mentees m JOIN municipalities mu ON mu.code = m.municipality_code GROUP BY 1 ORDER BY 2 DESC",
    );
    expect(
      by
        .slice(0, 2)
        .map((r) => r.code)
        .sort(),
    ).toEqual([101, 751]);
    expect(by.filter((r) => r.partner).length).toBe(13);
    const former = by.filter((r) => !r.partner);
    expect(former.length).toBeGreaterThan(0);
    expect(former.reduce((s, r) => s + r.n, 0) / N).toBeLessThan(0.03);
    expect(
      all<{ status: string }>(
        "SELECT DISTINCT m.status FROM mentees m JOIN municipalities mu ON mu.code = m.municipality_code WHERE mu.is_partner = 0",
      ).every((r) => ["withdrawn", "completed", "ended_early"].includes(r.status)),
    ).toBe(true);
  });

  it("has the demo logins: caseworkers of Aarhus and Kolding with their citizens, and the demo mentor with an active course", () => {
    const user = (email: string) =>
      get<{ role: string; municipality_code: number | null; password_hash: string | null }>(
        "SELECT role, municipality_code, password_hash FROM users WHERE email = ?",
        email,
      );
    expect(user(DEMO_USERS.admin).role).toBe("admin");
    expect(user(DEMO_USERS.coordinator).role).toBe("coordinator");
    expect(user(DEMO_USERS.caseworker)).toMatchObject({ role: "caseworker", municipality_code: 751 });
    expect(user(DEMO_USERS.caseworker2)).toMatchObject({ role: "caseworker", municipality_code: 621 });
    expect(user(DEMO_USERS.mentor).password_hash).toMatch(/^\$argon2/);
    const referred = (email: string) =>
      get<{ n: number }>(
        "SELECT count(*) AS n FROM mentees m JOIN users u ON u.id = m.referred_by WHERE u.email = ?",
        email,
      ).n;
    expect(referred(DEMO_USERS.caseworker)).toBeGreaterThan(0);
    expect(referred(DEMO_USERS.caseworker2)).toBeGreaterThan(0);
    const course = get<{ status: string; meetings: number }>(
      "SELECT c.status, (SELECT count(*) FROM meetings WHERE course_id = c.id) AS meetings FROM courses c JOIN mentors m ON m.id = c.mentor_id WHERE m.email = ? AND c.status = 'active'",
      DEMO_USERS.mentor,
    );
    expect(course.meetings).toBeGreaterThan(0);
  });

  it("keeps history consistent: every citizen's last status change is their status, nothing is dated after today, the keys hold", () => {
    const mismatched = get<{ n: number }>(`SELECT count(*) AS n FROM mentees m WHERE m.status != (
      SELECT to_status FROM status_changes s WHERE s.entity_type = 'mentee' AND s.entity_id = m.id ORDER BY s.at DESC, s.id DESC LIMIT 1)`).n;
    expect(mismatched).toBe(0);
    const day = today();
    expect(get<{ d: string }>("SELECT max(date) AS d FROM meetings").d <= day).toBe(true);
    expect(get<{ d: string }>("SELECT max(substr(referred_at, 1, 10)) AS d FROM mentees").d <= day).toBe(true);
    expect(
      get<{ d: string }>("SELECT min(substr(referred_at, 1, 10)) AS d FROM mentees").d <
        `${Number(day.slice(0, 4)) - 3}`,
    ).toBe(true);
    expect(all("PRAGMA foreign_key_check")).toEqual([]);
    // Live courses never exceed a mentor's places.
    expect(
      get<{ n: number }>(
        "SELECT count(*) AS n FROM (SELECT c.mentor_id FROM courses c JOIN mentors m ON m.id = c.mentor_id WHERE c.status IN ('approved', 'active', 'paused') GROUP BY c.mentor_id HAVING count(*) > max(m.capacity))",
      ).n,
    ).toBe(0);
  });

  it("fills the tables the triggers keep: the queue's industry index and the courses started per year and municipality", () => {
    // One row per wished division and per section of one, with the citizen's status, municipality and referral time.
    const expected = all<{ n: number }>(`SELECT count(*) AS n FROM (
      SELECT m.id, j.value FROM mentees m, json_each(m.wished_industry_codes) j
      UNION SELECT m.id, i.section FROM mentees m, json_each(m.wished_industry_codes) j JOIN industries i ON i.code = j.value)`)[0]
      .n;
    expect(get<{ n: number }>("SELECT count(*) AS n FROM mentee_industry_index").n).toBe(expected);
    expect(
      get<{ n: number }>(`SELECT count(*) AS n FROM mentee_industry_index x JOIN mentees m ON m.id = x.mentee_id
      WHERE x.status <> m.status OR x.municipality_code <> m.municipality_code OR x.referred_at <> m.referred_at`).n,
    ).toBe(0);
    const starts = all<{
      year: string;
      code: number;
      n: number;
    }>(`SELECT substr(c.start_date, 1, 4) AS year, m.municipality_code AS code, count(*) AS n
      FROM courses c JOIN mentees m ON m.id = c.mentee_id WHERE c.start_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(starts.length).toBeGreaterThan(10);
    expect(
      all("SELECT year, municipality_code AS code, courses AS n FROM course_starts WHERE courses > 0 ORDER BY 1, 2"),
    ).toEqual(starts);
  });

  it("refuses a database that has data, before touching it", async () => {
    const before = get<{ n: number }>("SELECT count(*) AS n FROM mentees").n;
    await expect(seedScaleFile(path, { mentees: 100 })).rejects.toThrow(NotEmptyError);
    await expect(seedScaleFile(path, { mentees: 100 })).rejects.toThrow(/is not empty \(\d+ rows in \w+\)/);
    expect(get<{ n: number }>("SELECT count(*) AS n FROM mentees").n).toBe(before);
  });
});

describe("the bulk inserter", () => {
  it("writes a row exactly as drizzle does (JSON lists, booleans, defaults)", () => {
    const db = openDb(":memory:");
    migrateDb(db);
    applyReferenceData(db);
    const values = menteeValues(createRng(3), 751, {
      referredAt: "2026-01-02T09:00:00.000Z",
      createdAt: "2026-01-02T09:00:00.000Z",
      updatedAt: "2026-01-02T09:00:00.000Z",
    });
    const viaDrizzle = db.insert(mentees).values(values).returning().get();
    const viaBulk = bulkInserter(db.$client, mentees)({ ...values, email: null });
    const read = db.select().from(mentees).where(eq(mentees.id, viaBulk)).get()!;
    expect({ ...read, id: viaDrizzle.id, email: viaDrizzle.email }).toEqual(viaDrizzle);
    expect(read.goals).toEqual(values.goals);
    expect(typeof read.needsConsideration).toBe("boolean");
  });
});
