/**
 * Issue 19, item 5: after referral, the citizen's own caseworker and the coordinator correct contact details, language
 * and wishes; each correction is in the record's history (who, when, which fields; never the values) and in the access
 * log; the coordinator logs the intake call, whose note refuses health details. Another municipality's citizen cannot
 * be corrected. Axe on every page.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import { test, expect, login, logout, visit } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { auditLog, menteeChanges, mentees } from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";

test("the caseworker and the coordinator correct a citizen; the history names the fields, not the values", async ({
  page,
  db,
}) => {
  const m = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, 751), eq(mentees.status, "waiting")))
    .get()!;
  db.update(mentees)
    .set({
      phone: "+4520304050",
      email: null,
      preferredChannel: "sms",
      language: "ar",
      danishLevel: "du2",
      danishModule: null,
    })
    .where(eq(mentees.id, m.id))
    .run();
  await login(page, DEMO_USERS.caseworker);
  await visit(page, `/kommune/borgere/${m.id}`);
  await page.getByRole("link", { name: "Ret oplysninger" }).click();
  await expect(page).toHaveURL(new RegExp(`/kommune/borgere/${m.id}/ret$`));
  const form = page.getByRole("form", { name: "Kontakt, sprog og ønsker" });
  // A channel without its contact detail is refused next to the field, and what was typed stays.
  await form.getByLabel("Mobilnummer").fill("");
  await form.getByRole("textbox", { name: "E-mail" }).fill("ny.adresse@example.org");
  await form.getByRole("radio", { name: "Sms" }).check();
  await form.getByRole("button", { name: "Gem rettelserne" }).click();
  await expect(form.getByText("Sms kræver et mobilnummer")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "E-mail" })).toHaveValue("ny.adresse@example.org");

  await form.getByLabel("Mobilnummer").fill("20 30 40 99");
  await form.getByLabel("Sprog for beskeder").selectOption("ti");
  await form.getByRole("button", { name: "Gem rettelserne" }).click();
  await expect(page.getByText("Rettelserne er gemt.")).toBeVisible();
  const history = page.getByTestId("record-changes");
  await expect(history).toContainText("rettede telefon, e-mail, sprog");
  await expect(history).not.toContainText("20304099");
  await expect(history).not.toContainText("ny.adresse");
  const after = db.select().from(mentees).where(eq(mentees.id, m.id)).get()!;
  expect(after).toMatchObject({ phone: "+4520304099", email: "ny.adresse@example.org", language: "ti" });
  drainAll(db.$client, AUDIT_DRAIN);
  const logged = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, m.id), eq(auditLog.action, "update")))
    .orderBy(desc(auditLog.id))
    .get()!;
  expect(logged.details).toEqual({ correction: ["phone", "email", "language"] });

  // Another municipality's citizen "does not exist" for this caseworker.
  const other = db.select().from(mentees).where(ne(mentees.municipalityCode, 751)).get()!;
  expect((await page.request.get(`/kommune/borgere/${other.id}/ret`)).status()).toBe(404);
  const forged = await page.request.post(`/kommune/borgere/${other.id}/ret`, {
    form: {
      intent: "correct",
      phone: "20304011",
      preferredChannel: "sms",
      language: "da",
      danishLevel: "du1",
      "wishedIndustryCodes[0]": "41",
      goals: "cv",
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(forged.status()).toBe(404);
  expect(db.select().from(menteeChanges).where(eq(menteeChanges.menteeId, other.id)).all()).toHaveLength(0);

  // The coordinator logs the intake call; a health detail in the note is refused.
  await logout(page);
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/mentees/${m.id}`);
  await expect(page.getByTestId("record-changes")).toContainText("rettede telefon, e-mail, sprog");
  await page.getByRole("link", { name: "Ret oplysninger" }).click();
  const intake = page.getByRole("form", { name: "Visitationssamtale" });
  await intake.getByLabel("Kort note").fill("Har PTSD og sover dårligt");
  await intake.getByRole("button", { name: "Registrér samtalen" }).click();
  await expect(intake.getByText("Skriv ikke helbredsoplysninger", { exact: false })).toBeVisible();
  await intake.getByLabel("Kort note").fill("Motiveret, ønsker lager eller transport. Kan starte straks.");
  await intake.getByRole("button", { name: "Registrér samtalen" }).click();
  await expect(page.getByText("Samtalen er registreret.")).toBeVisible();
  await expect(page.getByTestId("record-changes").locator("li").first()).toContainText(
    "Motiveret, ønsker lager eller transport.",
  );

  // A correction by the coordinator: Danish level and a new first wish.
  const cform = page.getByRole("form", { name: "Kontakt, sprog og ønsker" });
  await cform.getByLabel("Danskniveau").selectOption("du3");
  await cform.getByLabel("Branche 1").selectOption("49");
  await cform.getByRole("button", { name: "Gem rettelserne" }).click();
  await expect(page.getByTestId("record-changes").locator("li").first()).toContainText("danskniveau");
  await expect(page.getByTestId("record-changes").locator("li").first()).toContainText("ønskede brancher");
  expect(db.select().from(mentees).where(eq(mentees.id, m.id)).get()!.wishedIndustryCodes[0]).toBe("49");
});
