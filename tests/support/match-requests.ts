/**
 * Helpers for the mentor says yes (issue 19): a fresh mentor who can log in, and the mentor's answer to their open
 * request about a citizen, given on a phone-sized screen as the mentor would.
 */
import { and, eq } from "drizzle-orm";
import type { Browser } from "@playwright/test";
import type { Db } from "../../db/client";
import { matchRequests, mentors, users } from "../../db/schema";
import { createRng, insertMentor, insertUser } from "../../db/factories";
import { DEMO_USERS } from "../../db/seed/demo";
import { expect, login, visit } from "./fixtures";

export const PHONE = { width: 375, height: 740 };

/** A mentor with a login (the demo password) in a municipality and industry, available for one citizen. */
export function mentorWithLogin(
  db: Db,
  o: { firstName: string; lastName: string; municipalityCode: number; industryCode: string; phone?: string },
) {
  const hash = db.select().from(users).where(eq(users.email, DEMO_USERS.mentor)).get()!.passwordHash;
  const email = `${o.firstName}.${o.lastName}@eksempel.dk`.toLowerCase();
  const user = insertUser(db, { role: "mentor", email, name: `${o.firstName} ${o.lastName}`, passwordHash: hash });
  const mentor = insertMentor(db, createRng(o.firstName.length * 31 + o.lastName.length), [o.municipalityCode], {
    ...o,
    userId: user.id,
    email,
    status: "approved",
    capacity: 1,
    travelKm: 30,
    menteeGenderPreference: "none",
    employer: null,
    networkIndustryCodes: [],
  });
  return { mentor, email };
}

/** The mentor asked about this citizen answers on a phone: yes, or no with a reason. Returns the request's id. */
export async function answerAsMentor(
  browser: Browser,
  baseURL: string,
  db: Db,
  menteeId: number,
  answer: { accept: true } | { accept: false; reason: string },
) {
  const req = db
    .select()
    .from(matchRequests)
    .where(and(eq(matchRequests.menteeId, menteeId), eq(matchRequests.status, "requested")))
    .get()!;
  expect(req, "an open request about the citizen").toBeTruthy();
  const mentor = db.select().from(mentors).where(eq(mentors.id, req.mentorId)).get()!;
  const user = db.select().from(users).where(eq(users.id, mentor.userId!)).get()!;
  const ctx = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
  const p = await ctx.newPage();
  await login(p, user.email);
  await visit(p, "/mentor");
  await p
    .getByRole("link", { name: /^Svar på forespørgslen om / })
    .first()
    .click();
  await expect(p).toHaveURL(new RegExp(`/mentor/forespoergsel/${req.id}$`));
  await visit(p, `/mentor/forespoergsel/${req.id}`);
  if (answer.accept) {
    await p.getByRole("button", { name: /^Ja, jeg vil være mentor for / }).click();
    await p.waitForURL(/\/mentor\/forloeb\/\d+/);
  } else {
    await p.getByLabel(/^Hvorfor ikke\?/).fill(answer.reason);
    await p.getByRole("button", { name: "Nej tak, ikke denne gang" }).click();
    await expect(p.getByText("Du har sagt nej tak. Tak for svaret.")).toBeVisible();
  }
  await ctx.close();
  return req.id;
}
