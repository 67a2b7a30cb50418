/**
 * The catalogue of message templates and the one render function the outbox uses. A missing translation falls back
 * to Danish followed by English (and `fallback` says so, for the admin view).
 */
import { render } from "@react-email/render";
import { createElement } from "react";
import { isRtl, type Channel, type MessageLanguage } from "../app/domain/enums";
import { EmailLayout, type EmailSection } from "./EmailLayout";
import type { AnyTemplateDef, Copy, TemplateDef } from "./types";
import type { MessageAttachment } from "../db/schema";
import { effectiveCopies, type Overrides } from "./editable";
import { smsStopLine } from "./sms-stop";
import { splitSecrets, type SplitData } from "../app/domain/secrets";
import passwordReset from "./templates/password-reset";
import volunteerTemplates from "./templates/volunteer";
import menteeWelcome from "./templates/mentee-welcome";
import caseworkerInvitation from "./templates/caseworker-invitation";
import matchingTemplates from "./templates/matching";
import matchRequestTemplates from "./templates/match-request";
import { courseEndedMentee, courseStartedMentee, surveyMentee } from "./templates/course-mentee";
import betweenMeetings from "./templates/between-meetings";
import {
  courseClosedCaseworker,
  courseConcernCaseworker,
  courseCoordinatorFlag,
  courseEndPrompt,
  courseFollowUpOutcome,
  courseMentorNudge,
  courseMonthlyReminder,
  surveyMentor,
} from "./templates/course-staff";

const all: AnyTemplateDef[] = [
  passwordReset,
  ...volunteerTemplates,
  menteeWelcome,
  caseworkerInvitation,
  ...matchingTemplates,
  ...matchRequestTemplates,
  courseStartedMentee,
  courseEndedMentee,
  surveyMentee,
  courseMonthlyReminder,
  courseMentorNudge,
  courseEndPrompt,
  surveyMentor,
  courseCoordinatorFlag,
  courseFollowUpOutcome,
  courseClosedCaseworker,
  courseConcernCaseworker,
  ...betweenMeetings,
];
export const templates = new Map(all.map((t) => [t.key, t]));

/** Registers more templates (each feature module adds its own). */
export function registerTemplates(...defs: AnyTemplateDef[]): void {
  for (const d of defs) templates.set(d.key, d);
}

/**
 * Splits a message's data into what the outbox keeps and shows (the template's secret fields masked) and the secrets,
 * which only the real send reads. Throws when a live link hides in a field the template did not declare secret.
 */
export function splitMessageData(key: string, data: Record<string, unknown>): SplitData {
  return splitSecrets(data, templates.get(key)?.secrets ?? [], key);
}

export type Rendered = {
  subject: string;
  text: string;
  html: string | null;
  fallback: boolean;
  attachments?: MessageAttachment[];
};

const FOOTER: Record<string, string> = {
  da: "Mentorbro formidler frivillige erhvervsmentorer. Denne besked kan ikke besvares.",
  en: "Mentorbro connects volunteer business mentors. This message cannot be answered.",
};

const UNSUBSCRIBE: Record<string, string> = {
  da: "Vil du ikke have flere beskeder fra Mentorbro? Afmeld her",
  en: "Do not want more messages from Mentorbro? Unsubscribe here",
};

export type RenderOptions = {
  /** Admin-edited texts for this template, per language (they win over the file). */
  overrides?: Overrides;
  /** Email: a link to opt out, shown in the footer. */
  unsubscribeUrl?: string | null;
  /** SMS: the number that receives STOP; each language's text then ends with how to stop SMS. */
  smsStopNumber?: string | null;
};

export function copiesFor<D>(
  t: TemplateDef<D>,
  locale: MessageLanguage,
  overrides?: Overrides,
): { copies: [MessageLanguage, Copy<D>][]; fallback: boolean } {
  const all = (overrides ? effectiveCopies(t, overrides) : t.copies) as Partial<Record<MessageLanguage, Copy<D>>>;
  const own = all[locale];
  if (own) return { copies: [[locale, own]], fallback: false };
  const out: [MessageLanguage, Copy<D>][] = [];
  if (all.da) out.push(["da", all.da]);
  if (all.en) out.push(["en", all.en]);
  if (!out.length) throw new Error(`Template ${t.key} has neither Danish nor English`);
  return { copies: out, fallback: true };
}

export async function renderMessage(
  key: string,
  locale: MessageLanguage,
  data: Record<string, unknown>,
  channel: Channel,
  opts: RenderOptions = {},
): Promise<Rendered> {
  const t = templates.get(key);
  if (!t) throw new Error(`Unknown template ${key}`);
  const { copies, fallback } = copiesFor(t, locale, opts.overrides);
  const subject = copies.map(([, c]) => c.subject(data)).join(" / ");
  if (channel === "sms") {
    const stop = opts.smsStopNumber;
    const text = copies
      .map(([lang, c]) => {
        const body = c.sms ? c.sms(data) : c.lines(data).join(" ");
        return stop ? `${body} ${smsStopLine(lang, stop)}` : body;
      })
      .join("\n\n");
    return { subject, text, html: null, fallback };
  }
  const sections: EmailSection[] = copies.map(([lang, c]) => ({
    lang,
    dir: isRtl(lang) ? "rtl" : "ltr",
    heading: c.heading ? c.heading(data) : c.subject(data),
    lines: c.lines(data),
    action: c.action ? { label: c.action.label, url: c.action.url(data) } : undefined,
  }));
  const text = sections
    .map((s) => [s.heading, "", ...s.lines, ...(s.action ? ["", `${s.action.label}: ${s.action.url}`] : [])].join("\n"))
    .join("\n\n----\n\n");
  const footer = FOOTER[copies[0][0]] ?? FOOTER.da;
  const unsubscribe = opts.unsubscribeUrl
    ? { label: UNSUBSCRIBE[copies[0][0]] ?? UNSUBSCRIBE.da, url: opts.unsubscribeUrl }
    : undefined;
  const html = await render(createElement(EmailLayout, { sections, footer, unsubscribe }));
  const textFooter = unsubscribe ? `${footer}\n${unsubscribe.label}: ${unsubscribe.url}` : footer;
  const attachments = t.attachments ? t.attachments(data, copies[0][0]) : undefined;
  return { subject, text: `${text}\n\n${textFooter}`, html, fallback, ...(attachments?.length ? { attachments } : {}) };
}
