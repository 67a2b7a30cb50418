/**
 * The mentor's and the coordinators' messages between meetings (emails/templates/between-meetings.ts), in Danish and
 * English: the invite, its change and cancellation, the reminder, the prompt to log a meeting, a citizen's "call me".
 */
import { defineTemplate } from "../types";
import { letters, type LetterWords } from "../letter";
import { messageDate, sentence } from "../format";
import { invite, sampleIcs, W, where, type MentorMeetingData } from "./between-meetings-citizen";

const mentorSample: MentorMeetingData = {
  menteeFirstName: "Amal",
  date: "2026-03-30",
  time: "10:00",
  form: "in_person",
  place: "Café Havnen, Aarhus",
  agenda: "CV og to ansøgninger",
  url: "https://mentorbro.example.dk/mentor/forloeb/12",
  ics: { ...sampleIcs, attendeeEmail: "mads@eksempel.dk" },
};
const mentorWhen = (lang: "da" | "en", d: { date: string; time: string }) =>
  W[lang].when(messageDate(d.date, lang), d.time);
const agendaLine = (lang: "da" | "en", d: MentorMeetingData) =>
  d.agenda ? [sentence(`${lang === "da" ? "Dagsorden" : "Agenda"}: ${d.agenda}`)] : [];

type MeetingWords = { subject: (m: string, when: string) => string; text: (m: string, when: string) => string };
const COURSE = { da: "Gå til forløbet", en: "Go to the course" };

/**
 * The invite, its change and the reminder: when and where with the mentee, the agenda, what the attached invite does
 * (`note`), and the link to the course. With `attach` (the invite and its change) the email carries the calendar file.
 */
const mentorMeeting = (attach: boolean, words: Record<"da" | "en", MeetingWords & { note?: string }>) => {
  const letter = (lang: "da" | "en"): LetterWords<MentorMeetingData> => ({
    subject: (d) => words[lang].subject(d.menteeFirstName, mentorWhen(lang, d)),
    lines: (d) => [
      `${words[lang].text(d.menteeFirstName, mentorWhen(lang, d))} ${where(lang, d)}`,
      ...agendaLine(lang, d),
      ...(words[lang].note ? [words[lang].note] : []),
    ],
    action: COURSE[lang],
  });
  return defineTemplate<MentorMeetingData>({
    audience: "mentor",
    sample: attach ? mentorSample : { ...mentorSample, ics: undefined },
    ...(attach ? { attachments: invite(false)((d: MentorMeetingData) => d.menteeFirstName) } : {}),
    copies: letters({ da: letter("da"), en: letter("en") }, { hello: true }),
  });
};

export const meetingPlannedMentor = mentorMeeting(true, {
  da: {
    subject: (m, when) => `Møde med ${m} ${when}`,
    text: (m, when) => `Mødet med ${m} er planlagt ${when}.`,
    note: "Invitationen er vedhæftet, så du kan lægge den i din kalender. Borgeren får den også og en påmindelse på sms dagen før.",
  },
  en: {
    subject: (m, when) => `Meeting with ${m} on ${when}`,
    text: (m, when) => `The meeting with ${m} is planned for ${when}.`,
    note: "The invitation is attached so you can add it to your calendar. The citizen gets it too, and a text reminder the day before.",
  },
});

export const meetingChangedMentor = mentorMeeting(true, {
  da: {
    subject: (m, when) => `Mødet med ${m} er ændret: ${when}`,
    text: (m, when) => `Mødet med ${m} er nu ${when}.`,
    note: "Den vedhæftede invitation opdaterer mødet i din kalender.",
  },
  en: {
    subject: (m, when) => `The meeting with ${m} has changed: ${when}`,
    text: (m, when) => `The meeting with ${m} is now on ${when}.`,
    note: "The attached invitation updates the meeting in your calendar.",
  },
});

export const meetingReminderMentor = mentorMeeting(false, {
  da: { subject: (m) => `Påmindelse: møde med ${m} i morgen`, text: (_m, when) => `I mødes i morgen, ${when}.` },
  en: { subject: (m) => `Reminder: meeting with ${m} tomorrow`, text: (_m, when) => `You meet tomorrow, ${when}.` },
});

export const meetingCancelledMentor = defineTemplate<MentorMeetingData>({
  audience: "mentor",
  sample: mentorSample,
  attachments: invite(true)((d: MentorMeetingData) => d.menteeFirstName),
  copies: letters(
    {
      da: {
        subject: (d) => `Mødet med ${d.menteeFirstName} ${mentorWhen("da", d)} er aflyst`,
        lines: (d) => [
          `Mødet med ${d.menteeFirstName} ${mentorWhen("da", d)} er aflyst. Den vedhæftede besked fjerner det fra din kalender.`,
        ],
        action: "Planlæg et nyt møde",
      },
      en: {
        subject: (d) => `The meeting with ${d.menteeFirstName} on ${mentorWhen("en", d)} is cancelled`,
        lines: (d) => [
          `The meeting with ${d.menteeFirstName} on ${mentorWhen("en", d)} is cancelled. The attached notice removes it from your calendar.`,
        ],
        action: "Plan a new meeting",
      },
    },
    { hello: true },
  ),
});

type LogPrompt = { menteeFirstName: string; date: string; time: string; url: string };
export const meetingLogPrompt = defineTemplate<LogPrompt>({
  audience: "mentor",
  sample: {
    menteeFirstName: "Amal",
    date: "2026-03-30",
    time: "10:00",
    url: "https://mentorbro.example.dk/mentor/forloeb/12",
  },
  copies: letters(
    {
      da: {
        subject: (d) => `Blev mødet med ${d.menteeFirstName} til noget?`,
        lines: (d) => [
          `Mødet ${mentorWhen("da", d)} er passeret. Bekræft med ét tryk, at det blev holdt, så tæller det med i jeres timer. Blev det ikke til noget, så sig det også.`,
        ],
        action: "Bekræft mødet",
      },
      en: {
        subject: (d) => `Did the meeting with ${d.menteeFirstName} happen?`,
        lines: (d) => [
          `The meeting on ${mentorWhen("en", d)} has passed. Confirm with one tap that it was held, so it counts in your hours. If it did not happen, say so too.`,
        ],
        action: "Confirm the meeting",
      },
    },
    { hello: true },
  ),
});

/* ------------------------------------------------------------------ coordinators */

export const citizenCallRequest = defineTemplate<{ menteeId: number; url: string }>({
  audience: "staff",
  sample: { menteeId: 12, url: "https://mentorbro.example.dk/koordinator/mentees/12" },
  copies: letters(
    {
      da: {
        subject: (d) => `Borger #${d.menteeId} beder om at blive ringet op`,
        lines: (d) => [`Borger #${d.menteeId} har bedt om at blive ringet op fra sin side i Mentorbro.`],
        action: "Se borgeren",
      },
      en: {
        subject: (d) => `Citizen #${d.menteeId} asks to be called`,
        lines: (d) => [`Citizen #${d.menteeId} has asked to be called, from their page in Mentorbro.`],
        action: "See the citizen",
      },
    },
    { hello: true },
  ),
});
