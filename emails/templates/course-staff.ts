/**
 * Course messages to mentors (reminders, nudge, end prompt, survey), coordinators (no-contact flag, follow-up outcome
 * prompt) and caseworkers (course closed, concern escalated), in Danish and English. Links only, no personal details.
 */
import { defineTemplate } from "../types";
import { letters, type LetterWords } from "../letter";
import { messageDate } from "../format";

type Url = { url: string };
type Words<D> = Record<"da" | "en", LetterWords<D>>;

/** To the mentor about their course: "Hej"/"Hello", what is due, and the link to the course. */
const toMentor = <D extends Url>(words: Words<D>) =>
  defineTemplate<D>({ audience: "mentor", copies: letters(words, { hello: true }) });
/** To a coordinator or caseworker about a course: no greeting, and a link to the course or the citizen. */
const toStaff = <D extends Url>(audience: "staff" | "caseworker", words: Words<D>) =>
  defineTemplate<D>({ audience, copies: letters(words) });

export const courseMonthlyReminder = toMentor<Url & { month: number }>({
  da: {
    subject: (d) => `Forløbsmåned ${d.month} er begyndt: husk at registrere jeres møder`,
    lines: (d) => [
      `Jeres forløb er nu i måned ${d.month}. Målet er 4 timer om måneden. Registrér jeres møder, så vi kan følge med og hjælpe, hvis der er brug for det.`,
    ],
    action: "Registrér møder",
  },
  en: {
    subject: (d) => `Course month ${d.month} has begun: remember to log your meetings`,
    lines: (d) => [
      `Your course is now in month ${d.month}. The aim is 4 hours a month. Log your meetings so we can follow along and help if needed.`,
    ],
    action: "Log meetings",
  },
});

export const courseMentorNudge = toMentor<Url & { days: number }>({
  da: {
    subject: "Det er et stykke tid siden jeres sidste møde",
    lines: (d) => [
      `Vi har ikke set et møde registreret i ${d.days} dage. Har I mødtes, så registrér det gerne. Er der noget i vejen, så kontakt koordinatoren.`,
    ],
    action: "Gå til forløbet",
  },
  en: {
    subject: "It has been a while since your last meeting",
    lines: (d) => [
      `No meeting has been logged for ${d.days} days. If you have met, please log it. If something is in the way, contact the coordinator.`,
    ],
    action: "Go to the course",
  },
});

export const courseEndPrompt = toMentor<Url & { plannedEndDate: string }>({
  da: {
    subject: "Jeres forløb slutter om to uger",
    lines: (d) => [
      `Forløbet slutter efter planen ${messageDate(d.plannedEndDate, "da")}. Fortæl os, hvordan det er gået: registrér et resultat (fx job, uddannelse eller praktik), hvis der er et.`,
    ],
    action: "Registrér resultat",
  },
  en: {
    subject: "Your course ends in two weeks",
    lines: (d) => [
      `The course is planned to end on ${messageDate(d.plannedEndDate, "en")}. Tell us how it went: propose an outcome (for example a job, education or internship) if there is one.`,
    ],
    action: "Propose an outcome",
  },
});

export const surveyMentor = toMentor<Url & { kind: string }>({
  da: {
    subject: "Hvordan går jeres mentorforløb?",
    lines: () => [
      "Svar på tre korte spørgsmål om forløbet. Det tager et minut og hjælper os med at gøre programmet bedre.",
    ],
    action: "Svar på spørgsmålene",
  },
  en: {
    subject: "How is your mentoring course going?",
    lines: () => [
      "Answer three short questions about the course. It takes a minute and helps us improve the programme.",
    ],
    action: "Answer the questions",
  },
});

export const courseCoordinatorFlag = toStaff<Url & { courseId: number; days: number }>("staff", {
  da: {
    subject: (d) => `Forløb #${d.courseId}: ingen møder i ${d.days} dage`,
    lines: (d) => [
      `Forløb #${d.courseId} har ikke registreret et møde i ${d.days} dage. Mentoren har fået en påmindelse. Overvej en opfølgning.`,
    ],
    action: "Åbn forløbet",
  },
  en: {
    subject: (d) => `Course #${d.courseId}: no meetings for ${d.days} days`,
    lines: (d) => [
      `Course #${d.courseId} has not logged a meeting for ${d.days} days. The mentor has been reminded. Consider a follow-up call.`,
    ],
    action: "Open the course",
  },
});

export const courseFollowUpOutcome = toStaff<Url & { courseId: number }>("staff", {
  da: {
    subject: (d) => `Forløb #${d.courseId}: opfølgning 3 måneder efter`,
    lines: (d) => [`Det er 3 måneder siden forløb #${d.courseId} sluttede. Registrér opfølgningsresultatet.`],
    action: "Åbn forløbet",
  },
  en: {
    subject: (d) => `Course #${d.courseId}: 3-month follow-up`,
    lines: (d) => [`It is 3 months since course #${d.courseId} ended. Register the follow-up outcome.`],
    action: "Open the course",
  },
});

export const courseClosedCaseworker = toStaff<Url & { courseId: number; status: string }>("caseworker", {
  da: {
    subject: "Et mentorforløb for en af jeres borgere er afsluttet",
    lines: (d) => [
      `Mentorforløb #${d.courseId} er ${d.status === "completed" ? "afsluttet" : "afbrudt"}. Se status og resultat i Mentorbro.`,
    ],
    action: "Se borgeren",
  },
  en: {
    subject: "A mentoring course for one of your citizens has closed",
    lines: (d) => [
      `Mentoring course #${d.courseId} has ${d.status === "completed" ? "been completed" : "ended early"}. See status and outcome in Mentorbro.`,
    ],
    action: "See the citizen",
  },
});

export const courseConcernCaseworker = toStaff<Url & { courseId: number }>("caseworker", {
  da: {
    subject: "Koordinatoren beder jer se på et mentorforløb",
    lines: (d) => [
      `Ved en opfølgning på mentorforløb #${d.courseId} er der noget, koordinatoren gerne vil drøfte med jer. Koordinatoren kontakter jer, eller ring gerne selv.`,
    ],
    action: "Se borgeren",
  },
  en: {
    subject: "The coordinator asks you to look at a mentoring course",
    lines: (d) => [
      `A follow-up call on mentoring course #${d.courseId} raised something the coordinator would like to discuss with you. The coordinator will contact you, or feel free to call.`,
    ],
    action: "See the citizen",
  },
});
