/**
 * The mentor says yes (issue 19, decision 017): the request to the mentor (email, and SMS when they gave a number)
 * with the mentee's minimal profile and a link to the mentor's own logged-in page to accept or decline, and the notice
 * to the coordinator when a mentor declined or let the request expire. No sensitive details; the link carries no token.
 */
import { defineTemplate } from "../types";
import { letters } from "../letter";
import { menteeProfile, type MenteeProfile } from "./mentee-profile";
import { messageDate, sentence } from "../format";

export type MatchRequestMentorData = MenteeProfile & {
  mentorFirstName: string;
  menteeFirstName: string;
  municipality: string;
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
  copies: letters(
    {
      da: {
        subject: (d) => `Vil du være mentor for ${d.menteeFirstName}?`,
        lines: (d) => [
          `Vi foreslår dig som mentor for ${d.menteeFirstName} fra ${d.municipality}: 6 måneder med ca. 4 timer om måneden. Sig ja eller nej senest ${messageDate(d.deadline, "da")}.`,
          ...menteeProfile("da", d),
          ...(d.noIndustry ? ["I deler ikke branche; koordinatoren har valgt dig af en anden grund."] : []),
          `Først når du har sagt ja, får ${d.menteeFirstName} dit fornavn og telefonnummer, og du får ${d.menteeFirstName}s nummer.`,
        ],
        action: "Svar på forespørgslen",
        sms: (d) =>
          `Hej ${d.mentorFirstName}. Vil du være mentor for ${d.menteeFirstName} fra ${d.municipality}? Svar senest ${messageDate(d.deadline, "da")}: ${d.url} Mentorbro`,
      },
      en: {
        subject: (d) => `Will you mentor ${d.menteeFirstName}?`,
        lines: (d) => [
          `We propose you as mentor for ${d.menteeFirstName} from ${d.municipality}: 6 months, about 4 hours a month. Say yes or no by ${messageDate(d.deadline, "en")}.`,
          ...menteeProfile("en", d),
          ...(d.noIndustry ? ["You do not share an industry; the coordinator chose you for another reason."] : []),
          `Only once you have said yes does ${d.menteeFirstName} get your first name and phone number, and you get ${d.menteeFirstName}'s number.`,
        ],
        action: "Answer the request",
        sms: (d) =>
          `Hello ${d.mentorFirstName}. Will you mentor ${d.menteeFirstName} from ${d.municipality}? Answer by ${messageDate(d.deadline, "en")}: ${d.url} Mentorbro`,
      },
    },
    { hello: (d) => d.mentorFirstName },
  ),
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
  copies: letters(
    {
      da: {
        subject: (d) =>
          d.outcome === "declined"
            ? `En mentor sagde nej til borger #${d.menteeId}`
            : `En forespørgsel om borger #${d.menteeId} udløb`,
        lines: (d) => [
          d.outcome === "declined"
            ? `${d.mentorName} har sagt nej til at være mentor for borger #${d.menteeId}.`
            : `${d.mentorName} svarede ikke i tide på forespørgslen om borger #${d.menteeId}.`,
          ...(d.reason ? [sentence(`Begrundelse: ${d.reason}`)] : []),
          "Borgeren står igen forrest i køen, og parret foreslås ikke igen. Find en ny mentor.",
        ],
        action: "Find en ny mentor",
      },
      en: {
        subject: (d) =>
          d.outcome === "declined"
            ? `A mentor said no to citizen #${d.menteeId}`
            : `A request about citizen #${d.menteeId} expired`,
        lines: (d) => [
          d.outcome === "declined"
            ? `${d.mentorName} said no to mentoring citizen #${d.menteeId}.`
            : `${d.mentorName} did not answer the request about citizen #${d.menteeId} in time.`,
          ...(d.reason ? [sentence(`Reason: ${d.reason}`)] : []),
          "The citizen is back at the front of the queue, and the pair will not be proposed again. Find a new mentor.",
        ],
        action: "Find a new mentor",
      },
    },
    { hello: (d) => d.coordinatorName },
  ),
});
