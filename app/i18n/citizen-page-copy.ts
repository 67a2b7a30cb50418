/**
 * The citizen's own page (/mig/$token, issue 21) in the ten message languages: the link comes in a message written in
 * the citizen's language, so the page speaks it (the UI's Danish/English strings do not cover it). Like the survey
 * and opt-out pages' copy, written by us and awaiting review by native speakers. `{x}` marks a value filled in.
 * One file a language in citizen-page-copy/; callers import this module.
 */
import type { GoalKind, GoalStatus, MeetingForm, MessageLanguage } from "../domain/enums";
import da from "./citizen-page-copy/da";
import en from "./citizen-page-copy/en";
import ar from "./citizen-page-copy/ar";
import ti from "./citizen-page-copy/ti";
import fa from "./citizen-page-copy/fa";
import prs from "./citizen-page-copy/prs";
import ps from "./citizen-page-copy/ps";
import so from "./citizen-page-copy/so";
import uk from "./citizen-page-copy/uk";
import kmr from "./citizen-page-copy/kmr";

export type CitizenPageCopy = {
  title: string;
  hello: string;
  mentorTitle: string;
  mentorName: string;
  phone: string;
  noMentor: string;
  /** The kinds of meeting (also the meeting messages' words, emails/templates/between-meetings.ts). */
  forms: Record<MeetingForm, string>;
  meetingTitle: string;
  when: string;
  place: string;
  agenda: string;
  noMeeting: string;
  goalsTitle: string;
  noGoals: string;
  goals: Record<GoalKind, string>;
  statuses: Record<GoalStatus, string>;
  coordinatorTitle: string;
  writeTo: string;
  callMe: string;
  callDone: string;
  callAlready: string;
  contactTitle: string;
  phoneNow: string;
  newPhone: string;
  newPhoneHint: string;
  language: string;
  sendCode: string;
  codeSent: string;
  code: string;
  confirm: string;
  changed: string;
  messagesTitle: string;
  optOut: string;
  invalid: string;
  expired: string;
  revoked: string;
  closed: string;
  newLinkSms: string;
  newLinkCoordinator: string;
  errorTitle: string;
  tooFast: string;
  errors: Record<
    | "phoneInvalid"
    | "codeInvalid"
    | "wrong_code"
    | "code_expired"
    | "too_many"
    | "nothing_changed"
    | "no_channel"
    | "link"
    | "already"
    | "invalid",
    string
  >;
};

export const citizenPageCopy: Record<MessageLanguage, CitizenPageCopy> = {
  da,
  en,
  ar,
  ti,
  fa,
  prs,
  ps,
  so,
  uk,
  kmr,
};

/** Fills `{x}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
