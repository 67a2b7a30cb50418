/**
 * The catalogue of message templates (a key → template map, from which the key and data types are read) and the one
 * render function the outbox uses. A missing translation falls back to Danish followed by English (and `fallback` says
 * so, for the admin view).
 */
import { render } from "@react-email/render";
import { createElement } from "react";
import { isRtl, type Channel, type MessageLanguage } from "../app/domain/enums";
import { EmailLayout, type EmailSection } from "./EmailLayout";
import type { AnyTemplateDef, Copy, Keyed, TemplateDef } from "./types";
import type { MessageAttachment } from "../db/schema";
import { effectiveCopies, type Overrides } from "./editable";
import { smsStopLine } from "./sms-stop";
import { splitSecrets, type SplitData } from "../app/domain/secrets";
import passwordReset from "./templates/password-reset";
import {
  mentorAlreadyRegistered,
  mentorApproved,
  mentorNextSteps,
  mentorRejected,
  mentorVerify,
} from "./templates/volunteer";
import menteeWelcome from "./templates/mentee-welcome";
import caseworkerInvitation from "./templates/caseworker-invitation";
import { matchCaseworker, matchMentee, matchMentor } from "./templates/matching";
import { matchRequestClosed, matchRequestMentor } from "./templates/match-request";
import { courseEndedMentee, courseStartedMentee, surveyMentee } from "./templates/course-mentee";
import {
  citizenCallRequest,
  citizenContactCode,
  citizenPageLink,
  meetingCancelledMentee,
  meetingCancelledMentor,
  meetingChangedMentee,
  meetingChangedMentor,
  meetingLogPrompt,
  meetingPlannedMentee,
  meetingPlannedMentor,
  meetingReminderMentee,
  meetingReminderMentor,
} from "./templates/between-meetings";
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

/**
 * The catalogue: every template under its key. The key is what the outbox stores with a message (`messages.template`)
 * and what an admin's edits are stored under, so a key that was ever sent is never renamed. `TemplateKey` and
 * `TemplateData<K>` are read from here: enqueuing, rendering and the tests are typed per template.
 */
export const templateDefs = {
  password_reset: passwordReset,
  mentor_verify: mentorVerify,
  mentor_already_registered: mentorAlreadyRegistered,
  mentor_next_steps: mentorNextSteps,
  mentor_approved: mentorApproved,
  mentor_rejected: mentorRejected,
  mentee_welcome: menteeWelcome,
  caseworker_invitation: caseworkerInvitation,
  match_mentor: matchMentor,
  match_mentee: matchMentee,
  match_caseworker: matchCaseworker,
  match_request_mentor: matchRequestMentor,
  match_request_closed: matchRequestClosed,
  course_started_mentee: courseStartedMentee,
  course_ended_mentee: courseEndedMentee,
  survey_mentee: surveyMentee,
  course_monthly_reminder: courseMonthlyReminder,
  course_mentor_nudge: courseMentorNudge,
  course_end_prompt: courseEndPrompt,
  survey_mentor: surveyMentor,
  course_coordinator_flag: courseCoordinatorFlag,
  course_followup_outcome: courseFollowUpOutcome,
  course_closed_caseworker: courseClosedCaseworker,
  course_concern_caseworker: courseConcernCaseworker,
  meeting_planned_mentee: meetingPlannedMentee,
  meeting_changed_mentee: meetingChangedMentee,
  meeting_cancelled_mentee: meetingCancelledMentee,
  meeting_reminder_mentee: meetingReminderMentee,
  citizen_page_link: citizenPageLink,
  citizen_contact_code: citizenContactCode,
  meeting_planned_mentor: meetingPlannedMentor,
  meeting_changed_mentor: meetingChangedMentor,
  meeting_cancelled_mentor: meetingCancelledMentor,
  meeting_reminder_mentor: meetingReminderMentor,
  meeting_log_prompt: meetingLogPrompt,
  citizen_call_request: citizenCallRequest,
} satisfies Record<string, AnyTemplateDef>;

type Defs = typeof templateDefs;
/** The key of a template in the catalogue. */
export type TemplateKey = keyof Defs;
/** The data a template's messages carry (what `enqueue` takes and the outbox stores); for a union of keys, any one's. */
export type TemplateData<K extends TemplateKey> = K extends TemplateKey
  ? Defs[K] extends TemplateDef<infer D>
    ? D
    : never
  : never;
/** A template of the catalogue with its key. */
export type Template = Keyed<AnyTemplateDef, TemplateKey>;

/**
 * The catalogue looked up by a key from outside the code (a stored message, an admin's URL): a key it does not know
 * gives `undefined`.
 */
export const templates: ReadonlyMap<string, Template> = new Map(
  (Object.keys(templateDefs) as TemplateKey[]).map((key) => [key, { ...templateDefs[key], key }]),
);

/** The template of a key read from outside the code; an unknown key (an old or damaged row) throws. */
export function templateFor(key: string): Template {
  const t = templates.get(key);
  if (!t) throw new Error(`Unknown template ${key}`);
  return t;
}

/**
 * Splits a message's data into what the outbox keeps and shows (the template's secret fields masked) and the secrets,
 * which only the real send reads. Throws when a live link hides in a field the template did not declare secret.
 */
export function splitMessageData(key: TemplateKey, data: Record<string, unknown>): SplitData {
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
  t: Keyed<TemplateDef<D>>,
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

/** Renders a message of the catalogue: the key and its data are checked when the code is compiled. */
export async function renderMessage<K extends TemplateKey>(
  key: K,
  locale: MessageLanguage,
  data: TemplateData<K>,
  channel: Channel,
  opts: RenderOptions = {},
): Promise<Rendered> {
  return renderTemplate(templateFor(key), locale, data, channel, opts);
}

/**
 * Renders a template with its data. The outbox passes `templateFor(row.template)` and the data it stored, which are
 * the data `enqueue` was given for that key.
 */
export async function renderTemplate<D>(
  t: Keyed<TemplateDef<D>>,
  locale: MessageLanguage,
  data: D,
  channel: Channel,
  opts: RenderOptions = {},
): Promise<Rendered> {
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
