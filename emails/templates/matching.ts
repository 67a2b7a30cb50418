/**
 * The three messages a coordinator's approval of a match sends (issue 5): to the mentor (email, da/en, the mentee's
 * minimal profile and next steps), to the mentee (SMS or email in their own language: only the mentor's first name and
 * that the mentor will call) and to the referring caseworker (email, da/en). No sensitive details in any of them.
 */
import { defineTemplate } from "../types";
import daEnum from "../../app/i18n/locales/da/enum";
import enEnum from "../../app/i18n/locales/en/enum";
import { DB07 } from "../../db/reference/db07";
import { messageDate, sentence } from "../format";
import { citizenPageLabel } from "./between-meetings";
import type { MessageLanguage } from "../../app/domain/enums";

const industryLabel = (code: string, lang: "da" | "en") => {
  const i = DB07.find((x) => x.code === code);
  return i ? `${code} ${lang === "da" ? i.labelDa : i.labelEn}` : code;
};
const list = (xs: string[]) => (xs.length ? xs.join(", ") : "–");
const lookup = (table: Record<string, string>, key: string) => table[key] ?? key;

export type MatchMentorData = {
  mentorFirstName: string;
  menteeFirstName: string;
  menteePhone: string | null;
  menteeEmail: string | null;
  municipality: string;
  languages: string[];
  danishLevel: string;
  wishedIndustryCodes: string[];
  goals: string[];
  startDate: string;
  url: string;
};

export const matchMentor = defineTemplate<MatchMentorData>({
  key: "match_mentor",
  audience: "mentor",
  sample: {
    mentorFirstName: "Mads", menteeFirstName: "Amal", menteePhone: "+4520304050", menteeEmail: null, municipality: "Aarhus",
    languages: ["ar", "en"], danishLevel: "du2", wishedIndustryCodes: ["41"], goals: ["cv", "network"], startDate: "2026-12-01",
    url: "https://mentorbro.example/mentor",
  },
  copies: {
    da: {
      subject: (d) => `Du er matchet med ${d.menteeFirstName}`,
      sms: (d) => `Hej ${d.mentorFirstName}. Du er matchet med ${d.menteeFirstName} fra ${d.municipality}. Se din e-mail for detaljer. Mentorbro`,
      lines: (d) => [
        `Hej ${d.mentorFirstName}`,
        `Tak fordi du vil være mentor. Vi har matchet dig med ${d.menteeFirstName} fra ${d.municipality}. Forløbet starter ${messageDate(d.startDate, "da")} og varer 6 måneder med ca. 4 timer om måneden.`,
        `Telefon: ${d.menteePhone ?? "–"}. ${sentence(`E-mail: ${d.menteeEmail ?? "–"}`)}`,
        `${sentence(`Sprog: ${list(d.languages.map((l) => lookup(daEnum.messageLanguage, l)))}`)} ${sentence(`Dansk: ${lookup(daEnum.danishLevel, d.danishLevel)}`)}`,
        sentence(`Ønskede brancher: ${list(d.wishedIndustryCodes.map((c) => industryLabel(c, "da")))}`),
        sentence(`Mål med forløbet: ${list(d.goals.map((g) => lookup(daEnum.goal, g)))}`),
        `Næste skridt: Ring til ${d.menteeFirstName} inden for en uge og aftal jeres første møde. Din koordinator ringer til dig efter nogle uger for at høre, hvordan det går.`,
      ],
      action: { label: "Gå til Min side", url: (d) => d.url },
    },
    en: {
      subject: (d) => `You have been matched with ${d.menteeFirstName}`,
      sms: (d) => `Hello ${d.mentorFirstName}. You have been matched with ${d.menteeFirstName} from ${d.municipality}. See your email for details. Mentorbro`,
      lines: (d) => [
        `Hello ${d.mentorFirstName}`,
        `Thank you for being a mentor. We have matched you with ${d.menteeFirstName} from ${d.municipality}. The course starts ${messageDate(d.startDate, "en")} and runs for 6 months, about 4 hours a month.`,
        `Phone: ${d.menteePhone ?? "–"}. ${sentence(`Email: ${d.menteeEmail ?? "–"}`)}`,
        `${sentence(`Languages: ${list(d.languages.map((l) => lookup(enEnum.messageLanguage, l)))}`)} ${sentence(`Danish: ${lookup(enEnum.danishLevel, d.danishLevel)}`)}`,
        sentence(`Wished industries: ${list(d.wishedIndustryCodes.map((c) => industryLabel(c, "en")))}`),
        sentence(`Goals: ${list(d.goals.map((g) => lookup(enEnum.goal, g)))}`),
        `Next step: call ${d.menteeFirstName} within a week and agree on your first meeting. Your coordinator will call you after a few weeks to hear how it is going.`,
      ],
      action: { label: "Go to My page", url: (d) => d.url },
    },
  },
});

/**
 * Deliberately only the mentor's first name: an SMS carries no personal data about the mentee. `pageUrl` is the
 * citizen's own page (issue 21), a secret link (messages queued before it existed have none).
 */
export type MatchMenteeData = { mentorFirstName: string; pageUrl?: string };

/** One sentence set per language; the SMS is the same text plus the citizen's page (no sensitive details). */
const menteeCopy = (lang: MessageLanguage, subject: string, text: (d: MatchMenteeData) => string) => ({
  subject: () => subject,
  lines: (d: MatchMenteeData) => [text(d), ...(d.pageUrl ? [`${citizenPageLabel(lang)} ${d.pageUrl}`] : [])],
  sms: (d: MatchMenteeData) => `${text(d)}${d.pageUrl ? ` ${citizenPageLabel(lang)} ${d.pageUrl}` : ""}`,
});

export const matchMentee = defineTemplate<MatchMenteeData>({
  key: "match_mentee",
  sample: { mentorFirstName: "Mads", pageUrl: "https://mentorbro.dk/mig/Xy7Qp2LmXy7Qp2LmXy7Qp2" },
  audience: "mentee",
  secrets: ["pageUrl"],
  copies: {
    da: menteeCopy("da", "Du har fået en mentor", (d) => `Hej. Godt nyt: Du har fået en mentor. Din mentor hedder ${d.mentorFirstName} og ringer til dig inden for de næste dage. Venlig hilsen Mentorbro`),
    en: menteeCopy("en", "You have a mentor", (d) => `Hello. Good news: you have a mentor. Your mentor is called ${d.mentorFirstName} and will call you in the next few days. Kind regards, Mentorbro`),
    ar: menteeCopy("ar", "لديك مرشد الآن", (d) => `مرحبًا. أخبار سارة: لقد حصلت على مرشد. اسم مرشدك ${d.mentorFirstName} وسيتصل بك خلال الأيام القادمة. مع أطيب التحيات، Mentorbro`),
    ti: menteeCopy("ti", "ሜንቶር ረኺብኩም ኣለኹም", (d) => `ሰላም። ጽቡቕ ዜና፦ ሜንቶር ረኺብኩም ኣለኹም። ሜንቶርኩም ${d.mentorFirstName} ይበሃል፣ ኣብ ዝመጽእ ቅሩብ መዓልታት ክድውለልኩም እዩ። ምስ ሰላምታ፣ Mentorbro`),
    fa: menteeCopy("fa", "برای شما منتور پیدا شد", (d) => `سلام. خبر خوب: برای شما یک منتور پیدا شد. نام منتور شما ${d.mentorFirstName} است و در چند روز آینده با شما تماس می‌گیرد. با احترام، Mentorbro`),
    prs: menteeCopy("prs", "برای شما منتور پیدا شد", (d) => `سلام. خبر خوش: برای شما یک منتور (رهنما) پیدا شد. نام منتور شما ${d.mentorFirstName} است و در چند روز آینده به شما زنگ می‌زند. با احترام، Mentorbro`),
    ps: menteeCopy("ps", "تاسو ته منټور پیدا شو", (d) => `سلام. ښه خبر: تاسو ته یو منټور پیدا شو. ستاسو د منټور نوم ${d.mentorFirstName} دی او په راتلونکو څو ورځو کې به تاسو ته زنګ ووهي. په درنښت، Mentorbro`),
    so: menteeCopy("so", "Waxaad heshay lataliye", (d) => `Salaan. War wanaagsan: Waxaad heshay lataliye (mentor). Lataliyahaagu waa ${d.mentorFirstName}, wuxuuna ku soo wici doonaa maalmaha soo socda. Mahadsanid, Mentorbro`),
    uk: menteeCopy("uk", "У вас є ментор", (d) => `Вітаємо! Гарна новина: у вас є ментор. Вашого ментора звати ${d.mentorFirstName}, і найближчими днями ментор вам зателефонує. З повагою, Mentorbro`),
    kmr: menteeCopy("kmr", "Te mentorek heye", (d) => `Silav. Nûçeyeke baş: Te mentorek heye. Navê mentorê te ${d.mentorFirstName} e û ew ê di çend rojên bê de telefonî te bike. Bi rêz, Mentorbro`),
  },
});

export type MatchCaseworkerData = { caseworkerName: string; menteeFirstName: string; menteeId: number; mentorFirstName: string; startDate: string; url: string };

export const matchCaseworker = defineTemplate<MatchCaseworkerData>({
  key: "match_caseworker",
  audience: "caseworker",
  sample: { caseworkerName: "Lene", menteeFirstName: "Amal", menteeId: 12, mentorFirstName: "Mads", startDate: "2026-12-01", url: "https://mentorbro.example/kommune/borgere/12" },
  copies: {
    da: {
      subject: (d) => `Borger #${d.menteeId} er matchet med en mentor`,
      lines: (d) => [
        `Hej ${d.caseworkerName}`,
        `${d.menteeFirstName} (borger #${d.menteeId}), som du har henvist, er matchet med mentoren ${d.mentorFirstName}. Forløbet starter ${messageDate(d.startDate, "da")} og varer 6 måneder.`,
        "Mentoren ringer til borgeren og aftaler det første møde. Du kan følge status i Mentorbro.",
      ],
      action: { label: "Se borgeren", url: (d) => d.url },
    },
    en: {
      subject: (d) => `Citizen #${d.menteeId} has been matched with a mentor`,
      lines: (d) => [
        `Hello ${d.caseworkerName}`,
        `${d.menteeFirstName} (citizen #${d.menteeId}), whom you referred, has been matched with the mentor ${d.mentorFirstName}. The course starts ${messageDate(d.startDate, "en")} and runs for 6 months.`,
        "The mentor will call the citizen to arrange the first meeting. You can follow the status in Mentorbro.",
      ],
      action: { label: "See the citizen", url: (d) => d.url },
    },
  },
});

export default [matchMentor, matchMentee, matchCaseworker];
