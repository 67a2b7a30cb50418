/**
 * Mentor guidance (issue 21): the introduction and the tips per course month are pages the coordinators maintain, in
 * Danish and English. A new mentor reads the introduction and marks it read; the mark is a hard rule of matching
 * (app/domain/matching.ts, `mentor_introduction_unread`), and every page read is recorded with its version.
 */
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { guidancePages, guidanceReads, mentors } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { GuidanceKind, UiLocale } from "../domain/enums";
import { nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { transaction, type Actor } from "./kernel.server";
import { childRows } from "../utils/sql";

export type GuidancePage = { id: number; title: string; body: string; version: number };

const localized = (p: typeof guidancePages.$inferSelect, locale: UiLocale): GuidancePage => ({
  id: p.id,
  version: p.version,
  title: locale === "en" ? p.titleEn : p.titleDa,
  body: locale === "en" ? p.bodyEn : p.bodyDa,
});

/** The mentor of a signed-in user and when they marked the introduction read. */
function mentorOf(d: Db, userId: number) {
  return d
    .select({ id: mentors.id, readAt: mentors.introductionReadAt })
    .from(mentors)
    .where(eq(mentors.userId, userId))
    .get();
}

function activeIntroduction(d: Db) {
  return d
    .select()
    .from(guidancePages)
    .where(and(eq(guidancePages.kind, "introduction"), eq(guidancePages.active, true)))
    .orderBy(asc(guidancePages.sort), asc(guidancePages.id))
    .all();
}

/** The mentor's introduction: the pages in their language, whether (and when) they marked it read. Null if no mentor. */
export function introductionFor(userId: number, locale: UiLocale, d: Db = db()) {
  const mentor = mentorOf(d, userId);
  if (!mentor) return null;
  const pages = activeIntroduction(d);
  const read = new Set(
    d
      .select({ pageId: guidanceReads.pageId, version: guidanceReads.version })
      .from(guidanceReads)
      .where(eq(guidanceReads.mentorId, mentor.id))
      .all()
      .map((r) => `${r.pageId}:${r.version}`),
  );
  return {
    readAt: mentor.readAt,
    pages: pages.map((p) => ({ ...localized(p, locale), read: read.has(`${p.id}:${p.version}`) })),
  };
}

/**
 * The mentor marks the introduction read: every active introduction page is recorded at its current version, and the
 * first time also the mentor's mark (which makes them matchable). Idempotent; returns false if no mentor.
 */
export function markIntroductionRead(userId: number, d: Db = db()): boolean {
  return transaction((t) => {
    const mentor = mentorOf(t, userId);
    if (!mentor) return false;
    const at = nowIso();
    const pages = activeIntroduction(t);
    if (pages.length) {
      t.insert(guidanceReads)
        .values(pages.map((p) => ({ mentorId: mentor.id, pageId: p.id, version: p.version, readAt: at })))
        .onConflictDoNothing()
        .run();
    }
    if (!mentor.readAt) t.update(mentors).set({ introductionReadAt: at }).where(eq(mentors.id, mentor.id)).run();
    audit(
      { id: userId, role: "mentor" },
      "update",
      "mentor",
      mentor.id,
      { introduction: "read", pages: pages.map((p) => `${p.id}v${p.version}`) },
      t,
    );
    return true;
  }, d);
}

/** Short tips for a course month (tips for that month first, then tips for any month), in the reader's language. */
export function tipsForMonth(month: number | null, locale: UiLocale, d: Db = db(), limit = 3): GuidancePage[] {
  if (month == null) return [];
  return d
    .select()
    .from(guidancePages)
    .where(
      and(
        eq(guidancePages.kind, "tip"),
        eq(guidancePages.active, true),
        or(eq(guidancePages.courseMonth, month), isNull(guidancePages.courseMonth)),
      ),
    )
    .orderBy(sql`${guidancePages.courseMonth} is null`, asc(guidancePages.sort), asc(guidancePages.id))
    .limit(limit)
    .all()
    .map((p) => localized(p, locale));
}

/** Every page for the coordinators' list, with how many mentors read its current version. */
export function listGuidance(d: Db = db()) {
  return d
    .select({
      id: guidancePages.id,
      kind: guidancePages.kind,
      courseMonth: guidancePages.courseMonth,
      sort: guidancePages.sort,
      titleDa: guidancePages.titleDa,
      version: guidancePages.version,
      active: guidancePages.active,
      updatedAt: guidancePages.updatedAt,
      readers: sql<number>`(select count(*) from ${guidanceReads} r where r.page_id = ${guidancePages.id} and r.version = ${guidancePages.version})`,
    })
    .from(guidancePages)
    .orderBy(asc(guidancePages.kind), asc(guidancePages.sort), asc(guidancePages.id))
    .all();
}

export function getGuidancePage(id: number, d: Db = db()) {
  return d.select().from(guidancePages).where(eq(guidancePages.id, id)).get() ?? null;
}

export type GuidanceInput = {
  kind: GuidanceKind;
  courseMonth?: number;
  sort: number;
  titleDa: string;
  bodyDa: string;
  titleEn: string;
  bodyEn: string;
  active: boolean;
};

/**
 * Creates or edits a page. A change of its words raises the version (mentors who read the old one read it again; the
 * match rule keeps their first mark). Returns the id, or null when the page does not exist.
 */
export function saveGuidancePage(actor: Actor, id: number | null, input: GuidanceInput, d: Db = db()): number | null {
  return transaction((t) => {
    const values = {
      kind: input.kind,
      courseMonth: input.kind === "tip" ? (input.courseMonth ?? null) : null,
      sort: input.sort,
      titleDa: input.titleDa,
      bodyDa: input.bodyDa,
      titleEn: input.titleEn,
      bodyEn: input.bodyEn,
      active: input.active,
      updatedBy: actor.id,
    };
    if (id == null) {
      const row = t.insert(guidancePages).values(values).returning({ id: guidancePages.id }).get();
      audit(actor, "create", "guidance_page", row.id, { kind: input.kind }, t);
      return row.id;
    }
    const old = t.select().from(guidancePages).where(eq(guidancePages.id, id)).get();
    if (!old) return null;
    const reworded =
      old.titleDa !== input.titleDa ||
      old.bodyDa !== input.bodyDa ||
      old.titleEn !== input.titleEn ||
      old.bodyEn !== input.bodyEn;
    t.update(guidancePages)
      .set({ ...values, version: reworded ? old.version + 1 : old.version })
      .where(eq(guidancePages.id, id))
      .run();
    audit(actor, "update", "guidance_page", id, { reworded, version: reworded ? old.version + 1 : old.version }, t);
    return id;
  }, d);
}

/** A read of a guidance page as the coordinator sees it: page, version, when, and whether it is the current version. */
const readColumns = {
  pageId: guidanceReads.pageId,
  version: guidanceReads.version,
  readAt: guidanceReads.readAt,
  title: guidancePages.titleDa,
  current: sql<number>`${guidanceReads.version} = ${guidancePages.version}`.mapWith((v: unknown) => Boolean(v)),
};

/** What one mentor read (for the coordinator's mentor page). */
export function readsOfMentor(mentorId: number, d: Db = db()) {
  return childRows(
    d.select(readColumns).from(guidanceReads).innerJoin(guidancePages, eq(guidancePages.id, guidanceReads.pageId)),
    guidanceReads.mentorId,
    mentorId,
    [desc(guidanceReads.readAt), asc(guidancePages.sort)],
  );
}
