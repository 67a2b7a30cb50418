/**
 * The three messages a match sends once the mentor has said yes (issues 5 and 19): to the mentor (email, da/en, the
 * mentee's minimal profile, phone and next steps), to the mentee (SMS or email in their own language: the mentor's first
 * name and phone and how to reach the coordinator) and to the referring caseworker (email, da/en). No sensitive details.
 * The request to the mentor and the coordinator's notice of a decline are in ./match-request.ts.
 */
import { defineTemplate } from "../types";
import { letters } from "../letter";
import { menteeProfile, type MenteeProfile } from "./mentee-profile";
import { messageDate, sentence } from "../format";
import { citizenPageLabel } from "./between-meetings";
import type { MessageLanguage } from "../../app/domain/enums";

export type MatchMentorData = MenteeProfile & {
  mentorFirstName: string;
  menteeFirstName: string;
  menteePhone: string | null;
  menteeEmail: string | null;
  municipality: string;
  startDate: string;
  url: string;
};

export const matchMentor = defineTemplate<MatchMentorData>({
  audience: "mentor",
  sample: {
    mentorFirstName: "Mads",
    menteeFirstName: "Amal",
    menteePhone: "+4520304050",
    menteeEmail: null,
    municipality: "Aarhus",
    languages: ["ar", "en"],
    danishLevel: "du2",
    wishedIndustryCodes: ["41"],
    goals: ["cv", "network"],
    startDate: "2026-12-01",
    url: "https://mentorbro.example/mentor",
  },
  copies: letters(
    {
      da: {
        subject: (d) => `Du er matchet med ${d.menteeFirstName}`,
        lines: (d) => [
          `Tak fordi du sagde ja til at være mentor for ${d.menteeFirstName} fra ${d.municipality}. Forløbet starter ${messageDate(d.startDate, "da")} og varer 6 måneder med ca. 4 timer om måneden.`,
          `Telefon: ${d.menteePhone ?? "–"}. ${sentence(`E-mail: ${d.menteeEmail ?? "–"}`)}`,
          ...menteeProfile("da", d),
          `Næste skridt: Ring til ${d.menteeFirstName} inden for en uge og aftal jeres første møde. Din koordinator ringer til dig efter nogle uger for at høre, hvordan det går.`,
        ],
        action: "Gå til Min side",
        sms: (d) =>
          `Hej ${d.mentorFirstName}. Du er matchet med ${d.menteeFirstName} fra ${d.municipality}. Se din e-mail for detaljer. Mentorbro`,
      },
      en: {
        subject: (d) => `You have been matched with ${d.menteeFirstName}`,
        lines: (d) => [
          `Thank you for saying yes to mentoring ${d.menteeFirstName} from ${d.municipality}. The course starts ${messageDate(d.startDate, "en")} and runs for 6 months, about 4 hours a month.`,
          `Phone: ${d.menteePhone ?? "–"}. ${sentence(`Email: ${d.menteeEmail ?? "–"}`)}`,
          ...menteeProfile("en", d),
          `Next step: call ${d.menteeFirstName} within a week and agree on your first meeting. Your coordinator will call you after a few weeks to hear how it is going.`,
        ],
        action: "Go to My page",
        sms: (d) =>
          `Hello ${d.mentorFirstName}. You have been matched with ${d.menteeFirstName} from ${d.municipality}. See your email for details. Mentorbro`,
      },
    },
    { hello: (d) => d.mentorFirstName },
  ),
});

/**
 * Sent when the mentor has said yes (issue 19): the mentor's first name and phone, and how to reach the coordinator.
 * Nothing about the citizen. `pageUrl` is the citizen's own page (issue 21), a secret link. The phone and coordinator
 * fields are missing from messages queued before issue 19; the text then leaves them out.
 */
export type MatchMenteeData = {
  mentorFirstName: string;
  mentorPhone?: string;
  coordinatorName?: string;
  coordinatorEmail?: string;
  pageUrl?: string;
};

type MenteeWords = {
  subject: string;
  text: (name: string, phone: string | null, coordinator: { name: string; email: string } | null) => string;
};

/** One sentence set per language; the SMS is the same text plus the citizen's page (no sensitive details). */
const menteeCopy = (lang: MessageLanguage, w: MenteeWords) => {
  const text = (d: MatchMenteeData) =>
    w.text(
      d.mentorFirstName,
      d.mentorPhone ?? null,
      d.coordinatorEmail ? { name: d.coordinatorName ?? "", email: d.coordinatorEmail } : null,
    );
  return {
    subject: () => w.subject,
    lines: (d: MatchMenteeData) => [text(d), ...(d.pageUrl ? [`${citizenPageLabel(lang)} ${d.pageUrl}`] : [])],
    sms: (d: MatchMenteeData) => `${text(d)}${d.pageUrl ? ` ${citizenPageLabel(lang)} ${d.pageUrl}` : ""}`,
  };
};

export const matchMentee = defineTemplate<MatchMenteeData>({
  sample: {
    mentorFirstName: "Mads",
    mentorPhone: "+4520304050",
    coordinatorName: "Sofie",
    coordinatorEmail: "sofie@mentorbro.dk",
    pageUrl: "https://mentorbro.dk/mig/Xy7Qp2LmXy7Qp2LmXy7Qp2",
  },
  audience: "mentee",
  secrets: ["pageUrl"],
  copies: {
    da: menteeCopy("da", {
      subject: "Du har fået en mentor",
      text: (n, p, c) =>
        `Hej. Du har fået en mentor: ${n}${p ? `, tlf. ${p}` : ""}. ${n} ringer til dig inden for få dage.${c ? ` Spørgsmål? Skriv til din koordinator ${c.name}: ${c.email}.` : ""} Mentorbro`,
    }),
    en: menteeCopy("en", {
      subject: "You have a mentor",
      text: (n, p, c) =>
        `Hello. You have a mentor: ${n}${p ? `, phone ${p}` : ""}. ${n} will call you in the next few days.${c ? ` Questions? Write to your coordinator ${c.name}: ${c.email}.` : ""} Mentorbro`,
    }),
    ar: menteeCopy("ar", {
      subject: "لديك مرشد الآن",
      text: (n, p, c) =>
        `مرحبًا. مرشدك: ${n}${p ? `، الهاتف ${p}` : ""}. سيتصل بك قريبًا.${c ? ` أسئلة؟ اكتب إلى منسقك ${c.name}: ${c.email}.` : ""} Mentorbro`,
    }),
    ti: menteeCopy("ti", {
      subject: "ሜንቶር ረኺብኩም ኣለኹም",
      text: (n, p, c) =>
        `ሰላም። ሜንቶርኩም፦ ${n}${p ? `፣ ቴሌፎን ${p}` : ""}። ቀልጢፉ ክድውለልኩም እዩ።${c ? ` ሕቶ? ናብ ኣወሃሃዲ ${c.name} ጽሓፉ፦ ${c.email}።` : ""} Mentorbro`,
    }),
    fa: menteeCopy("fa", {
      subject: "برای شما منتور پیدا شد",
      text: (n, p, c) =>
        `سلام. منتور شما: ${n}${p ? `، تلفن ${p}` : ""}. به زودی با شما تماس می‌گیرد.${c ? ` سؤال؟ به هماهنگ‌کننده ${c.name} بنویسید: ${c.email}.` : ""} Mentorbro`,
    }),
    prs: menteeCopy("prs", {
      subject: "برای شما منتور پیدا شد",
      text: (n, p, c) =>
        `سلام. منتور (رهنما) شما: ${n}${p ? `، تیلفون ${p}` : ""}. به زودی به شما زنگ می‌زند.${c ? ` سوال؟ به هماهنگ‌کننده ${c.name} بنویسید: ${c.email}.` : ""} Mentorbro`,
    }),
    ps: menteeCopy("ps", {
      subject: "تاسو ته منټور پیدا شو",
      text: (n, p, c) =>
        `سلام. ستاسو منټور: ${n}${p ? `، ټیلیفون ${p}` : ""}. ژر به تاسو ته زنګ ووهي.${c ? ` پوښتنه؟ همغږي کوونکي ${c.name} ته ولیکئ: ${c.email}.` : ""} Mentorbro`,
    }),
    so: menteeCopy("so", {
      subject: "Waxaad heshay lataliye",
      text: (n, p, c) =>
        `Salaan. Waxaad heshay lataliye (mentor): ${n}${p ? `, telefoon ${p}` : ""}. ${n} wuxuu ku soo wici doonaa maalmaha soo socda.${c ? ` Su'aal ma qabtaa? U qor isku-duwahaaga ${c.name}: ${c.email}.` : ""} Mentorbro`,
    }),
    uk: menteeCopy("uk", {
      subject: "У вас є ментор",
      text: (n, p, c) =>
        `Вітаємо! Ваш ментор: ${n}${p ? `, тел. ${p}` : ""}. Ментор скоро зателефонує.${c ? ` Питання? Напишіть координатору ${c.name}: ${c.email}.` : ""} Mentorbro`,
    }),
    kmr: menteeCopy("kmr", {
      subject: "Te mentorek heye",
      text: (n, p, c) =>
        `Silav. Mentorê te: ${n}${p ? `, telefon ${p}` : ""}. Ew ê zû telefonî te bike.${c ? ` Pirs? Ji koordînator ${c.name} re binivîse: ${c.email}.` : ""} Mentorbro`,
    }),
  },
});

export type MatchCaseworkerData = {
  caseworkerName: string;
  menteeFirstName: string;
  menteeId: number;
  mentorFirstName: string;
  startDate: string;
  url: string;
};

export const matchCaseworker = defineTemplate<MatchCaseworkerData>({
  audience: "caseworker",
  sample: {
    caseworkerName: "Lene",
    menteeFirstName: "Amal",
    menteeId: 12,
    mentorFirstName: "Mads",
    startDate: "2026-12-01",
    url: "https://mentorbro.example/kommune/borgere/12",
  },
  copies: letters(
    {
      da: {
        subject: (d) => `Borger #${d.menteeId} er matchet med en mentor`,
        lines: (d) => [
          `${d.menteeFirstName} (borger #${d.menteeId}), som du har henvist, er matchet med mentoren ${d.mentorFirstName}. Forløbet starter ${messageDate(d.startDate, "da")} og varer 6 måneder.`,
          "Mentoren ringer til borgeren og aftaler det første møde. Du kan følge status i Mentorbro.",
        ],
        action: "Se borgeren",
      },
      en: {
        subject: (d) => `Citizen #${d.menteeId} has been matched with a mentor`,
        lines: (d) => [
          `${d.menteeFirstName} (citizen #${d.menteeId}), whom you referred, has been matched with the mentor ${d.mentorFirstName}. The course starts ${messageDate(d.startDate, "en")} and runs for 6 months.`,
          "The mentor will call the citizen to arrange the first meeting. You can follow the status in Mentorbro.",
        ],
        action: "See the citizen",
      },
    },
    { hello: (d) => d.caseworkerName },
  ),
});
