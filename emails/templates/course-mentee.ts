/**
 * Messages to the citizen (mentee) about the course, in all ten message languages: the course has started, has ended,
 * and the survey invitation (the only one with a link: the personal, expiring survey link). No names, no details.
 */
import type { MessageLanguage } from "../../app/domain/enums";
import { defineTemplate, type Copy } from "../types";

// The data the outbox stores with each (the start date, which survey) are for staff; the texts do not show them.
type Started = { startDate: string };
type Plain = Record<string, never>;
type Survey = { url: string; kind: string };
type Words = { subject: string; lines: string[]; sms: string };
type SurveyWords = { subject: string; lines: string[]; action: string; sms: string };

const plain = (w: Words): Copy<unknown> => ({
  subject: () => w.subject,
  lines: () => w.lines,
  sms: () => `Mentorbro: ${w.sms}`,
});
const survey = (w: SurveyWords): Copy<Survey> => ({
  subject: () => w.subject,
  lines: () => w.lines,
  action: { label: w.action, url: (d) => d.url },
  sms: (d) => `Mentorbro: ${w.sms} ${d.url}`,
});

const started: Record<MessageLanguage, Words> = {
  da: {
    subject: "Dit mentorforløb er begyndt",
    lines: [
      "Hej",
      "Dit forløb med en frivillig erhvervsmentor er begyndt. Din mentor kontakter dig for at aftale jeres møder.",
      "Held og lykke!",
    ],
    sms: "Dit mentorforløb er begyndt. Din mentor kontakter dig om jeres første møde.",
  },
  en: {
    subject: "Your mentoring course has started",
    lines: [
      "Hello",
      "Your course with a volunteer business mentor has started. Your mentor will contact you to arrange your meetings.",
      "Good luck!",
    ],
    sms: "Your mentoring course has started. Your mentor will contact you about your first meeting.",
  },
  ar: {
    subject: "بدأت فترة الإرشاد الخاصة بك",
    lines: [
      "مرحباً",
      "بدأت فترة الإرشاد مع مرشد متطوع من قطاع الأعمال. سيتواصل معك مرشدك لترتيب لقاءاتكما.",
      "بالتوفيق!",
    ],
    sms: "بدأت فترة الإرشاد الخاصة بك. سيتواصل معك مرشدك بخصوص اللقاء الأول.",
  },
  ti: {
    subject: "ናይ መማኽርቲ መደብኩም ጀሚሩ ኣሎ",
    lines: ["ሰላም", "ምስ ወለንተኛ ናይ ንግዲ መማኽርቲ ዘለኩም መደብ ጀሚሩ ኣሎ። መማኽርኹም ርክባትኩም ንምውዳብ ክረኽበኩም እዩ።", "ዕዉት ኩኑ!"],
    sms: "ናይ መማኽርቲ መደብኩም ጀሚሩ ኣሎ። መማኽርኹም ብዛዕባ ቀዳማይ ርክብ ክረኽበኩም እዩ።",
  },
  fa: {
    subject: "دوره منتورینگ شما شروع شد",
    lines: [
      "سلام",
      "دوره شما با یک منتور داوطلب از دنیای کسب‌وکار شروع شد. منتور شما برای هماهنگی جلسات با شما تماس می‌گیرد.",
      "موفق باشید!",
    ],
    sms: "دوره منتورینگ شما شروع شد. منتور شما برای اولین جلسه با شما تماس می‌گیرد.",
  },
  prs: {
    subject: "دوره منتورینگ شما آغاز شد",
    lines: [
      "سلام",
      "دوره شما با یک منتور داوطلب از بخش تجارت آغاز شد. منتور شما برای تنظیم ملاقات‌ها با شما به تماس می‌شود.",
      "موفق باشید!",
    ],
    sms: "دوره منتورینگ شما آغاز شد. منتور شما برای اولین ملاقات با شما به تماس می‌شود.",
  },
  ps: {
    subject: "ستاسو د لارښوونې دوره پیل شوه",
    lines: [
      "سلام",
      "ستاسو دوره د یوه رضاکار سوداګریز لارښود سره پیل شوه. ستاسو لارښود به د ناستو د ټاکلو لپاره تاسو سره اړیکه ونیسي.",
      "بریالي اوسئ!",
    ],
    sms: "ستاسو د لارښوونې دوره پیل شوه. ستاسو لارښود به د لومړۍ ناستې لپاره تاسو سره اړیکه ونیسي.",
  },
  so: {
    subject: "Barnaamijkaaga la-talinta wuu bilaabmay",
    lines: [
      "Salaan",
      "Barnaamijkaaga aad la leedahay la-taliye ganacsi oo tabarruc ah wuu bilaabmay. La-taliyahaagu wuu kula soo xiriiri doonaa si aad u ballansataan kulamadiinna.",
      "Guul ayaan kuu rajeynaynaa!",
    ],
    sms: "Barnaamijkaaga la-talinta wuu bilaabmay. La-taliyahaagu wuu kula soo xiriiri doonaa kulanka koowaad.",
  },
  uk: {
    subject: "Ваша програма наставництва розпочалася",
    lines: [
      "Вітаємо",
      "Ваша програма з волонтером-наставником із бізнесу розпочалася. Ваш наставник зв'яжеться з вами, щоб домовитися про зустрічі.",
      "Успіхів!",
    ],
    sms: "Ваша програма наставництва розпочалася. Наставник зв'яжеться з вами щодо першої зустрічі.",
  },
  kmr: {
    subject: "Qursa te ya şêwirmendiyê dest pê kir",
    lines: [
      "Silav",
      "Qursa te bi şêwirmendekî karsaziyê yê dilxwaz re dest pê kir. Şêwirmendê te dê bi te re têkilî deyne da ku hûn civînên xwe saz bikin.",
      "Serkeftin!",
    ],
    sms: "Qursa te ya şêwirmendiyê dest pê kir. Şêwirmendê te dê ji bo civîna yekem bi te re têkilî deyne.",
  },
};

const ended: Record<MessageLanguage, Words> = {
  da: {
    subject: "Dit mentorforløb er afsluttet",
    lines: [
      "Hej",
      "Dit forløb med din frivillige erhvervsmentor er afsluttet. Tak fordi du var med.",
      "Jobcentret får besked om, hvordan forløbet er gået.",
    ],
    sms: "Dit mentorforløb er afsluttet. Tak fordi du var med.",
  },
  en: {
    subject: "Your mentoring course has ended",
    lines: [
      "Hello",
      "Your course with a volunteer business mentor has ended. Thank you for taking part.",
      "Your jobcentre will be told how the course went.",
    ],
    sms: "Your mentoring course has ended. Thank you for taking part.",
  },
  ar: {
    subject: "انتهت فترة الإرشاد الخاصة بك",
    lines: [
      "مرحباً",
      "انتهت فترة الإرشاد مع المرشد المتطوع. شكراً لمشاركتك.",
      "سيتم إبلاغ مركز العمل (jobcenter) بسير الفترة.",
    ],
    sms: "انتهت فترة الإرشاد الخاصة بك. شكراً لمشاركتك.",
  },
  ti: {
    subject: "ናይ መማኽርቲ መደብኩም ተዛዚሙ ኣሎ",
    lines: ["ሰላም", "ምስ ወለንተኛ መማኽርቲ ዘለኩም መደብ ተዛዚሙ ኣሎ። ስለ ዝተሳተፍኩም የቐንየልና።", "ማእከል ስራሕ (jobcenter) ብዛዕባ እቲ መደብ ክሕበር እዩ።"],
    sms: "ናይ መማኽርቲ መደብኩም ተዛዚሙ ኣሎ። ስለ ዝተሳተፍኩም የቐንየልና።",
  },
  fa: {
    subject: "دوره منتورینگ شما به پایان رسید",
    lines: [
      "سلام",
      "دوره شما با منتور داوطلب به پایان رسید. از شرکت شما سپاسگزاریم.",
      "مرکز کاریابی (jobcenter) از روند دوره مطلع خواهد شد.",
    ],
    sms: "دوره منتورینگ شما به پایان رسید. از شرکت شما سپاسگزاریم.",
  },
  prs: {
    subject: "دوره منتورینگ شما ختم شد",
    lines: [
      "سلام",
      "دوره شما با منتور داوطلب ختم شد. از اشتراک شما تشکر می‌کنیم.",
      "مرکز کاریابی (jobcenter) از جریان دوره معلومات می‌گیرد.",
    ],
    sms: "دوره منتورینگ شما ختم شد. از اشتراک شما تشکر می‌کنیم.",
  },
  ps: {
    subject: "ستاسو د لارښوونې دوره پای ته ورسیده",
    lines: [
      "سلام",
      "ستاسو دوره د رضاکار لارښود سره پای ته ورسیده. له ګډون څخه مو مننه.",
      "د کار مرکز (jobcenter) ته به د دورې په اړه خبر ورکړل شي.",
    ],
    sms: "ستاسو د لارښوونې دوره پای ته ورسیده. له ګډون څخه مو مننه.",
  },
  so: {
    subject: "Barnaamijkaaga la-talinta wuu dhammaaday",
    lines: [
      "Salaan",
      "Barnaamijkaaga aad la lahayd la-taliyaha tabarruca ah wuu dhammaaday. Waad ku mahadsan tahay ka qaybgalkaaga.",
      "Xarunta shaqada (jobcenter) waa la ogeysiin doonaa sida barnaamijku u dhacay.",
    ],
    sms: "Barnaamijkaaga la-talinta wuu dhammaaday. Waad ku mahadsan tahay ka qaybgalkaaga.",
  },
  uk: {
    subject: "Ваша програма наставництва завершилася",
    lines: [
      "Вітаємо",
      "Ваша програма з волонтером-наставником завершилася. Дякуємо за участь.",
      "Ваш центр зайнятості (jobcenter) отримає інформацію про те, як пройшла програма.",
    ],
    sms: "Ваша програма наставництва завершилася. Дякуємо за участь.",
  },
  kmr: {
    subject: "Qursa te ya şêwirmendiyê qediya",
    lines: [
      "Silav",
      "Qursa te bi şêwirmendê dilxwaz re qediya. Spas ji bo beşdariya te.",
      "Navenda kar (jobcenter) dê agahdar bibe ka qurs çawa derbas bû.",
    ],
    sms: "Qursa te ya şêwirmendiyê qediya. Spas ji bo beşdariya te.",
  },
};

const surveyWords: Record<MessageLanguage, SurveyWords> = {
  da: {
    subject: "Hvordan går dit mentorforløb?",
    lines: [
      "Hej",
      "Svar på tre korte spørgsmål om dit mentorforløb. Det tager et minut, og du skal ikke logge ind.",
      "Linket virker i 30 dage.",
    ],
    action: "Svar på spørgsmålene",
    sms: "Hvordan går dit mentorforløb? Svar på 3 korte spørgsmål (virker i 30 dage):",
  },
  en: {
    subject: "How is your mentoring course going?",
    lines: [
      "Hello",
      "Please answer three short questions about your mentoring course. It takes one minute and you do not need to log in.",
      "The link works for 30 days.",
    ],
    action: "Answer the questions",
    sms: "How is your mentoring course going? Answer 3 short questions (link works 30 days):",
  },
  ar: {
    subject: "كيف تسير فترة الإرشاد؟",
    lines: [
      "مرحباً",
      "يرجى الإجابة على ثلاثة أسئلة قصيرة حول فترة الإرشاد. يستغرق ذلك دقيقة واحدة ولا تحتاج إلى تسجيل الدخول.",
      "الرابط صالح لمدة 30 يوماً.",
    ],
    action: "أجب على الأسئلة",
    sms: "كيف تسير فترة الإرشاد؟ أجب على 3 أسئلة قصيرة (الرابط صالح 30 يوماً):",
  },
  ti: {
    subject: "ናይ መማኽርቲ መደብኩም ከመይ ይኸይድ ኣሎ?",
    lines: ["ሰላም", "በጃኹም ብዛዕባ መደብኩም ንሰለስተ ሓጸርቲ ሕቶታት መልሱ። ሓንቲ ደቒቕ ጥራይ ይወስድ፡ ምእታው ኣየድልን።", "እዚ ሊንክ ን30 መዓልቲ ይሰርሕ።"],
    action: "ሕቶታት መልሱ",
    sms: "መደብኩም ከመይ ይኸይድ ኣሎ? ን3 ሓጸርቲ ሕቶታት መልሱ (30 መዓልቲ):",
  },
  fa: {
    subject: "دوره منتورینگ شما چطور پیش می‌رود؟",
    lines: [
      "سلام",
      "لطفاً به سه سؤال کوتاه درباره دوره منتورینگ پاسخ دهید. یک دقیقه طول می‌کشد و نیازی به ورود به حساب نیست.",
      "این لینک ۳۰ روز معتبر است.",
    ],
    action: "پاسخ به سؤالات",
    sms: "دوره منتورینگ شما چطور پیش می‌رود؟ به ۳ سؤال کوتاه پاسخ دهید (۳۰ روز معتبر):",
  },
  prs: {
    subject: "دوره منتورینگ شما چطور پیش می‌رود؟",
    lines: [
      "سلام",
      "لطفاً به سه سوال کوتاه در مورد دوره منتورینگ خود جواب بدهید. یک دقیقه وقت می‌گیرد و ضرورت به داخل شدن به حساب نیست.",
      "این لینک برای ۳۰ روز اعتبار دارد.",
    ],
    action: "جواب دادن به سوال‌ها",
    sms: "دوره منتورینگ شما چطور پیش می‌رود؟ به ۳ سوال کوتاه جواب بدهید (۳۰ روز اعتبار):",
  },
  ps: {
    subject: "ستاسو د لارښوونې دوره څنګه روانه ده؟",
    lines: [
      "سلام",
      "مهرباني وکړئ د خپلې دورې په اړه درې لنډو پوښتنو ته ځواب ورکړئ. یوه دقیقه وخت نیسي او ننوتلو ته اړتیا نشته.",
      "دا لینک ۳۰ ورځې اعتبار لري.",
    ],
    action: "پوښتنو ته ځواب ورکړئ",
    sms: "ستاسو دوره څنګه روانه ده؟ ۳ لنډو پوښتنو ته ځواب ورکړئ (۳۰ ورځې):",
  },
  so: {
    subject: "Sidee buu u socdaa barnaamijkaaga la-talinta?",
    lines: [
      "Salaan",
      "Fadlan ka jawaab saddex su'aalood oo gaagaaban oo ku saabsan barnaamijkaaga. Waxay qaadanaysaa hal daqiiqo, uma baahnid inaad gasho.",
      "Linkigu wuxuu shaqeeyaa 30 maalmood.",
    ],
    action: "Ka jawaab su'aalaha",
    sms: "Sidee buu u socdaa barnaamijkaagu? Ka jawaab 3 su'aalood (30 maalmood):",
  },
  uk: {
    subject: "Як проходить ваша програма наставництва?",
    lines: [
      "Вітаємо",
      "Будь ласка, дайте відповідь на три короткі запитання про вашу програму. Це займе хвилину, входити в систему не потрібно.",
      "Посилання дійсне 30 днів.",
    ],
    action: "Відповісти на запитання",
    sms: "Як проходить ваша програма наставництва? Дайте відповідь на 3 короткі запитання (30 днів):",
  },
  kmr: {
    subject: "Qursa te ya şêwirmendiyê çawa diçe?",
    lines: [
      "Silav",
      "Ji kerema xwe bersiva sê pirsên kurt ên li ser qursa xwe bide. Ew deqeyek digire û ne hewce ye ku tu têkevî.",
      "Ev girêdan 30 rojan derbasdar e.",
    ],
    action: "Bersiva pirsan bide",
    sms: "Qursa te çawa diçe? Bersiva 3 pirsên kurt bide (30 roj):",
  },
};

const map = <W, C>(words: Record<MessageLanguage, W>, f: (w: W) => C) =>
  Object.fromEntries(Object.entries(words).map(([k, w]) => [k, f(w as W)])) as Record<MessageLanguage, C>;

export const courseStartedMentee = defineTemplate<Started>({
  audience: "mentee",
  copies: map(started, plain),
});
export const courseEndedMentee = defineTemplate<Plain>({
  audience: "mentee",
  copies: map(ended, plain),
});
export const surveyMentee = defineTemplate<Survey>({
  audience: "mentee",
  secrets: ["url"],
  copies: map(surveyWords, survey),
});
