/**
 * The mentor says yes (issue 19, decision 017): the request to the mentor (email, and SMS when they gave a number)
 * with the mentee's minimal profile and a link to the mentor's own logged-in page to accept or decline, and the notice
 * to the coordinator when a mentor declined or let the request expire. No sensitive details; the link carries no token.
 */
import { defineTemplate } from "../types";
import daEnum from "../../app/i18n/locales/da/enum";
import enEnum from "../../app/i18n/locales/en/enum";
import { DB07 } from "../../db/reference/db07";
import { messageDate, sentence } from "../format";

const industryLabel = (code: string, lang: "da" | "en") => {
  const i = DB07.find((x) => x.code === code);
  return i ? `${code} ${lang === "da" ? i.labelDa : i.labelEn}` : code;
};
const list = (xs: string[]) => (xs.length ? xs.join(", ") : "–");
const lookup = (table: Record<string, string>, key: string) => table[key] ?? key;

export type MatchRequestMentorData = {
  mentorFirstName: string;
  menteeFirstName: string;
  municipality: string;
  languages: string[];
  danishLevel: string;
  wishedIndustryCodes: string[];
  goals: string[];
  noIndustry: boolean;
  deadline: string;
  url: string;
};

export const matchRequestMentor = defineTemplate<MatchRequestMentorData>({
  audience: "mentor",
  sample: {
    mentorFirstName: "Mads",
    menteeFirstName: "Amal",
    municipality: "Aarhus",
    languages: ["ar", "en"],
    danishLevel: "du2",
    wishedIndustryCodes: ["41"],
    goals: ["cv", "network"],
    noIndustry: false,
    deadline: "2026-12-06",
    url: "https://mentorbro.example/mentor/forespoergsel/12",
  },
  copies: {
    da: {
      subject: (d) => `Vil du være mentor for ${d.menteeFirstName}?`,
      sms: (d) =>
        `Hej ${d.mentorFirstName}. Vil du være mentor for ${d.menteeFirstName} fra ${d.municipality}? Svar senest ${messageDate(d.deadline, "da")}: ${d.url} Mentorbro`,
      lines: (d) => [
        `Hej ${d.mentorFirstName}`,
        `Vi foreslår dig som mentor for ${d.menteeFirstName} fra ${d.municipality}: 6 måneder med ca. 4 timer om måneden. Sig ja eller nej senest ${messageDate(d.deadline, "da")}.`,
        `${sentence(`Sprog: ${list(d.languages.map((l) => lookup(daEnum.messageLanguage, l)))}`)} ${sentence(`Dansk: ${lookup(daEnum.danishLevel, d.danishLevel)}`)}`,
        sentence(`Ønskede brancher: ${list(d.wishedIndustryCodes.map((c) => industryLabel(c, "da")))}`),
        sentence(`Mål med forløbet: ${list(d.goals.map((g) => lookup(daEnum.goal, g)))}`),
        ...(d.noIndustry ? ["I deler ikke branche; koordinatoren har valgt dig af en anden grund."] : []),
        `Først når du har sagt ja, får ${d.menteeFirstName} dit fornavn og telefonnummer, og du får ${d.menteeFirstName}s nummer.`,
      ],
      action: { label: "Svar på forespørgslen", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Will you mentor ${d.menteeFirstName}?`,
      sms: (d) =>
        `Hello ${d.mentorFirstName}. Will you mentor ${d.menteeFirstName} from ${d.municipality}? Answer by ${messageDate(d.deadline, "en")}: ${d.url} Mentorbro`,
      lines: (d) => [
        `Hello ${d.mentorFirstName}`,
        `We propose you as mentor for ${d.menteeFirstName} from ${d.municipality}: 6 months, about 4 hours a month. Say yes or no by ${messageDate(d.deadline, "en")}.`,
        `${sentence(`Languages: ${list(d.languages.map((l) => lookup(enEnum.messageLanguage, l)))}`)} ${sentence(`Danish: ${lookup(enEnum.danishLevel, d.danishLevel)}`)}`,
        sentence(`Wished industries: ${list(d.wishedIndustryCodes.map((c) => industryLabel(c, "en")))}`),
        sentence(`Goals: ${list(d.goals.map((g) => lookup(enEnum.goal, g)))}`),
        ...(d.noIndustry ? ["You do not share an industry; the coordinator chose you for another reason."] : []),
        `Only once you have said yes does ${d.menteeFirstName} get your first name and phone number, and you get ${d.menteeFirstName}'s number.`,
      ],
      action: { label: "Answer the request", url: (d) => d.url },
    },
  },
});

export type MatchRequestClosedData = {
  coordinatorName: string;
  mentorName: string;
  menteeId: number;
  outcome: "declined" | "expired";
  reason: string | null;
  url: string;
};

export const matchRequestClosed = defineTemplate<MatchRequestClosedData>({
  audience: "staff",
  sample: {
    coordinatorName: "Sofie",
    mentorName: "Mads Jensen",
    menteeId: 12,
    outcome: "declined",
    reason: "Travlt på arbejdet",
    url: "https://mentorbro.example/koordinator/mentees/12/kandidater",
  },
  copies: {
    da: {
      subject: (d) =>
        d.outcome === "declined"
          ? `En mentor sagde nej til borger #${d.menteeId}`
          : `En forespørgsel om borger #${d.menteeId} udløb`,
      lines: (d) => [
        `Hej ${d.coordinatorName}`,
        d.outcome === "declined"
          ? `${d.mentorName} har sagt nej til at være mentor for borger #${d.menteeId}.`
          : `${d.mentorName} svarede ikke i tide på forespørgslen om borger #${d.menteeId}.`,
        ...(d.reason ? [sentence(`Begrundelse: ${d.reason}`)] : []),
        "Borgeren står igen forrest i køen, og parret foreslås ikke igen. Find en ny mentor.",
      ],
      action: { label: "Find en ny mentor", url: (d) => d.url },
    },
    en: {
      subject: (d) =>
        d.outcome === "declined"
          ? `A mentor said no to citizen #${d.menteeId}`
          : `A request about citizen #${d.menteeId} expired`,
      lines: (d) => [
        `Hello ${d.coordinatorName}`,
        d.outcome === "declined"
          ? `${d.mentorName} said no to mentoring citizen #${d.menteeId}.`
          : `${d.mentorName} did not answer the request about citizen #${d.menteeId} in time.`,
        ...(d.reason ? [sentence(`Reason: ${d.reason}`)] : []),
        "The citizen is back at the front of the queue, and the pair will not be proposed again. Find a new mentor.",
      ],
      action: { label: "Find a new mentor", url: (d) => d.url },
    },
  },
});
