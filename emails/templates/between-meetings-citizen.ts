/**
 * The citizens' messages between meetings (emails/templates/between-meetings.ts): the invite, its change and
 * cancellation, the reminder, the link to their own page and the code that confirms a change, in ten languages.
 */
import type { MeetingForm, MessageLanguage } from "../../app/domain/enums";
import { defineTemplate, type Copy } from "../types";
import { messageDate, sentence } from "../format";
import { meetingIcsAttachment, type MeetingInvite } from "../calendar";
import { citizenPageCopy } from "../../app/i18n/citizen-page-copy";

/** The calendar fields of a meeting message (the summary is written in the recipient's language). */
export type IcsData = Omit<MeetingInvite, "summary">;
export type Meeting = { date: string; time: string; form: MeetingForm; place: string | null };
export type MenteeMeetingData = Meeting & { mentorFirstName: string; ics?: IcsData };
export type MentorMeetingData = Meeting & {
  menteeFirstName: string;
  agenda: string | null;
  url: string;
  ics?: IcsData;
};

type Words = {
  when: (date: string, time: string) => string;
  planned: { subject: string; text: (m: string, when: string, where: string) => string };
  changed: { subject: string; text: (m: string, when: string, where: string) => string };
  cancelled: { subject: string; text: (m: string, when: string) => string };
  reminder: { subject: string; text: (m: string, when: string, where: string) => string };
  summary: (m: string) => string;
  pageLabel: string;
  link: { subject: string; text: string; action: string };
  code: { subject: string; text: (code: string) => string };
};

export const W: Record<MessageLanguage, Words> = {
  da: {
    when: (d, t) => `${d} kl. ${t}`,
    planned: { subject: "Nyt møde med din mentor", text: (m, w, p) => `Du har et møde med ${m} ${w}. ${p}` },
    changed: { subject: "Dit møde er flyttet", text: (m, w, p) => `Dit møde med ${m} er flyttet til ${w}. ${p}` },
    cancelled: { subject: "Dit møde er aflyst", text: (m, w) => `Dit møde med ${m} ${w} er aflyst.` },
    reminder: {
      subject: "Påmindelse: møde i morgen",
      text: (m, w, p) => `Husk dit møde med ${m} i morgen, ${w}. ${p}`,
    },
    summary: (m) => `Møde med ${m} (Mentorbro)`,
    pageLabel: "Din side:",
    link: {
      subject: "Din side i Mentorbro",
      text: "Her kan du se din mentor, jeres næste møde og dine mål. Linket er personligt: del det ikke.",
      action: "Åbn din side",
    },
    code: { subject: "Din kode", text: (c) => `Din kode er ${c}. Den gælder i 15 minutter.` },
  },
  en: {
    when: (d, t) => `${d} at ${t}`,
    planned: {
      subject: "New meeting with your mentor",
      text: (m, w, p) => `You have a meeting with ${m} on ${w}. ${p}`,
    },
    changed: { subject: "Your meeting has moved", text: (m, w, p) => `Your meeting with ${m} has moved to ${w}. ${p}` },
    cancelled: { subject: "Your meeting is cancelled", text: (m, w) => `Your meeting with ${m} on ${w} is cancelled.` },
    reminder: {
      subject: "Reminder: meeting tomorrow",
      text: (m, w, p) => `Remember your meeting with ${m} tomorrow, ${w}. ${p}`,
    },
    summary: (m) => `Meeting with ${m} (Mentorbro)`,
    pageLabel: "Your page:",
    link: {
      subject: "Your page in Mentorbro",
      text: "Here you can see your mentor, your next meeting and your goals. The link is personal: do not share it.",
      action: "Open your page",
    },
    code: { subject: "Your code", text: (c) => `Your code is ${c}. It is valid for 15 minutes.` },
  },
  ar: {
    when: (d, t) => `${d} الساعة ${t}`,
    planned: { subject: "لقاء جديد مع مرشدك", text: (m, w, p) => `لديك لقاء مع ${m} يوم ${w}. ${p}` },
    changed: { subject: "تم تغيير موعد لقائك", text: (m, w, p) => `تم نقل لقائك مع ${m} إلى ${w}. ${p}` },
    cancelled: { subject: "تم إلغاء لقائك", text: (m, w) => `تم إلغاء لقائك مع ${m} يوم ${w}.` },
    reminder: { subject: "تذكير: لقاء غداً", text: (m, w, p) => `تذكّر لقاءك مع ${m} غداً، ${w}. ${p}` },
    summary: (m) => `لقاء مع ${m} (Mentorbro)`,
    pageLabel: "صفحتك:",
    link: {
      subject: "صفحتك في Mentorbro",
      text: "هنا يمكنك رؤية مرشدك ولقائكما القادم وأهدافك. الرابط شخصي: لا تشاركه.",
      action: "افتح صفحتك",
    },
    code: { subject: "رمزك", text: (c) => `رمزك هو ${c}. صالح لمدة 15 دقيقة.` },
  },
  ti: {
    when: (d, t) => `${d} ሰዓት ${t}`,
    planned: { subject: "ሓድሽ ርክብ ምስ መማኽርኹም", text: (m, w, p) => `ምስ ${m} ${w} ርክብ ኣለኩም። ${p}` },
    changed: { subject: "ርክብኩም ተቐይሩ", text: (m, w, p) => `ምስ ${m} ዘለኩም ርክብ ናብ ${w} ተቐይሩ። ${p}` },
    cancelled: { subject: "ርክብኩም ተሰሪዙ", text: (m, w) => `ምስ ${m} ${w} ዝነበረ ርክብ ተሰሪዙ።` },
    reminder: { subject: "መዘኻኸሪ፡ ጽባሕ ርክብ", text: (m, w, p) => `ጽባሕ ${w} ምስ ${m} ዘለኩም ርክብ ኣይትረስዑ። ${p}` },
    summary: (m) => `ርክብ ምስ ${m} (Mentorbro)`,
    pageLabel: "ገጽኩም:",
    link: {
      subject: "ገጽኩም ኣብ Mentorbro",
      text: "ኣብዚ መማኽርኹም፡ ዝቕጽል ርክብኩምን ዕላማታትኩምን ክትርእዩ ትኽእሉ። እቲ ሊንክ ውልቃዊ እዩ፡ ኣይተካፍልዎ።",
      action: "ገጽኩም ክፈቱ",
    },
    code: { subject: "ኮድኩም", text: (c) => `ኮድኩም ${c} እዩ። ን15 ደቒቕ ይሰርሕ።` },
  },
  fa: {
    when: (d, t) => `${d} ساعت ${t}`,
    planned: { subject: "جلسه جدید با منتور شما", text: (m, w, p) => `شما در ${w} با ${m} جلسه دارید. ${p}` },
    changed: { subject: "زمان جلسه شما تغییر کرد", text: (m, w, p) => `جلسه شما با ${m} به ${w} منتقل شد. ${p}` },
    cancelled: { subject: "جلسه شما لغو شد", text: (m, w) => `جلسه شما با ${m} در ${w} لغو شد.` },
    reminder: {
      subject: "یادآوری: جلسه فردا",
      text: (m, w, p) => `جلسه فردای خود با ${m} را فراموش نکنید، ${w}. ${p}`,
    },
    summary: (m) => `جلسه با ${m} (Mentorbro)`,
    pageLabel: "صفحه شما:",
    link: {
      subject: "صفحه شما در Mentorbro",
      text: "اینجا می‌توانید منتور، جلسه بعدی و اهداف خود را ببینید. این لینک شخصی است: آن را با کسی به اشتراک نگذارید.",
      action: "باز کردن صفحه",
    },
    code: { subject: "کد شما", text: (c) => `کد شما ${c} است. ۱۵ دقیقه معتبر است.` },
  },
  prs: {
    when: (d, t) => `${d} ساعت ${t}`,
    planned: { subject: "ملاقات جدید با منتور شما", text: (m, w, p) => `شما در ${w} با ${m} ملاقات دارید. ${p}` },
    changed: { subject: "وقت ملاقات شما تغییر کرد", text: (m, w, p) => `ملاقات شما با ${m} به ${w} تغییر کرد. ${p}` },
    cancelled: { subject: "ملاقات شما لغو شد", text: (m, w) => `ملاقات شما با ${m} در ${w} لغو شد.` },
    reminder: {
      subject: "یادآوری: ملاقات فردا",
      text: (m, w, p) => `ملاقات فردای خود با ${m} را فراموش نکنید، ${w}. ${p}`,
    },
    summary: (m) => `ملاقات با ${m} (Mentorbro)`,
    pageLabel: "صفحه شما:",
    link: {
      subject: "صفحه شما در Mentorbro",
      text: "در اینجا می‌توانید منتور، ملاقات بعدی و اهداف تان را ببینید. این لینک شخصی است: آن را با دیگران شریک نسازید.",
      action: "باز کردن صفحه",
    },
    code: { subject: "کود شما", text: (c) => `کود شما ${c} است. برای ۱۵ دقیقه اعتبار دارد.` },
  },
  ps: {
    when: (d, t) => `${d} ساعت ${t}`,
    planned: { subject: "له خپل منټور سره نوې ناسته", text: (m, w, p) => `تاسو په ${w} له ${m} سره ناسته لرئ. ${p}` },
    changed: {
      subject: "ستاسو د ناستې وخت بدل شو",
      text: (m, w, p) => `له ${m} سره ستاسو ناسته ${w} ته بدله شوه. ${p}`,
    },
    cancelled: { subject: "ستاسو ناسته لغوه شوه", text: (m, w) => `له ${m} سره ستاسو ناسته په ${w} لغوه شوه.` },
    reminder: { subject: "یادونه: سبا ناسته", text: (m, w, p) => `له ${m} سره د سبا ناسته مه هېروئ، ${w}. ${p}` },
    summary: (m) => `له ${m} سره ناسته (Mentorbro)`,
    pageLabel: "ستاسو پاڼه:",
    link: {
      subject: "په Mentorbro کې ستاسو پاڼه",
      text: "دلته تاسو خپل منټور، راتلونکې ناسته او موخې لیدلی شئ. دا لینک شخصي دی: له بل چا سره یې مه شریکوئ.",
      action: "خپله پاڼه پرانیزئ",
    },
    code: { subject: "ستاسو کوډ", text: (c) => `ستاسو کوډ ${c} دی. د ۱۵ دقیقو لپاره اعتبار لري.` },
  },
  so: {
    when: (d, t) => `${d} saacadda ${t}`,
    planned: {
      subject: "Kulan cusub oo aad la leedahay lataliyahaaga",
      text: (m, w, p) => `Waxaad kulan la leedahay ${m} ${w}. ${p}`,
    },
    changed: {
      subject: "Kulankaaga waa la beddelay",
      text: (m, w, p) => `Kulankaaga ${m} waxaa loo wareejiyay ${w}. ${p}`,
    },
    cancelled: { subject: "Kulankaaga waa la joojiyay", text: (m, w) => `Kulankaaga ${m} ee ${w} waa la joojiyay.` },
    reminder: { subject: "Xusuusin: kulan berri", text: (m, w, p) => `Xusuuso kulankaaga ${m} berri, ${w}. ${p}` },
    summary: (m) => `Kulan ${m} (Mentorbro)`,
    pageLabel: "Boggaaga:",
    link: {
      subject: "Boggaaga Mentorbro",
      text: "Halkan waxaad ku arki kartaa lataliyahaaga, kulankiinna xiga iyo yoolalkaaga. Linkigu waa mid gaar ah: ha la wadaagin.",
      action: "Fur boggaaga",
    },
    code: { subject: "Koodhkaaga", text: (c) => `Koodhkaagu waa ${c}. Wuxuu shaqeeyaa 15 daqiiqo.` },
  },
  uk: {
    when: (d, t) => `${d} о ${t}`,
    planned: { subject: "Нова зустріч із вашим ментором", text: (m, w, p) => `У вас зустріч із ${m} ${w}. ${p}` },
    changed: { subject: "Вашу зустріч перенесено", text: (m, w, p) => `Вашу зустріч із ${m} перенесено на ${w}. ${p}` },
    cancelled: { subject: "Вашу зустріч скасовано", text: (m, w) => `Вашу зустріч із ${m} ${w} скасовано.` },
    reminder: {
      subject: "Нагадування: зустріч завтра",
      text: (m, w, p) => `Нагадуємо про зустріч із ${m} завтра, ${w}. ${p}`,
    },
    summary: (m) => `Зустріч із ${m} (Mentorbro)`,
    pageLabel: "Ваша сторінка:",
    link: {
      subject: "Ваша сторінка в Mentorbro",
      text: "Тут ви бачите свого ментора, наступну зустріч і свої цілі. Посилання особисте: не передавайте його іншим.",
      action: "Відкрити сторінку",
    },
    code: { subject: "Ваш код", text: (c) => `Ваш код ${c}. Він дійсний 15 хвилин.` },
  },
  kmr: {
    when: (d, t) => `${d} saet ${t}`,
    planned: { subject: "Civîneke nû bi mentorê te re", text: (m, w, p) => `Civîna te bi ${m} re heye, ${w}. ${p}` },
    changed: {
      subject: "Civîna te hat guhertin",
      text: (m, w, p) => `Civîna te bi ${m} re hat guhertin bo ${w}. ${p}`,
    },
    cancelled: { subject: "Civîna te hat betalkirin", text: (m, w) => `Civîna te bi ${m} re ya ${w} hat betalkirin.` },
    reminder: {
      subject: "Bîranîn: civîn sibê",
      text: (m, w, p) => `Civîna xwe ya sibê bi ${m} re ji bîr neke, ${w}. ${p}`,
    },
    summary: (m) => `Civîn bi ${m} re (Mentorbro)`,
    pageLabel: "Rûpela te:",
    link: {
      subject: "Rûpela te li Mentorbro",
      text: "Li vir tu dikarî mentorê xwe, civîna xwe ya bê û armancên xwe bibînî. Girêdan kesane ye: bi kesî re parve neke.",
      action: "Rûpela xwe veke",
    },
    code: { subject: "Koda te", text: (c) => `Koda te ${c} e. Ew 15 deqeyan derbasdar e.` },
  },
};

/** Words other modules need: the page-link label in the welcome and match messages, the meeting forms. */
export const citizenPageLabel = (lang: MessageLanguage): string => W[lang].pageLabel;

const langs = Object.keys(W) as MessageLanguage[];
const each = <C>(f: (w: Words, lang: MessageLanguage) => C) =>
  Object.fromEntries(langs.map((l) => [l, f(W[l], l)])) as Record<MessageLanguage, C>;

const when = (w: Words, lang: MessageLanguage, d: Meeting) => w.when(messageDate(d.date, lang), d.time);
const formName = (lang: MessageLanguage, form: MeetingForm) => citizenPageCopy[lang].forms[form] ?? String(form);
export const where = (lang: MessageLanguage, d: Meeting) =>
  sentence(d.place ? `${formName(lang, d.form)}: ${d.place}` : formName(lang, d.form));

export const invite =
  (cancelled: boolean) => (name: (d: never) => string) => (d: { ics?: IcsData }, lang: MessageLanguage) =>
    d.ics?.attendeeEmail
      ? [meetingIcsAttachment({ ...d.ics, cancelled, summary: W[lang].summary(name(d as never)) })]
      : [];

export const sampleIcs: IcsData = {
  uid: "planned-7@mentorbro",
  sequence: 0,
  cancelled: false,
  startsAt: "2026-03-30T08:00:00.000Z",
  minutes: 60,
  location: "Café Havnen, Aarhus",
  description: null,
  organizerEmail: "noreply@mentorbro.local",
  attendeeEmail: "amal@eksempel.dk",
  stamp: "2026-03-20T09:00:00.000Z",
};
const menteeSample: MenteeMeetingData = {
  mentorFirstName: "Mads",
  date: "2026-03-30",
  time: "10:00",
  form: "in_person",
  place: "Café Havnen, Aarhus",
  ics: sampleIcs,
};

type MeetingText = (w: Words) => (m: string, when: string, where: string) => string;
const menteeMeeting = (pick: (w: Words) => { subject: string }, text: MeetingText, cancelled: boolean) =>
  defineTemplate<MenteeMeetingData>({
    audience: "mentee",
    sample: menteeSample,
    attachments: invite(cancelled)((d: MenteeMeetingData) => d.mentorFirstName),
    copies: each((w, lang): Copy<MenteeMeetingData> => ({
      subject: () => pick(w).subject,
      lines: (d) => [text(w)(d.mentorFirstName, when(w, lang, d), where(lang, d))],
      sms: (d) => `Mentorbro: ${text(w)(d.mentorFirstName, when(w, lang, d), where(lang, d))}`,
    })),
  });

export const meetingPlannedMentee = menteeMeeting(
  (w) => w.planned,
  (w) => w.planned.text,
  false,
);
export const meetingChangedMentee = menteeMeeting(
  (w) => w.changed,
  (w) => w.changed.text,
  false,
);
export const meetingCancelledMentee = menteeMeeting(
  (w) => w.cancelled,
  (w) => (m, wh) => w.cancelled.text(m, wh),
  true,
);
export const meetingReminderMentee = defineTemplate<MenteeMeetingData>({
  audience: "mentee",
  sample: { ...menteeSample, ics: undefined },
  copies: each((w, lang): Copy<MenteeMeetingData> => ({
    subject: () => w.reminder.subject,
    lines: (d) => [w.reminder.text(d.mentorFirstName, when(w, lang, d), where(lang, d))],
    sms: (d) => `Mentorbro: ${w.reminder.text(d.mentorFirstName, when(w, lang, d), where(lang, d))}`,
  })),
});

/** A citizen's message that carries one secret (declared, so staff never see it) and is written alike in every language. */
const withSecret = <F extends string>(field: F, sample: string, copy: (w: Words) => Copy<Record<F, string>>) =>
  defineTemplate<Record<F, string>>({
    audience: "mentee",
    secrets: [field],
    sample: { [field]: sample } as Record<F, string>,
    copies: each(copy),
  });

/** The citizen's own page, on request (SMS keyword, coordinator). The link is the secret. */
export const citizenPageLink = withSecret("pageUrl", "https://mentorbro.dk/mig/Xy7Qp2LmXy7Qp2LmXy7Qp2", (w) => ({
  subject: () => w.link.subject,
  lines: () => [w.link.text],
  action: { label: w.link.action, url: (d) => d.pageUrl },
  sms: (d) => `Mentorbro: ${w.pageLabel} ${d.pageUrl}`,
}));

/** The code that confirms a new phone number or language (to the new number). The code is the secret. */
export const citizenContactCode = withSecret("code", "482913", (w) => ({
  subject: () => w.code.subject,
  lines: (d) => [w.code.text(d.code)],
  sms: (d) => `Mentorbro: ${w.code.text(d.code)}`,
}));
