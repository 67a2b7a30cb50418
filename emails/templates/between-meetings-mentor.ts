/**
 * The mentor's and the coordinators' messages between meetings (emails/templates/between-meetings.ts), in Danish and
 * English: the invite, its change and cancellation, the reminder, the prompt to log a meeting, a citizen's "call me".
 */
import { defineTemplate } from "../types";
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

export const meetingPlannedMentor = defineTemplate<MentorMeetingData>({
  audience: "mentor",
  sample: mentorSample,
  attachments: invite(false)((d: MentorMeetingData) => d.menteeFirstName),
  copies: {
    da: {
      subject: (d) => `Møde med ${d.menteeFirstName} ${mentorWhen("da", d)}`,
      lines: (d) => [
        "Hej",
        `Mødet med ${d.menteeFirstName} er planlagt ${mentorWhen("da", d)}. ${where("da", d)}`,
        ...agendaLine("da", d),
        "Invitationen er vedhæftet, så du kan lægge den i din kalender. Borgeren får den også og en påmindelse på sms dagen før.",
      ],
      action: { label: "Gå til forløbet", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Meeting with ${d.menteeFirstName} on ${mentorWhen("en", d)}`,
      lines: (d) => [
        "Hello",
        `The meeting with ${d.menteeFirstName} is planned for ${mentorWhen("en", d)}. ${where("en", d)}`,
        ...agendaLine("en", d),
        "The invitation is attached so you can add it to your calendar. The citizen gets it too, and a text reminder the day before.",
      ],
      action: { label: "Go to the course", url: (d) => d.url },
    },
  },
});

export const meetingChangedMentor = defineTemplate<MentorMeetingData>({
  audience: "mentor",
  sample: mentorSample,
  attachments: invite(false)((d: MentorMeetingData) => d.menteeFirstName),
  copies: {
    da: {
      subject: (d) => `Mødet med ${d.menteeFirstName} er ændret: ${mentorWhen("da", d)}`,
      lines: (d) => [
        "Hej",
        `Mødet med ${d.menteeFirstName} er nu ${mentorWhen("da", d)}. ${where("da", d)}`,
        ...agendaLine("da", d),
        "Den vedhæftede invitation opdaterer mødet i din kalender.",
      ],
      action: { label: "Gå til forløbet", url: (d) => d.url },
    },
    en: {
      subject: (d) => `The meeting with ${d.menteeFirstName} has changed: ${mentorWhen("en", d)}`,
      lines: (d) => [
        "Hello",
        `The meeting with ${d.menteeFirstName} is now on ${mentorWhen("en", d)}. ${where("en", d)}`,
        ...agendaLine("en", d),
        "The attached invitation updates the meeting in your calendar.",
      ],
      action: { label: "Go to the course", url: (d) => d.url },
    },
  },
});

export const meetingCancelledMentor = defineTemplate<MentorMeetingData>({
  audience: "mentor",
  sample: mentorSample,
  attachments: invite(true)((d: MentorMeetingData) => d.menteeFirstName),
  copies: {
    da: {
      subject: (d) => `Mødet med ${d.menteeFirstName} ${mentorWhen("da", d)} er aflyst`,
      lines: (d) => [
        "Hej",
        `Mødet med ${d.menteeFirstName} ${mentorWhen("da", d)} er aflyst. Den vedhæftede besked fjerner det fra din kalender.`,
      ],
      action: { label: "Planlæg et nyt møde", url: (d) => d.url },
    },
    en: {
      subject: (d) => `The meeting with ${d.menteeFirstName} on ${mentorWhen("en", d)} is cancelled`,
      lines: (d) => [
        "Hello",
        `The meeting with ${d.menteeFirstName} on ${mentorWhen("en", d)} is cancelled. The attached notice removes it from your calendar.`,
      ],
      action: { label: "Plan a new meeting", url: (d) => d.url },
    },
  },
});

export const meetingReminderMentor = defineTemplate<MentorMeetingData>({
  audience: "mentor",
  sample: { ...mentorSample, ics: undefined },
  copies: {
    da: {
      subject: (d) => `Påmindelse: møde med ${d.menteeFirstName} i morgen`,
      lines: (d) => ["Hej", `I mødes i morgen, ${mentorWhen("da", d)}. ${where("da", d)}`, ...agendaLine("da", d)],
      action: { label: "Gå til forløbet", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Reminder: meeting with ${d.menteeFirstName} tomorrow`,
      lines: (d) => ["Hello", `You meet tomorrow, ${mentorWhen("en", d)}. ${where("en", d)}`, ...agendaLine("en", d)],
      action: { label: "Go to the course", url: (d) => d.url },
    },
  },
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
  copies: {
    da: {
      subject: (d) => `Blev mødet med ${d.menteeFirstName} til noget?`,
      lines: (d) => [
        "Hej",
        `Mødet ${mentorWhen("da", d)} er passeret. Bekræft med ét tryk, at det blev holdt, så tæller det med i jeres timer. Blev det ikke til noget, så sig det også.`,
      ],
      action: { label: "Bekræft mødet", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Did the meeting with ${d.menteeFirstName} happen?`,
      lines: (d) => [
        "Hello",
        `The meeting on ${mentorWhen("en", d)} has passed. Confirm with one tap that it was held, so it counts in your hours. If it did not happen, say so too.`,
      ],
      action: { label: "Confirm the meeting", url: (d) => d.url },
    },
  },
});

/* ------------------------------------------------------------------ coordinators */

export const citizenCallRequest = defineTemplate<{ menteeId: number; url: string }>({
  audience: "staff",
  sample: { menteeId: 12, url: "https://mentorbro.example.dk/koordinator/mentees/12" },
  copies: {
    da: {
      subject: (d) => `Borger #${d.menteeId} beder om at blive ringet op`,
      lines: (d) => ["Hej", `Borger #${d.menteeId} har bedt om at blive ringet op fra sin side i Mentorbro.`],
      action: { label: "Se borgeren", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Citizen #${d.menteeId} asks to be called`,
      lines: (d) => ["Hello", `Citizen #${d.menteeId} has asked to be called, from their page in Mentorbro.`],
      action: { label: "See the citizen", url: (d) => d.url },
    },
  },
});
