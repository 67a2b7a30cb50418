/**
 * The welcome message a citizen gets when a jobcentre refers them: they are referred to the mentor programme and a
 * coordinator will be in touch. In all ten languages. Nothing sensitive (no municipality, group, Danish level, health
 * flag), only the first name; the SMS form carries no link (Danish operators filter SMS with unregistered links).
 */
import type { MessageLanguage } from "../../app/domain/enums";
import { defineTemplate, type Copy } from "../types";
import { citizenPageLabel } from "./between-meetings";

/** `pageUrl`: the citizen's own page (issue 21), a secret link; messages queued before it existed have none. */
type Data = { firstName: string; pageUrl?: string };

const copy = (
  lang: MessageLanguage,
  c: { subject: string; heading: string; hello: (n: string) => string; body: string[]; sms: (n: string) => string },
): Copy<Data> => ({
  subject: () => c.subject,
  heading: () => c.heading,
  lines: (d) => [c.hello(d.firstName), ...c.body, ...(d.pageUrl ? [`${citizenPageLabel(lang)} ${d.pageUrl}`] : [])],
  sms: (d) => `${c.sms(d.firstName)}${d.pageUrl ? ` ${citizenPageLabel(lang)} ${d.pageUrl}` : ""}`,
});

export const welcomeCopies: Record<MessageLanguage, Copy<Data>> = {
  da: copy("da", {
    subject: "Velkommen til Mentorbro",
    heading: "Velkommen til mentorprogrammet",
    hello: (n) => `Hej ${n}`,
    body: [
      "Jobcentret har henvist dig til Mentorbro. Her hjælper en frivillig erhvervsmentor dig et skridt tættere på et job.",
      "En koordinator fra foreningen kontakter dig snart for at tale om dine ønsker.",
      "Du behøver ikke gøre noget nu.",
    ],
    sms: (n) =>
      `Hej ${n}. Du er henvist til Mentorbros mentorprogram. En koordinator kontakter dig snart. Hilsen Mentorbro`,
  }),
  en: copy("en", {
    subject: "Welcome to Mentorbro",
    heading: "Welcome to the mentor programme",
    hello: (n) => `Hello ${n}`,
    body: [
      "Your jobcentre has referred you to Mentorbro. Here a volunteer business mentor helps you take a step closer to a job.",
      "A coordinator from the association will contact you soon to talk about your wishes.",
      "You do not need to do anything now.",
    ],
    sms: (n) =>
      `Hello ${n}. You have been referred to the Mentorbro mentor programme. A coordinator will contact you soon. Mentorbro`,
  }),
  ar: copy("ar", {
    subject: "مرحبًا بك في Mentorbro",
    heading: "مرحبًا بك في برنامج الإرشاد",
    hello: (n) => `مرحبًا ${n}`,
    body: [
      "أحالك مركز العمل (جوب سنتر) إلى Mentorbro. هنا يساعدك مرشد متطوع من عالم الأعمال على الاقتراب خطوة من الحصول على عمل.",
      "سيتواصل معك منسق من الجمعية قريبًا للحديث عن رغباتك.",
      "لا تحتاج إلى فعل أي شيء الآن.",
    ],
    sms: (n) => `مرحبًا ${n}. تمت إحالتك إلى برنامج الإرشاد Mentorbro. سيتواصل معك منسق قريبًا. Mentorbro`,
  }),
  ti: copy("ti", {
    subject: "ናብ Mentorbro እንቋዕ ብደሓን መጻእኩም",
    heading: "ናብ መደብ መማኸርቲ እንቋዕ ብደሓን መጻእኩም",
    hello: (n) => `ሰላም ${n}`,
    body: [
      "ጆብሰንተር (ማእከል ስራሕ) ናብ Mentorbro ኣመሓላሊፉኩም ኣሎ። ኣብዚ ሓደ ወለንታዊ ናይ ንግዲ መማኸሪ ናብ ስራሕ ንክትቀርቡ ይሕግዘኩም።",
      "ሓደ ኣወሃሃዲ ካብቲ ማሕበር ብዛዕባ ድሌታትኩም ንምዝራብ ኣብ ቀረባ እዋን ክረኽበኩም እዩ።",
      "ሕጂ ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን።",
    ],
    sms: (n) => `ሰላም ${n}። ናብ መደብ መማኸርቲ Mentorbro ተመሓላሊፍኩም ኣለኹም። ሓደ ኣወሃሃዲ ኣብ ቀረባ እዋን ክረኽበኩም እዩ። Mentorbro`,
  }),
  fa: copy("fa", {
    subject: "به Mentorbro خوش آمدید",
    heading: "به برنامه منتورینگ خوش آمدید",
    hello: (n) => `سلام ${n}`,
    body: [
      "مرکز کاریابی (یوب‌سنتر) شما را به Mentorbro معرفی کرده است. در این برنامه یک منتور داوطلب از دنیای کسب‌وکار به شما کمک می‌کند یک قدم به یافتن شغل نزدیک‌تر شوید.",
      "یک هماهنگ‌کننده از انجمن به‌زودی با شما تماس می‌گیرد تا درباره خواسته‌هایتان صحبت کند.",
      "فعلاً لازم نیست کاری انجام دهید.",
    ],
    sms: (n) =>
      `سلام ${n}. شما به برنامه منتورینگ Mentorbro معرفی شده‌اید. یک هماهنگ‌کننده به‌زودی با شما تماس می‌گیرد. Mentorbro`,
  }),
  prs: copy("prs", {
    subject: "به Mentorbro خوش آمدید",
    heading: "به برنامه رهنمایی خوش آمدید",
    hello: (n) => `سلام ${n}`,
    body: [
      "مرکز کاریابی (یوب‌سنتر) شما را به Mentorbro معرفی کرده است. در این برنامه یک رهنمای داوطلب از عرصه تجارت به شما کمک می‌کند تا یک قدم به یافتن وظیفه نزدیک‌تر شوید.",
      "یک هماهنگ‌کننده از انجمن به زودی با شما به تماس می‌شود تا در مورد خواسته‌های تان صحبت کند.",
      "فعلاً ضرورت نیست کاری انجام دهید.",
    ],
    sms: (n) =>
      `سلام ${n}. شما به برنامه رهنمایی Mentorbro معرفی شده اید. یک هماهنگ‌کننده به زودی با شما به تماس می‌شود. Mentorbro`,
  }),
  ps: copy("ps", {
    subject: "Mentorbro ته ښه راغلاست",
    heading: "د لارښوونې پروګرام ته ښه راغلاست",
    hello: (n) => `سلام ${n}`,
    body: [
      "د کار مرکز (جاب سنټر) تاسو Mentorbro ته معرفي کړي یاست. دلته یو رضاکار سوداګریز لارښود له تاسو سره مرسته کوي چې یو ګام دندې ته نږدې شئ.",
      "د ټولنې یو همغږی کوونکی به ډېر ژر له تاسو سره اړیکه ونیسي ترڅو ستاسو د هیلو په اړه خبرې وکړي.",
      "اوس اړتیا نشته چې تاسو کوم کار وکړئ.",
    ],
    sms: (n) =>
      `سلام ${n}. تاسو د Mentorbro لارښوونې پروګرام ته معرفي شوي یاست. یو همغږی کوونکی به ډېر ژر له تاسو سره اړیکه ونیسي. Mentorbro`,
  }),
  so: copy("so", {
    subject: "Ku soo dhawoow Mentorbro",
    heading: "Ku soo dhawoow barnaamijka lataliyaha",
    hello: (n) => `Salaan ${n}`,
    body: [
      "Xarunta shaqada (jobcenter) ayaa kuu gudbisay Mentorbro. Halkan lataliye ganacsi oo tabarruc ah ayaa kaa caawinaya inaad tallaabo u dhowaato shaqo.",
      "Isuduwe ka tirsan ururka ayaa dhowaan kula soo xiriiri doona si aad uga wada hadashaan waxa aad rabto.",
      "Hadda waxba uma baahnid inaad samayso.",
    ],
    sms: (n) =>
      `Salaan ${n}. Waxaa laguu gudbiyay barnaamijka lataliyaha Mentorbro. Isuduwe ayaa dhowaan kula soo xiriiri doona. Mentorbro`,
  }),
  uk: copy("uk", {
    subject: "Ласкаво просимо до Mentorbro",
    heading: "Ласкаво просимо до програми наставництва",
    hello: (n) => `Вітаємо, ${n}`,
    body: [
      "Центр зайнятості (jobcenter) направив вас до Mentorbro. Тут волонтер-наставник зі сфери бізнесу допоможе вам зробити крок ближче до роботи.",
      "Координатор асоціації незабаром зв'яжеться з вами, щоб поговорити про ваші побажання.",
      "Зараз вам нічого не потрібно робити.",
    ],
    sms: (n) =>
      `Вітаємо, ${n}. Вас направлено до програми наставництва Mentorbro. Координатор незабаром зв'яжеться з вами. Mentorbro`,
  }),
  kmr: copy("kmr", {
    subject: "Bi xêr hatî Mentorbro",
    heading: "Bi xêr hatî bernameya mentoriyê",
    hello: (n) => `Silav ${n}`,
    body: [
      "Navenda kar (jobcenter) tu şandiyî Mentorbro. Li vir mentorekî dilxwaz ji cîhana karsaziyê alîkariya te dike ku tu gavekê nêzîkî karekî bibî.",
      "Koordînatorek ji komeleyê dê di demek nêz de bi te re têkilî dayne da ku li ser daxwazên te biaxive.",
      "Niha ne hewce ye ku tu tiştekî bikî.",
    ],
    sms: (n) =>
      `Silav ${n}. Tu ji bo bernameya mentoriyê ya Mentorbro hatî şandin. Koordînatorek dê di demek nêz de bi te re têkilî dayne. Mentorbro`,
  }),
};

export default defineTemplate<Data>({
  audience: "mentee",
  copies: welcomeCopies,
  secrets: ["pageUrl"],
  sample: { firstName: "Amal", pageUrl: "https://mentorbro.dk/mig/Xy7Qp2LmXy7Qp2LmXy7Qp2" },
});
