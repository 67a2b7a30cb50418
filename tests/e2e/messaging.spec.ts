/**
 * Messaging journeys: an admin edits a template translation and sees the preview (Arabic right-to-left), a mentee
 * message in Arabic is rendered right-to-left, a failed message is retried from the outbox, the opt-out link works,
 * the person page lists what was sent, and the Resend webhook verifies its signature. axe on every page.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, received, linkIn } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { mentees, messages, messageTemplates } from "../../db/schema";
import type { Db } from "../../db/client";
import { signJwtHs256, svixSign } from "../../app/messaging/signatures";

function aMenteeWithEmail(db: Db) {
  return db
    .select()
    .from(mentees)
    .where(and(isNotNull(mentees.email), isNull(mentees.anonymisedAt), isNull(mentees.emailOptOutAt)))
    .get()!;
}

function insertMessage(db: Db, v: Partial<typeof messages.$inferInsert> & { recipient: string }) {
  return db
    .insert(messages)
    .values({
      channel: "email",
      template: "password_reset",
      locale: "da",
      data: { name: "Amina", url: "https://mentorbro.dk/x" },
      idempotencyKey: `e2e:${crypto.randomUUID()}`,
      nextAttemptAt: new Date().toISOString(),
      ...v,
    })
    .returning()
    .get();
}

test("admin edits a template translation, previews it, saves it; Arabic is previewed right-to-left", async ({
  page,
  db,
}) => {
  test.setTimeout(150_000);
  await login(page, DEMO_USERS.admin);
  await visit(page, "/admin/skabeloner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beskedskabeloner");
  // Templates are listed by name, not by their code.
  await expect(page.getByRole("link", { name: "Rediger Invitation til sagsbehandler" })).toBeVisible();
  await expect(page.getByRole("main").getByText(/\b[a-z]+_[a-z_]+\b/)).toHaveCount(0);
  await page.getByRole("link", { name: "Rediger Ny adgangskode" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skabelon: Ny adgangskode");
  await expectAccessible(page);

  // English: change the subject, preview (not saved), then save.
  await page.getByTestId("lang-en").click();
  await expect(page.getByLabel("Emne")).toHaveValue("Choose a new password for Mentorbro");
  await page.getByLabel("Emne").fill("Pick a new Mentorbro password, {{name}}");
  await page.getByRole("button", { name: "Vis eksempel" }).click();
  await expect(page.getByTestId("preview")).toContainText("Eksempel på den tekst, du har skrevet");
  await expect(page.getByTestId("preview-subject")).toHaveText("Pick a new Mentorbro password, Amina");
  await expect(page.getByTestId("preview-segments")).toContainText("GSM-7");
  await expectAccessible(page);
  expect(db.select().from(messageTemplates).all()).toHaveLength(0);

  // An unknown placeholder is refused with the field named, and what was typed stays.
  await page.getByLabel("Emne").fill("Hello {{nobody}}");
  await page.getByRole("button", { name: "Gem tekst" }).click();
  await expect(page.getByText("Ukendt pladsholder: nobody").first()).toBeVisible();
  await expect(page.getByLabel("Emne")).toHaveValue("Hello {{nobody}}");
  await expectAccessible(page);

  await page.getByLabel("Emne").fill("Pick a new Mentorbro password, {{name}}");
  await page.getByRole("button", { name: "Gem tekst" }).click();
  await expect(page.getByText("Teksten er gemt")).toBeVisible();
  await expect(page.getByTestId("preview-subject")).toHaveText("Pick a new Mentorbro password, Amina");
  expect(db.select().from(messageTemplates).where(eq(messageTemplates.language, "en")).get()?.copy.subject).toBe(
    "Pick a new Mentorbro password, {{name}}",
  );
  await expectAccessible(page);

  // Arabic is missing: flagged, falls back to Danish + English; adding it previews right-to-left.
  await page.goto("/admin/skabeloner/password_reset?lang=ar");
  await expect(page.getByText("Denne skabelon findes ikke på Arabisk").first()).toBeVisible();
  await expect(page.getByTestId("preview-subject")).toContainText(" / Pick a new Mentorbro password");
  await expectAccessible(page);
  await page.getByLabel("Emne").fill("اختر كلمة مرور جديدة يا {{name}}");
  await page.getByLabel("Brødtekst").fill("مرحبا {{name}}\nالرابط صالح لمدة ساعة واحدة.");
  await page.getByLabel(/^Tekst på knappen/).fill("اختر كلمة مرور");
  await page.getByLabel(/^Sms-tekst/).fill("مرحبا {{name}}، اختر كلمة مرور جديدة.");
  await page.getByRole("button", { name: "Gem tekst" }).click();
  await expect(page.getByText("Teksten er gemt")).toBeVisible();
  await expect(page.getByTestId("preview-sms")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("preview-segments")).toContainText("UCS-2");
  await expect(page.frameLocator("[data-testid=preview-email]").locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // Reset returns to the file text.
  await page.goto("/admin/skabeloner/password_reset?lang=en");
  await page.getByRole("button", { name: "Nulstil til standardtekst" }).click();
  await expect(page.getByText("Teksten er nulstillet")).toBeVisible();
  await expect(page.getByLabel("Emne")).toHaveValue("Choose a new password for Mentorbro");
});

test("a mentee's message in Arabic is sent right-to-left with the admin's translation", async ({ page, db }) => {
  const mentee = aMenteeWithEmail(db);
  db.insert(messageTemplates)
    .values({
      templateKey: "password_reset",
      language: "ar",
      copy: { subject: "مرحبا {{name}}", heading: "", body: "مرحبا {{name}}", actionLabel: "افتح", sms: "" },
    })
    .run();
  const msg = insertMessage(db, {
    recipient: mentee.email!,
    locale: "ar",
    subjectType: "mentee",
    subjectId: mentee.id,
  });
  await login(page, DEMO_USERS.coordinator);
  await expect.poll(() => db.select().from(messages).where(eq(messages.id, msg.id)).get()!.status).toBe("sent");
  await visit(page, `/admin/outbox/${msg.id}`);
  await expect(page.getByTestId("message-text")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("message-text")).toContainText("مرحبا Amina");
  await expect(page.frameLocator("iframe").locator("html")).toHaveAttribute("dir", "rtl");
  // The email carries the opt-out link in its footer (masked here: only the citizen gets the real one).
  await expect(page.getByTestId("message-text")).toContainText("/afmeld/•••");
});

test("a failed message is retried from /admin/outbox and then sent", async ({ page, db }) => {
  const msg = insertMessage(db, {
    recipient: "someone@eksempel.dk",
    status: "failed",
    attempts: 6,
    lastError: "503 service_unavailable",
  });
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/admin/outbox?status=failed");
  await page.getByRole("link", { name: `Vis besked #${msg.id}` }).click();
  await expect(page.getByTestId("message-status")).toHaveText("Fejlet");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send igen" }).click();
  await expect(page.getByText("Beskeden er sat i kø igen.")).toBeVisible();
  await expect.poll(() => db.select().from(messages).where(eq(messages.id, msg.id)).get()!.status).toBe("sent");
  await page.reload();
  await expect(page.getByTestId("message-status")).toHaveText("Sendt");
  await expectAccessible(page);
});

test("the opt-out link stops email and the person page shows it", async ({ page, db, app, browser, baseURL }) => {
  test.setTimeout(120_000);
  const mentee = aMenteeWithEmail(db);
  const msg = insertMessage(db, { recipient: mentee.email!, subjectType: "mentee", subjectId: mentee.id });
  // The citizen follows the link in the email they got (the local sink stands in for their inbox).
  const path = linkIn(await received(app, { id: msg.id }), "/afmeld/");
  expect(path).not.toContain(String(mentee.id) + "/");

  // The page speaks the person's message language, right-to-left for Arabic, and offers Danish and English.
  db.update(mentees).set({ language: "ar" }).where(eq(mentees.id, mentee.id)).run();
  await visit(page, path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("إلغاء الاشتراك في رسائل Mentorbro");
  await expect(page.locator("main [lang=ar]").first()).toHaveAttribute("dir", "rtl");
  await expect(page.getByLabel("إيقاف الرسائل النصية")).toBeChecked();
  // Right-to-left: the box sits at the right, where the line starts, beside its text.
  const [box, main] = [
    await page.getByLabel("إيقاف الرسائل النصية").boundingBox(),
    await page.locator("main").boundingBox(),
  ];
  expect(box!.x + box!.width).toBeGreaterThan(main!.x + main!.width - 40);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Dansk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afmeld beskeder fra Mentorbro");
  await expect(page.getByRole("link", { name: "العربية" })).toBeVisible();
  // Nothing chosen: an error, nothing stored.
  await page.getByLabel("Stop e-mails").uncheck();
  await page.getByLabel("Stop sms'er").uncheck();
  await page.getByRole("button", { name: "Afmeld" }).click();
  await expect(page.getByText("Vælg mindst én slags beskeder").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Stop e-mails").check();
  await page.getByRole("button", { name: "Afmeld" }).click();
  await expect(page.getByText("Du er afmeldt.")).toBeVisible();
  await expect(page.getByTestId("opt-out-state")).toContainText("e-mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afmeld beskeder fra Mentorbro");
  await expectAccessible(page);
  const after = db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!;
  expect(after.emailOptOutAt).toBeTruthy();
  expect(after.smsOptOutAt).toBeNull();

  // Without JavaScript, in Arabic: the page knows email is already stopped and stops SMS too.
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await nojs.goto(path);
  await expect(nojs.getByTestId("opt-out-state")).toContainText("البريد الإلكتروني");
  await expect(nojs.getByLabel("إيقاف الرسائل النصية")).toBeChecked();
  await nojs.getByRole("button", { name: "إلغاء الاشتراك" }).click();
  await expect(nojs.getByText("تم إلغاء اشتراكك.", { exact: false })).toBeVisible();
  await ctx.close();
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.smsOptOutAt).toBeTruthy();

  // The sender now cancels email to this person.
  const next = insertMessage(db, { recipient: mentee.email!, subjectType: "mentee", subjectId: mentee.id });
  await expect.poll(() => db.select().from(messages).where(eq(messages.id, next.id)).get()!.status).toBe("cancelled");

  // A forged or broken token is refused.
  await visit(page, "/afmeld/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByText("Linket virker ikke.")).toBeVisible();

  // A coordinator sees what was sent and the opt-out on the person page (in English too).
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/persondata/mentee/${mentee.id}`);
  const section = page.getByTestId("person-messages");
  await expect(section.getByRole("heading", { name: "Beskeder" })).toBeVisible();
  await expect(section).toContainText("password_reset");
  await expect(section).toContainText("Annulleret");
  await expect(section).toContainText("Afmeldt e-mail");
  await page.request.post("/sprog", { form: { lng: "en", redirectTo: "/" } });
  await visit(page, `/persondata/mentee/${mentee.id}`);
  await expect(section.getByRole("heading", { name: "Messages" })).toBeVisible();
  await expect(section).toContainText("Unsubscribed from email");

  // The person calls and wants email again: the coordinator records it.
  await section.getByRole("button", { name: "Subscribe to email again (the person asked)" }).click();
  await expect(page.getByText("The person gets messages on that channel again.")).toBeVisible();
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.emailOptOutAt).toBeNull();
  await expect(section).not.toContainText("Unsubscribed from email");
  await expectAccessible(page);
});

test.describe("delivery webhooks", () => {
  const secret = "whsec_" + Buffer.from("e2e-webhook-secret").toString("base64");
  const smsSecret = "e2e-gatewayapi-jwt-secret";
  test.use({ appEnv: { RESEND_WEBHOOK_SECRET: secret, SMS_WEBHOOK_SECRET: smsSecret } });

  test("Resend: a signed delivery event marks the message delivered; a bad signature is refused", async ({
    request,
    db,
  }) => {
    const msg = insertMessage(db, {
      recipient: "x@eksempel.dk",
      status: "sent",
      providerId: "re_e2e_1",
      transport: "resend",
      sentAt: new Date().toISOString(),
    });
    const body = JSON.stringify({
      type: "email.delivered",
      created_at: new Date().toISOString(),
      data: { email_id: "re_e2e_1" },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const bad = await request.post("/webhooks/resend", {
      data: body,
      headers: {
        "Content-Type": "application/json",
        "svix-id": "msg_1",
        "svix-timestamp": ts,
        "svix-signature": "v1,AAAA",
      },
    });
    expect(bad.status()).toBe(401);
    expect(db.select().from(messages).where(eq(messages.id, msg.id)).get()!.status).toBe("sent");
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const old = await request.post("/webhooks/resend", {
      data: body,
      headers: {
        "Content-Type": "application/json",
        "svix-id": "msg_1",
        "svix-timestamp": stale,
        "svix-signature": `v1,${svixSign(secret, "msg_1", stale, body)}`,
      },
    });
    expect(old.status()).toBe(401);
    const good = await request.post("/webhooks/resend", {
      data: body,
      headers: {
        "Content-Type": "application/json",
        "svix-id": "msg_1",
        "svix-timestamp": ts,
        "svix-signature": `v1,${svixSign(secret, "msg_1", ts, body)}`,
      },
    });
    expect(good.status()).toBe(200);
    expect(await good.json()).toEqual({ ok: true, result: "updated" });
    expect(db.select().from(messages).where(eq(messages.id, msg.id)).get()!.status).toBe("delivered");
  });

  test("GatewayAPI: a signed status callback marks the SMS failed; a reply STOP opts the number out", async ({
    request,
    db,
  }) => {
    const mentee = db
      .select()
      .from(mentees)
      .where(and(isNotNull(mentees.phone), isNull(mentees.anonymisedAt), isNull(mentees.smsOptOutAt)))
      .get()!;
    const msg = insertMessage(db, {
      channel: "sms",
      recipient: mentee.phone!,
      status: "sent",
      providerId: "4711",
      transport: "gatewayapi",
      subjectType: "mentee",
      subjectId: mentee.id,
    });
    const status = { id: 4711, msisdn: 4512345678, status: "UNDELIVERED", code: "0x0202", userref: msg.idempotencyKey };
    const unsigned = await request.post("/webhooks/sms", { data: status });
    expect(unsigned.status()).toBe(401);
    const forged = await request.post("/webhooks/sms", {
      data: status,
      headers: { "X-Gwapi-Signature": await signJwtHs256("wrong", status) },
    });
    expect(forged.status()).toBe(401);
    const ok = await request.post("/webhooks/sms", {
      data: status,
      headers: { "X-Gwapi-Signature": await signJwtHs256(smsSecret, status) },
    });
    expect(await ok.json()).toEqual({ ok: true, result: "updated" });
    const after = db.select().from(messages).where(eq(messages.id, msg.id)).get()!;
    expect(after.status).toBe("failed");
    expect(after.lastError).toContain("UNDELIVERED");
    expect((await request.get("/webhooks/sms")).status()).toBe(405);

    const queued = insertMessage(db, {
      channel: "sms",
      recipient: mentee.phone!,
      subjectType: "mentee",
      subjectId: mentee.id,
      nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const mo = { id: 99, msisdn: Number(mentee.phone!.replace(/\D/g, "")), receiver: 4512345678, message: "Stop" };
    const stop = await request.post("/webhooks/sms-inbound", {
      data: mo,
      headers: { "X-Gwapi-Signature": await signJwtHs256(smsSecret, mo) },
    });
    expect(await stop.json()).toEqual({ ok: true, result: "opted_out" });
    expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.smsOptOutAt).toBeTruthy();
    expect(db.select().from(messages).where(eq(messages.id, queued.id)).get()!.status).toBe("cancelled");
  });
});
