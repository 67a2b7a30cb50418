import { z } from "zod";
import { channels, messageLanguages } from "../domain/enums";
import { msg, multi, optionalText, requiredText } from "../utils/zod-fields";

/** /afmeld/$token: which channels to stop. */
export const optOutSchema = z.object({
  channels: multi(z.enum(channels), 2).refine((v) => v.length > 0, msg("messaging.optOut.chooseOne")),
});

/** One language of one template, as an admin edits it. */
export const templateEditSchema = z.object({
  intent: z.enum(["save", "preview"]),
  language: z.enum(messageLanguages),
  subject: requiredText(200),
  heading: optionalText(200),
  body: requiredText(4000),
  actionLabel: optionalText(80),
  sms: optionalText(1000),
});

export const templateResetSchema = z.object({
  intent: z.literal("reset"),
  language: z.enum(messageLanguages),
});

/** A coordinator records that a person wants messages on a channel again. */
export const optInSchema = z.object({
  intent: z.literal("opt_in"),
  channel: z.enum(channels),
});
