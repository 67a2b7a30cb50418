/**
 * The demo's companies with contacts and notes, the mentors who work at them, and a mentor's tip waiting for the
 * coordinator.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../client";
import { companies, companyContacts, companyNotes, mentors, openings } from "../../schema";
import { addDays } from "../../../app/domain/dates";
import { completeCvr } from "../../../app/domain/cvr";
import { mustChangeStatus } from "../../../app/services/status.server";
import { COMPANIES, type CompanySeed } from "./companies-data";
import type { CompanySideCtx } from "./profiles";

/** An instant `days` from today at `hour` o'clock (UTC), as the demo's dates are relative to today. */
export const dayAt =
  (ctx: CompanySideCtx) =>
  (days: number, hour = 10) =>
    `${addDays(ctx.now, days)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

/** Companies, contacts and notes; then the first approved or active mentor of each company's industry works there. */
export function seedCompanies(t: Db, ctx: CompanySideCtx) {
  const at = dayAt(ctx);
  const companyIds = new Map<string, number>();
  const companyOf = new Map<string, CompanySeed>();
  COMPANIES.forEach((c, i) => {
    const cvr = completeCvr(c.cvr7) ?? completeCvr(String(Number(c.cvr7) + 1))!;
    const created = -500 + i * 7;
    const row = t
      .insert(companies)
      .values({
        name: c.name,
        cvr,
        industryCode: c.industry,
        municipalityCode: c.municipality,
        street: c.street,
        postcode: c.postcode,
        city: c.city,
        size: c.size,
        programmes: c.programmes,
        verifiedAt: at(created),
        createdBy: ctx.coordinatorId,
        createdAt: at(created),
      })
      .returning({ id: companies.id })
      .get();
    companyIds.set(c.key, row.id);
    companyOf.set(c.key, c);
    for (const [name, role, phone] of c.contacts) {
      t.insert(companyContacts)
        .values({
          companyId: row.id,
          name,
          role,
          phone,
          email: `${name.split(" ")[0].toLowerCase().replace(/ø/g, "oe").replace(/å/g, "aa").replace(/æ/g, "ae")}@eksempel.dk`,
          createdAt: at(created),
        })
        .run();
    }
    c.notes.forEach((note, k) =>
      t
        .insert(companyNotes)
        .values({
          companyId: row.id,
          date: addDays(ctx.now, created + 10 + k * 40),
          note,
          createdBy: ctx.coordinatorId,
          createdAt: at(created + 10 + k * 40),
        })
        .run(),
    );
  });

  // ---- mentors who work at a company: the first approved or active ones of its industry
  for (const [key, id] of companyIds) {
    const c = companyOf.get(key)!;
    const m = t
      .select({ id: mentors.id })
      .from(mentors)
      .where(
        and(
          eq(mentors.industryCode, c.industry),
          inArray(mentors.status, ["approved", "active"]),
          isNull(mentors.companyId),
        ),
      )
      .orderBy(asc(mentors.id))
      .get();
    if (m) t.update(mentors).set({ companyId: id, employer: c.name }).where(eq(mentors.id, m.id)).run();
  }

  return { companyIds, companyOf };
}

/** A mentor's tip, waiting for the coordinator: "I know the warehouse manager at the builders' merchant in Vejen". */
export function seedMentorTip(t: Db, ctx: CompanySideCtx) {
  const at = dayAt(ctx);
  const tip = t
    .insert(companies)
    .values({
      name: "Vejen Byggemarked ApS",
      cvr: completeCvr("3748219") ?? completeCvr("3748220")!,
      industryCode: "47",
      municipalityCode: 575,
      city: "Vejen",
      size: "small",
      programmes: [],
      suggestedByMentorId: ctx.demoMentorId,
      createdAt: at(-3),
    })
    .returning({ id: companies.id })
    .get();
  t.insert(companyContacts)
    .values({
      companyId: tip.id,
      name: "Anders Vestergaard",
      role: "Lagerchef",
      phone: "+4575361010",
      createdAt: at(-3),
    })
    .run();
  const tipOpening = t
    .insert(openings)
    .values({
      companyId: tip.id,
      type: "internship",
      industryCode: "47",
      occupation: "Lagermedarbejder",
      municipalityCode: 575,
      places: 1,
      weeklyHours: 37,
      danishLevel: "none",
      status: "proposed",
      description: "Lagerchefen søger en praktikant til varemodtagelsen efter sommerferien.",
      suggestedByMentorId: ctx.demoMentorId,
      createdAt: at(-3),
    })
    .returning({ id: openings.id })
    .get();
  // Created as a tip: its history starts here (no access-log entry: a seed writes no one's reads or acts).
  mustChangeStatus(t, {
    entity: "opening",
    id: tipOpening.id,
    from: null,
    to: "proposed",
    actor: null,
    reason: "mentor_tip",
    at: at(-3),
    audit: false,
  });
}
