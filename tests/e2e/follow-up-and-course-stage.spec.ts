/**
 * Issue 19, items 6 and 7: the follow-up queue puts risk first with tel: links, the coordinator's start page shows
 * courses at risk and the mentors' outcome proposals to confirm or correct, and a course that has not begun offers
 * no end actions (the course state machine decides what the page shows). Axe on every page.
 */
import { and, eq } from "drizzle-orm";
import { test, expect, login, visit } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import type { Db } from "../../db/client";
import { courses, mentees, mentors, outcomes } from "../../db/schema";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A free approved mentor and a waiting citizen, paired in a course of the given status and start. */
function arrangeCourse(db: Db, values: { status: "approved" | "active"; startDate?: string }) {
  const mentor = db.select().from(mentors).where(eq(mentors.status, "approved")).get()!;
  const mentee = db.select().from(mentees).where(eq(mentees.status, "waiting")).get()!;
  db.update(mentees)
    .set({ status: values.status === "active" ? "in_course" : "matched", phone: "+4520304050" })
    .where(eq(mentees.id, mentee.id))
    .run();
  db.update(mentors).set({ phone: "+4561626364" }).where(eq(mentors.id, mentor.id)).run();
  const startDate = values.startDate ?? null;
  const plannedEndDate = startDate ? day(170) : null;
  const course = db
    .insert(courses)
    .values({
      menteeId: mentee.id,
      mentorId: mentor.id,
      status: values.status,
      startDate,
      plannedEndDate,
      matchScore: 80,
    })
    .returning()
    .get();
  return { mentor, mentee, course };
}

test("a course that has not begun offers a start and a cancel, never an end; moving the start keeps it so", async ({
  page,
  db,
}) => {
  const { course, mentee } = arrangeCourse(db, { status: "approved" });
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/forloeb/${course.id}`);
  await expect(page.getByRole("definition").filter({ hasText: "Godkendt, ikke startet" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Start forløbet" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Annullér matchet" })).toBeVisible();
  for (const name of ["Afslut forløbet", "Afbryd forløbet", "Sæt på pause", "Forlæng forløbet"])
    await expect(page.getByRole("form", { name })).toHaveCount(0);
  await expect(page.getByText("I gang", { exact: true })).toHaveCount(0);

  // Started with a day ahead: still not begun, so still no end, and the start can move.
  const start = page.getByRole("form", { name: "Start forløbet" });
  await start.getByLabel("Startdato").fill(day(10));
  await start.getByRole("button", { name: "Start forløbet" }).click();
  await expect(page).toHaveURL(/done=start/);
  await expect(page.getByText("Forløbet er opdateret.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Starter senere" })).toBeVisible();
  await expect(page.getByText("Ikke begyndt", { exact: true })).toHaveCount(0);
  await expect(page.getByText("I gang", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Flyt startdatoen" })).toBeVisible();
  for (const name of ["Afslut forløbet", "Afbryd forløbet"])
    await expect(page.getByRole("form", { name })).toHaveCount(0);

  // A forged "complete" is refused by the use case as well.
  const res = await page.request.post(`/koordinator/forloeb/${course.id}`, {
    form: { intent: "complete", endedOn: day(0) },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(400);
  expect(db.select().from(courses).where(eq(courses.id, course.id)).get()!.status).toBe("active");

  // Cancelled: the citizen waits again, the course never began.
  const cancel = page.getByRole("form", { name: "Annullér matchet" });
  await cancel.getByLabel("Årsag").selectOption("mentor_withdrew");
  await cancel.getByRole("button", { name: "Annullér matchet" }).click();
  await expect(page).toHaveURL(/done=cancel/);
  await expect(page.getByText("Forløbet er opdateret.")).toBeVisible();
  const after = db.select().from(courses).where(eq(courses.id, course.id)).get()!;
  expect(after.status).toBe("ended_early");
  expect(after.startDate).toBeNull();
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.status).toBe("waiting");
  await expect(page.getByRole("heading", { name: "Handlinger" })).toHaveCount(0);
});

test("the follow-up queue puts courses without contact first, with both phone numbers as tel: links", async ({
  page,
  db,
}) => {
  // Begun 40 days ago and no meeting since: no contact for more than 21 days.
  const { course, mentee, mentor } = arrangeCourse(db, { status: "active", startDate: day(-40) });
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/koordinator/opfoelgning");
  const rows = page.getByTestId("follow-up-queue").locator("tbody tr");
  await expect(rows.first()).toContainText("Ingen kontakt");
  const ours = rows.filter({ has: page.getByRole("link", { name: `Åbn forløbet ${course.id}` }) });
  await expect(ours).toContainText("Ingen kontakt");
  await expect(ours.getByRole("link", { name: "+4520304050" })).toHaveAttribute("href", "tel:+4520304050");
  await expect(ours.getByRole("link", { name: "+4561626364" })).toHaveAttribute("href", "tel:+4561626364");
  // Every row at risk comes before every row that is only a due call.
  const risk = await rows.evaluateAll((trs) => trs.map((tr) => /Ingen kontakt|Bagud/.test(tr.textContent ?? "")));
  expect(risk.indexOf(false) === -1 || !risk.slice(risk.indexOf(false)).includes(true)).toBe(true);
  expect(risk.filter(Boolean).length).toBeGreaterThan(0);

  // The start page shows it among the courses at risk.
  await visit(page, "/koordinator");
  await expect(
    page.getByRole("region", { name: "Forløb i risiko" }).getByRole("link", { name: `Åbn forløbet ${course.id}` }),
  ).toBeVisible();
  expect(mentee.id && mentor.id).toBeTruthy();
});

test("a mentor's outcome proposal waits on the start page to be confirmed or corrected", async ({ page, db }) => {
  const { course } = arrangeCourse(db, { status: "active", startDate: day(-60) });
  const mentorUser = db.select().from(mentors).where(eq(mentors.id, course.mentorId)).get()!;
  const proposal = (type: "education" | "igu") =>
    db
      .insert(outcomes)
      .values({
        courseId: course.id,
        type,
        phase: "end",
        outcomeDate: day(-1),
        confirmed: false,
        recordedBy: mentorUser.userId,
      })
      .returning()
      .get();
  const first = proposal("education");
  const second = proposal("igu");
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/koordinator");
  const queue = page.getByRole("region", { name: "Resultater, der venter på bekræftelse" });
  await queue.getByRole("button", { name: /^Bekræft Uddannelse for / }).click();
  await expect(page.getByText("Resultatet er bekræftet.")).toBeVisible();
  expect(db.select().from(outcomes).where(eq(outcomes.id, first.id)).get()!.confirmed).toBe(true);

  await page
    .getByRole("region", { name: "Resultater, der venter på bekræftelse" })
    .getByRole("button", { name: /^Afvis og ret IGU for / })
    .click();
  await expect(page).toHaveURL(new RegExp(`/koordinator/forloeb/${course.id}`));
  await expect(page.getByText("Forslaget er afvist.", { exact: false })).toBeVisible();
  expect(
    db
      .select()
      .from(outcomes)
      .where(and(eq(outcomes.id, second.id)))
      .get(),
  ).toBeUndefined();
  await expect(page.getByRole("form", { name: "Registrér et resultat" })).toBeVisible();
});
