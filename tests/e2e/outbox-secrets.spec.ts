/**
 * Live secrets reach only their recipient (issue 15, item 1). The attack it reproduces: anyone asks for a new password
 * for the admin; a coordinator opens that message in /admin/outbox and copies the reset link. Now the outbox shows
 * every message with its links masked, in the page, its frame and its data alike, and a held message is settled by a
 * person there. axe on every page.
 */
import { and, desc, eq } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, received, linkIn } from "../support/fixtures";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed/demo";
import { messages } from "../../db/schema";

test("a coordinator cannot take over the admin account: the reset link in the outbox is masked", async ({
  page,
  db,
  app,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // Anyone, signed in or not, asks for a new password for the admin.
  const anonymous = await browser.newContext({ baseURL });
  const anon = await anonymous.newPage();
  await visit(anon, "/glemt-adgangskode");
  await anon.getByLabel("E-mail").fill(DEMO_USERS.admin);
  await anon.getByRole("button", { name: "Send link" }).click();
  await expect(anon.getByText(/Hvis e-mailen hører til en konto/)).toBeVisible();
  await anonymous.close();

  // Only the admin, in the email, gets the link.
  const mail = await received(app, { to: DEMO_USERS.admin, template: "password_reset" });
  const token = linkIn(mail, "/nulstil-adgangskode/").split("/").pop()!;
  const msg = db
    .select()
    .from(messages)
    .where(and(eq(messages.recipient, DEMO_USERS.admin), eq(messages.template, "password_reset")))
    .orderBy(desc(messages.id))
    .get()!;

  // The coordinator opens the newest reset message in the outbox.
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/admin/outbox");
  await page.getByRole("link", { name: `Vis besked #${msg.id}` }).click();
  await expect(page.getByTestId("message-status")).toHaveText("Sendt");
  await expect(page.getByTestId("message-text")).toContainText("Vælg ny adgangskode: ");
  await expect(page.getByTestId("message-text")).toContainText("/nulstil-adgangskode/•••");
  await expect(page.getByTestId("masked-note")).toBeVisible();
  await expectAccessible(page);

  // No usable link anywhere in what the server sent: the page, the email in its frame, the page's data.
  expect(await page.content()).not.toContain(token);
  expect(await page.frameLocator("iframe").locator("body").innerHTML()).not.toContain(token);
  for (const path of [
    `/admin/outbox/${msg.id}`,
    `/admin/outbox/${msg.id}.data`,
    "/admin/outbox",
    "/admin/outbox.data",
  ]) {
    const body = await (await page.request.get(path)).text();
    expect(body, path).not.toContain(token);
    expect(body, path).not.toMatch(/\/nulstil-adgangskode\/[A-Za-z0-9_-]{16,}/);
  }
  // What is shown leads nowhere; the admin's password is unchanged.
  await visit(page, "/nulstil-adgangskode/•••");
  await expect(page.getByText("Linket er udløbet eller allerede brugt. Bed om et nyt.")).toBeVisible();
  const admin = await browser.newContext({ baseURL });
  await login(await admin.newPage(), DEMO_USERS.admin, DEMO_PASSWORD);
  await admin.close();
});

test("a message that may have been delivered is held, explained, and settled by a person", async ({ page, db }) => {
  const held = db
    .insert(messages)
    .values({
      channel: "sms",
      recipient: "+4520000001",
      template: "mentee_welcome",
      locale: "da",
      data: { firstName: "Amina" },
      status: "held",
      attempts: 1,
      handedOffAt: new Date().toISOString(),
      transport: "gatewayapi",
      idempotencyKey: "mentee_welcome:held-e2e",
      lastError:
        "outcome unknown: no response timeout; may have been delivered: the provider may have received it and cannot be asked; check by the reference before sending again",
      nextAttemptAt: new Date().toISOString(),
    })
    .returning()
    .get();
  await login(page, DEMO_USERS.coordinator);
  // The start page counts it and links to the list.
  await page.getByRole("link", { name: /Beskeder til afgørelse/ }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?status=held$/);
  await page.getByRole("link", { name: `Vis besked #${held.id}` }).click();
  await expect(page.getByTestId("message-status")).toHaveText("Afventer afgørelse");
  await expect(page.getByText("Beskeden er måske allerede leveret")).toBeVisible();
  await expect(page.getByText("mentee_welcome:held-e2e")).toBeVisible();
  await expectAccessible(page);
  // The coordinator found it in GatewayAPI's log: it arrived.
  await page.getByRole("button", { name: "Markér som modtaget" }).click();
  await expect(page.getByText("Beskeden er markeret som modtaget.")).toBeVisible();
  await expect(page.getByTestId("message-status")).toHaveText("Sendt");
  expect(db.select().from(messages).where(eq(messages.id, held.id)).get()).toMatchObject({
    status: "sent",
    payload: null,
  });
  await expectAccessible(page);
});
