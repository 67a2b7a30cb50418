/**
 * The outbox's door is typed per template (emails/index.ts: the catalogue gives `TemplateKey` and `TemplateData<K>`):
 * a key the catalogue does not have, a missing field or a misspelt one does not compile. The `@ts-expect-error` lines
 * are the proof: `npm run typecheck` fails if any of them stops being an error. At run time nothing changed: a row
 * keeps its key as a string, and a stored key the catalogue does not know fails safely when it is rendered.
 */
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { eq } from "drizzle-orm";
import { messages } from "../../db/schema";
import { db } from "../db.server";
import { testDb } from "../../tests/support/test-db";
import { renderMessage, templateDefs, templates, type TemplateData, type TemplateKey } from "../../emails";
import { enqueue, type NewMessage } from "./outbox.server";
import { render, renderForHistory } from "./outbox-render.server";

const to = { channel: "email", recipient: "amal@eksempel.dk", locale: "da" } as const;
const url = "https://mentorbro.dk/nulstil-adgangskode/eksempel";
const row = (id: number | null) => db().select().from(messages).where(eq(messages.id, id!)).get()!;

beforeAll(() => {
  testDb();
});

describe("template keys and data are typed", () => {
  it("reads each key and its data from the catalogue", () => {
    expectTypeOf<"password_reset">().toExtend<TemplateKey>();
    expectTypeOf<"password_rest">().not.toExtend<TemplateKey>();
    expectTypeOf<TemplateData<"password_reset">>().toEqualTypeOf<{ name: string; url: string }>();
    expectTypeOf<TemplateData<"mentor_approved" | "mentor_rejected">>().toEqualTypeOf<{ name: string; url: string }>();
    expectTypeOf<NewMessage<"citizen_contact_code">["data"]>().toEqualTypeOf<{ code: string }>();
    expect([...templates.keys()]).toEqual(Object.keys(templateDefs));
    for (const [key, t] of templates) expect(t.key).toBe(key);
  });

  it("enqueue refuses a wrong key, a missing field, a misspelt field and another template's data", () => {
    const ok = enqueue({ ...to, template: "password_reset", data: { name: "Amal", url } });
    const wrongKey = enqueue({
      ...to,
      // @ts-expect-error: the catalogue has no such template
      template: "password_rest",
      data: { name: "Amal", url },
    });
    // @ts-expect-error: `url` is missing
    const missing = enqueue({ ...to, template: "password_reset", data: { name: "Amal" } });
    // @ts-expect-error: `urll` is not a field of the template
    const misspelt = enqueue({ ...to, template: "password_reset", data: { name: "Amal", urll: url } });
    // @ts-expect-error: the data of password_reset, not of mentee_welcome
    const other = enqueue({ ...to, template: "mentee_welcome", data: { name: "Amal", url } });
    // At run time the outbox stores what it is given, as before: the key as a string, the data as it came.
    expect(row(ok)).toMatchObject({ template: "password_reset", data: { name: "Amal" } });
    expect(row(wrongKey)).toMatchObject({ template: "password_rest", data: { name: "Amal", url } });
    expect(row(missing).data).toEqual({ name: "Amal" });
    expect(row(misspelt).data).toEqual({ name: "Amal", urll: url });
    expect(row(other).template).toBe("mentee_welcome");
  });

  it("renderMessage checks the key and the data the same way", async () => {
    const r = await renderMessage("password_reset", "da", { name: "Amal", url }, "email");
    expect(r.text).toContain("Hej Amal");
    // @ts-expect-error: the catalogue has no such template
    await expect(renderMessage("password_rest", "da", { name: "Amal", url }, "email")).rejects.toThrow(
      "Unknown template password_rest",
    );
    // @ts-expect-error: `mentorFirstName` is misspelt
    await expect(renderMessage("match_mentee", "da", { mentorFirstNam: "Mads" }, "sms")).resolves.toBeTruthy();
  });

  it("a stored row with a key the catalogue does not know fails safely, for the send and for the history", async () => {
    const id = enqueue({ ...to, template: "course_ended_mentee", data: {} });
    db().update(messages).set({ template: "retired_template" }).where(eq(messages.id, id!)).run();
    await expect(render(row(id), "send", db())).rejects.toThrow("Unknown template retired_template");
    expect(await renderForHistory(row(id))).toEqual({ error: "Unknown template retired_template" });
  });
});
