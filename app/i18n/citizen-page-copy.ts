/**
 * The citizen's own page (/mig/$token, issue 21) in the ten message languages: the link comes in a message written in
 * the citizen's language, so the page speaks it (the UI's Danish/English strings do not cover it). Like the survey
 * and opt-out pages' copy, written by us and awaiting review by native speakers. `{x}` marks a value filled in.
 */
import type { GoalKind, GoalStatus, MeetingForm, MessageLanguage } from "../domain/enums";

export type CitizenPageCopy = {
  title: string; hello: string;
  mentorTitle: string; mentorName: string; phone: string; noMentor: string;
  /** The kinds of meeting (also the meeting messages' words, emails/templates/between-meetings.ts). */
  forms: Record<MeetingForm, string>;
  meetingTitle: string; when: string; place: string; agenda: string; noMeeting: string;
  goalsTitle: string; noGoals: string; goals: Record<GoalKind, string>; statuses: Record<GoalStatus, string>;
  coordinatorTitle: string; writeTo: string; callMe: string; callDone: string; callAlready: string;
  contactTitle: string; phoneNow: string; newPhone: string; newPhoneHint: string; language: string; sendCode: string;
  codeSent: string; code: string; confirm: string; changed: string;
  messagesTitle: string; optOut: string;
  invalid: string; expired: string; revoked: string; closed: string; newLinkSms: string; newLinkCoordinator: string;
  errorTitle: string; tooFast: string;
  errors: Record<"phoneInvalid" | "codeInvalid" | "wrong_code" | "code_expired" | "too_many" | "nothing_changed" | "no_channel" | "link" | "already" | "invalid", string>;
};

export const citizenPageCopy: Record<MessageLanguage, CitizenPageCopy> = {
  da: {
    forms: { in_person: "Fysisk møde", phone: "Telefon", video: "Video", company_visit: "Virksomhedsbesøg" },
    title: "Min side i Mentorbro", hello: "Hej {name}",
    mentorTitle: "Din mentor", mentorName: "Din mentor hedder {name}.", phone: "Telefon", noMentor: "Du har ikke fået en mentor endnu. En koordinator kontakter dig.",
    meetingTitle: "Næste møde", when: "{date} kl. {time}", place: "Sted", agenda: "Dagsorden", noMeeting: "Intet møde er planlagt endnu.",
    goalsTitle: "Dine mål", noGoals: "I har ikke sat mål endnu.",
    goals: { labour_market: "Forstå arbejdsmarkedet i min branche", cv_danish: "CV på dansk", applications: "Sende ansøgninger", interview_practice: "Øve jobsamtaler", network_contacts: "Få kontakter i netværket", change_industry: "Afklare, om jeg skal skifte branche", placement: "Finde praktik, løntilskud eller uddannelse", own: "Eget mål" },
    statuses: { planned: "Sat", in_progress: "I gang", reached: "Nået", dropped: "Droppet" },
    coordinatorTitle: "Din koordinator", writeTo: "Skriv til {name}: {email}", callMe: "Ring mig op", callDone: "Tak. En koordinator ringer til dig snart.", callAlready: "Du har allerede bedt om et opkald. En koordinator ringer til dig.",
    contactTitle: "Telefonnummer og sprog", phoneNow: "Dit nummer nu: {phone}", newPhone: "Nyt telefonnummer", newPhoneHint: "Tom: behold dit nummer", language: "Sprog til beskeder", sendCode: "Send kode",
    codeSent: "Vi har sendt en kode. Skriv den her.", code: "Kode (6 cifre)", confirm: "Bekræft", changed: "Dine oplysninger er ændret.",
    messagesTitle: "Beskeder", optOut: "Afmeld beskeder",
    invalid: "Linket virker ikke.", expired: "Linket er udløbet.", revoked: "Linket er lukket.", closed: "Din side er lukket, fordi dit forløb er slut.",
    newLinkSms: "Send LINK til {number} for at få et nyt link, eller kontakt din koordinator.", newLinkCoordinator: "Kontakt din koordinator for at få et nyt link.",
    errorTitle: "Der er en fejl", tooFast: "Vent lidt, og prøv igen.",
    errors: { phoneInvalid: "Skriv et gyldigt telefonnummer", codeInvalid: "Skriv de 6 cifre fra beskeden", wrong_code: "Koden er forkert", code_expired: "Koden virker ikke længere. Bed om en ny.", too_many: "Du har bedt om for mange koder. Prøv igen om en time.", nothing_changed: "Skriv et nyt nummer eller vælg et andet sprog", no_channel: "Vi kan ikke sende en kode til dig. Kontakt din koordinator.", link: "Linket virker ikke længere.", already: "Du har allerede bedt om et opkald.", invalid: "Noget er forkert. Prøv igen." },
  },
  en: {
    forms: { in_person: "In person", phone: "Phone", video: "Video", company_visit: "Company visit" },
    title: "My page in Mentorbro", hello: "Hello {name}",
    mentorTitle: "Your mentor", mentorName: "Your mentor is called {name}.", phone: "Phone", noMentor: "You do not have a mentor yet. A coordinator will contact you.",
    meetingTitle: "Next meeting", when: "{date} at {time}", place: "Place", agenda: "Agenda", noMeeting: "No meeting is planned yet.",
    goalsTitle: "Your goals", noGoals: "You have not set goals yet.",
    goals: { labour_market: "Understand the labour market in my industry", cv_danish: "CV in Danish", applications: "Send applications", interview_practice: "Practise job interviews", network_contacts: "Make network contacts", change_industry: "Clarify whether to change industry", placement: "Find an internship, wage subsidy or education", own: "Own goal" },
    statuses: { planned: "Set", in_progress: "In progress", reached: "Reached", dropped: "Dropped" },
    coordinatorTitle: "Your coordinator", writeTo: "Write to {name}: {email}", callMe: "Call me", callDone: "Thank you. A coordinator will call you soon.", callAlready: "You have already asked to be called. A coordinator will call you.",
    contactTitle: "Phone number and language", phoneNow: "Your number now: {phone}", newPhone: "New phone number", newPhoneHint: "Empty: keep your number", language: "Language of messages", sendCode: "Send code",
    codeSent: "We have sent a code. Write it here.", code: "Code (6 digits)", confirm: "Confirm", changed: "Your details are changed.",
    messagesTitle: "Messages", optOut: "Unsubscribe from messages",
    invalid: "The link does not work.", expired: "The link has expired.", revoked: "The link is closed.", closed: "Your page is closed because your course is over.",
    newLinkSms: "Text LINK to {number} to get a new link, or contact your coordinator.", newLinkCoordinator: "Contact your coordinator to get a new link.",
    errorTitle: "There is a problem", tooFast: "Wait a little and try again.",
    errors: { phoneInvalid: "Write a valid phone number", codeInvalid: "Write the 6 digits from the message", wrong_code: "The code is wrong", code_expired: "The code no longer works. Ask for a new one.", too_many: "You have asked for too many codes. Try again in an hour.", nothing_changed: "Write a new number or choose another language", no_channel: "We cannot send you a code. Contact your coordinator.", link: "The link no longer works.", already: "You have already asked to be called.", invalid: "Something is wrong. Try again." },
  },
  ar: {
    forms: { in_person: "لقاء حضوري", phone: "هاتف", video: "فيديو", company_visit: "زيارة شركة" },
    title: "صفحتي في Mentorbro", hello: "مرحباً {name}",
    mentorTitle: "مرشدك", mentorName: "اسم مرشدك {name}.", phone: "الهاتف", noMentor: "لم يتم تعيين مرشد لك بعد. سيتواصل معك منسق.",
    meetingTitle: "اللقاء القادم", when: "{date} الساعة {time}", place: "المكان", agenda: "جدول الأعمال", noMeeting: "لم يتم التخطيط لأي لقاء بعد.",
    goalsTitle: "أهدافك", noGoals: "لم تحددا أهدافاً بعد.",
    goals: { labour_market: "فهم سوق العمل في مجالي", cv_danish: "سيرة ذاتية باللغة الدنماركية", applications: "إرسال طلبات عمل", interview_practice: "التدرب على مقابلات العمل", network_contacts: "بناء علاقات مهنية", change_industry: "توضيح ما إذا كان عليّ تغيير المجال", placement: "إيجاد تدريب أو وظيفة بدعم للأجر أو تعليم", own: "هدف خاص" },
    statuses: { planned: "محدد", in_progress: "قيد التنفيذ", reached: "تحقق", dropped: "تم التخلي عنه" },
    coordinatorTitle: "منسقك", writeTo: "اكتب إلى {name}: {email}", callMe: "اتصل بي", callDone: "شكراً. سيتصل بك منسق قريباً.", callAlready: "لقد طلبت مكالمة بالفعل. سيتصل بك منسق.",
    contactTitle: "رقم الهاتف واللغة", phoneNow: "رقمك الحالي: {phone}", newPhone: "رقم هاتف جديد", newPhoneHint: "اتركه فارغاً للاحتفاظ برقمك", language: "لغة الرسائل", sendCode: "أرسل الرمز",
    codeSent: "أرسلنا إليك رمزاً. اكتبه هنا.", code: "الرمز (6 أرقام)", confirm: "تأكيد", changed: "تم تغيير بياناتك.",
    messagesTitle: "الرسائل", optOut: "إلغاء الاشتراك في الرسائل",
    invalid: "الرابط لا يعمل.", expired: "انتهت صلاحية الرابط.", revoked: "تم إغلاق الرابط.", closed: "تم إغلاق صفحتك لأن فترة الإرشاد انتهت.",
    newLinkSms: "أرسل LINK إلى {number} للحصول على رابط جديد، أو تواصل مع منسقك.", newLinkCoordinator: "تواصل مع منسقك للحصول على رابط جديد.",
    errorTitle: "هناك مشكلة", tooFast: "انتظر قليلاً ثم حاول مرة أخرى.",
    errors: { phoneInvalid: "اكتب رقم هاتف صحيحاً", codeInvalid: "اكتب الأرقام الستة من الرسالة", wrong_code: "الرمز غير صحيح", code_expired: "الرمز لم يعد صالحاً. اطلب رمزاً جديداً.", too_many: "طلبت رموزاً كثيرة. حاول مرة أخرى بعد ساعة.", nothing_changed: "اكتب رقماً جديداً أو اختر لغة أخرى", no_channel: "لا يمكننا إرسال رمز إليك. تواصل مع منسقك.", link: "الرابط لم يعد يعمل.", already: "لقد طلبت مكالمة بالفعل.", invalid: "هناك خطأ ما. حاول مرة أخرى." },
  },
  ti: {
    forms: { in_person: "ኣካላዊ ርክብ", phone: "ተሌፎን", video: "ቪድዮ", company_visit: "ምብጻሕ ትካል" },
    title: "ገጸይ ኣብ Mentorbro", hello: "ሰላም {name}",
    mentorTitle: "መማኽርኹም", mentorName: "መማኽርኹም {name} ይበሃል።", phone: "ተሌፎን", noMentor: "ገና መማኽሪ ኣይረኸብኩምን። ኣወሃሃዲ ክረኽበኩም እዩ።",
    meetingTitle: "ዝቕጽል ርክብ", when: "{date} ሰዓት {time}", place: "ቦታ", agenda: "ኣጀንዳ", noMeeting: "ገና ዝተወጠነ ርክብ የለን።",
    goalsTitle: "ዕላማታትኩም", noGoals: "ገና ዕላማታት ኣየቐመጥኩምን።",
    goals: { labour_market: "ዕዳጋ ስራሕ ኣብ ዓውደይ ምርዳእ", cv_danish: "ሲቪ ብዴንማርክኛ", applications: "ሕቶ ስራሕ ምልኣኽ", interview_practice: "ቃለ-መሕትት ስራሕ ምልምማድ", network_contacts: "ርክባት ምፍጣር", change_industry: "ዓውደ ስራሕ ክቕይር ከም ዘለኒ ምፍላጥ", placement: "ልምምድ፡ ብደገፍ ደሞዝ ስራሕ ወይ ትምህርቲ ምርካብ", own: "ናይ ባዕለይ ዕላማ" },
    statuses: { planned: "ተቐሚጡ", in_progress: "ኣብ መስርሕ", reached: "ተበጺሑ", dropped: "ተሪፉ" },
    coordinatorTitle: "ኣወሃሃዲኹም", writeTo: "ናብ {name} ጽሓፉ፡ {email}", callMe: "ደውሉለይ", callDone: "የቐንየልና። ኣወሃሃዲ ቀልጢፉ ክድውለልኩም እዩ።", callAlready: "ድሮ ጻውዒት ሓቲትኩም ኢኹም። ኣወሃሃዲ ክድውለልኩም እዩ።",
    contactTitle: "ቁጽሪ ተሌፎንን ቋንቋን", phoneNow: "ሕጂ ዘሎ ቁጽርኹም፡ {phone}", newPhone: "ሓድሽ ቁጽሪ ተሌፎን", newPhoneHint: "ባዶ፡ ቁጽርኹም ይጸንሕ", language: "ቋንቋ መልእኽትታት", sendCode: "ኮድ ስደዱ",
    codeSent: "ኮድ ሰዲድናልኩም ኣለና። ኣብዚ ጽሓፍዎ።", code: "ኮድ (6 ኣሃዛት)", confirm: "ኣረጋግጹ", changed: "ሓበሬታኹም ተቐይሩ።",
    messagesTitle: "መልእኽትታት", optOut: "መልእኽትታት ኣቋርጹ",
    invalid: "እቲ ሊንክ ኣይሰርሕን።", expired: "እቲ ሊንክ ግዜኡ ሓሊፉ።", revoked: "እቲ ሊንክ ተዓጽዩ።", closed: "መደብኩም ስለ ዝተዛዘመ ገጽኩም ተዓጽዩ።",
    newLinkSms: "ሓድሽ ሊንክ ንምርካብ LINK ናብ {number} ስደዱ፡ ወይ ንኣወሃሃዲኹም ተወከሱ።", newLinkCoordinator: "ሓድሽ ሊንክ ንምርካብ ንኣወሃሃዲኹም ተወከሱ።",
    errorTitle: "ጸገም ኣሎ", tooFast: "ቁሩብ ተጸበዩ እሞ እንደገና ፈትኑ።",
    errors: { phoneInvalid: "ቅኑዕ ቁጽሪ ተሌፎን ጽሓፉ", codeInvalid: "ካብቲ መልእኽቲ ዘሎ 6 ኣሃዛት ጽሓፉ", wrong_code: "እቲ ኮድ ጌጋ እዩ", code_expired: "እቲ ኮድ ኣይሰርሕን እዩ። ሓድሽ ሕተቱ።", too_many: "ብዙሕ ኮዳት ሓቲትኩም። ድሕሪ ሓደ ሰዓት እንደገና ፈትኑ።", nothing_changed: "ሓድሽ ቁጽሪ ጽሓፉ ወይ ካልእ ቋንቋ ምረጹ", no_channel: "ኮድ ክንሰደልኩም ኣይንኽእልን። ንኣወሃሃዲኹም ተወከሱ።", link: "እቲ ሊንክ ኣይሰርሕን እዩ።", already: "ድሮ ጻውዒት ሓቲትኩም ኢኹም።", invalid: "ገለ ጌጋ ኣሎ። እንደገና ፈትኑ።" },
  },
  fa: {
    forms: { in_person: "جلسه حضوری", phone: "تلفن", video: "ویدیو", company_visit: "بازدید از شرکت" },
    title: "صفحه من در Mentorbro", hello: "سلام {name}",
    mentorTitle: "منتور شما", mentorName: "نام منتور شما {name} است.", phone: "تلفن", noMentor: "هنوز منتوری برای شما تعیین نشده است. یک هماهنگ‌کننده با شما تماس می‌گیرد.",
    meetingTitle: "جلسه بعدی", when: "{date} ساعت {time}", place: "مکان", agenda: "دستور جلسه", noMeeting: "هنوز جلسه‌ای برنامه‌ریزی نشده است.",
    goalsTitle: "اهداف شما", noGoals: "هنوز هدفی تعیین نکرده‌اید.",
    goals: { labour_market: "شناخت بازار کار در رشته‌ام", cv_danish: "رزومه به زبان دانمارکی", applications: "ارسال درخواست کار", interview_practice: "تمرین مصاحبه شغلی", network_contacts: "ایجاد ارتباطات کاری", change_industry: "روشن کردن اینکه آیا رشته‌ام را تغییر دهم", placement: "یافتن کارآموزی، کار با یارانه دستمزد یا تحصیل", own: "هدف شخصی" },
    statuses: { planned: "تعیین‌شده", in_progress: "در حال انجام", reached: "محقق شد", dropped: "کنار گذاشته شد" },
    coordinatorTitle: "هماهنگ‌کننده شما", writeTo: "به {name} بنویسید: {email}", callMe: "با من تماس بگیرید", callDone: "متشکریم. یک هماهنگ‌کننده به‌زودی با شما تماس می‌گیرد.", callAlready: "شما قبلاً درخواست تماس داده‌اید. یک هماهنگ‌کننده با شما تماس می‌گیرد.",
    contactTitle: "شماره تلفن و زبان", phoneNow: "شماره فعلی شما: {phone}", newPhone: "شماره تلفن جدید", newPhoneHint: "خالی: شماره شما حفظ می‌شود", language: "زبان پیام‌ها", sendCode: "ارسال کد",
    codeSent: "یک کد برای شما فرستادیم. آن را اینجا بنویسید.", code: "کد (۶ رقم)", confirm: "تأیید", changed: "اطلاعات شما تغییر کرد.",
    messagesTitle: "پیام‌ها", optOut: "لغو اشتراک پیام‌ها",
    invalid: "این لینک کار نمی‌کند.", expired: "این لینک منقضی شده است.", revoked: "این لینک بسته شده است.", closed: "صفحه شما بسته شده است، چون دوره شما تمام شده است.",
    newLinkSms: "برای دریافت لینک جدید LINK را به {number} بفرستید، یا با هماهنگ‌کننده خود تماس بگیرید.", newLinkCoordinator: "برای دریافت لینک جدید با هماهنگ‌کننده خود تماس بگیرید.",
    errorTitle: "مشکلی وجود دارد", tooFast: "کمی صبر کنید و دوباره امتحان کنید.",
    errors: { phoneInvalid: "یک شماره تلفن معتبر بنویسید", codeInvalid: "۶ رقم پیام را بنویسید", wrong_code: "کد اشتباه است", code_expired: "این کد دیگر کار نمی‌کند. کد جدید بخواهید.", too_many: "کدهای زیادی درخواست کرده‌اید. یک ساعت دیگر دوباره امتحان کنید.", nothing_changed: "شماره جدید بنویسید یا زبان دیگری انتخاب کنید", no_channel: "نمی‌توانیم برای شما کد بفرستیم. با هماهنگ‌کننده خود تماس بگیرید.", link: "این لینک دیگر کار نمی‌کند.", already: "شما قبلاً درخواست تماس داده‌اید.", invalid: "مشکلی پیش آمد. دوباره امتحان کنید." },
  },
  prs: {
    forms: { in_person: "ملاقات حضوری", phone: "تیلفون", video: "ویدیو", company_visit: "بازدید از شرکت" },
    title: "صفحه من در Mentorbro", hello: "سلام {name}",
    mentorTitle: "منتور شما", mentorName: "نام منتور شما {name} است.", phone: "تیلفون", noMentor: "هنوز منتور برای شما تعیین نشده است. یک هماهنگ‌کننده با شما به تماس می‌شود.",
    meetingTitle: "ملاقات بعدی", when: "{date} ساعت {time}", place: "جای", agenda: "اجندا", noMeeting: "هنوز کدام ملاقات پلان نشده است.",
    goalsTitle: "اهداف شما", noGoals: "هنوز هدف تعیین نکرده‌اید.",
    goals: { labour_market: "فهمیدن بازار کار در رشته‌ام", cv_danish: "سی‌وی به زبان دنمارکی", applications: "فرستادن درخواست کار", interview_practice: "تمرین مصاحبه کاری", network_contacts: "پیدا کردن ارتباطات کاری", change_industry: "روشن ساختن اینکه رشته‌ام را تغییر بدهم یا نه", placement: "پیدا کردن کارآموزی، کار با کمک معاش یا تحصیل", own: "هدف شخصی" },
    statuses: { planned: "تعیین شده", in_progress: "در جریان", reached: "رسیده شد", dropped: "کنار گذاشته شد" },
    coordinatorTitle: "هماهنگ‌کننده شما", writeTo: "به {name} بنویسید: {email}", callMe: "به من زنگ بزنید", callDone: "تشکر. یک هماهنگ‌کننده به زودی به شما زنگ می‌زند.", callAlready: "شما قبلاً درخواست تماس کرده‌اید. یک هماهنگ‌کننده به شما زنگ می‌زند.",
    contactTitle: "شماره تیلفون و زبان", phoneNow: "شماره فعلی شما: {phone}", newPhone: "شماره تیلفون جدید", newPhoneHint: "خالی: شماره شما باقی می‌ماند", language: "زبان پیام‌ها", sendCode: "فرستادن کود",
    codeSent: "یک کود برای شما فرستادیم. آن را اینجا بنویسید.", code: "کود (۶ رقم)", confirm: "تأیید", changed: "معلومات شما تغییر کرد.",
    messagesTitle: "پیام‌ها", optOut: "لغو پیام‌ها",
    invalid: "این لینک کار نمی‌کند.", expired: "وقت این لینک تمام شده است.", revoked: "این لینک بسته شده است.", closed: "صفحه شما بسته شده است، چون دوره شما ختم شده است.",
    newLinkSms: "برای گرفتن لینک جدید LINK را به {number} بفرستید، یا با هماهنگ‌کننده خود به تماس شوید.", newLinkCoordinator: "برای گرفتن لینک جدید با هماهنگ‌کننده خود به تماس شوید.",
    errorTitle: "یک مشکل وجود دارد", tooFast: "کمی صبر کنید و دوباره کوشش کنید.",
    errors: { phoneInvalid: "یک شماره تیلفون درست بنویسید", codeInvalid: "۶ رقم پیام را بنویسید", wrong_code: "کود نادرست است", code_expired: "این کود دیگر کار نمی‌کند. کود جدید بخواهید.", too_many: "کودهای زیاد درخواست کرده‌اید. یک ساعت بعد دوباره کوشش کنید.", nothing_changed: "شماره جدید بنویسید یا زبان دیگر انتخاب کنید", no_channel: "نمی‌توانیم برای شما کود بفرستیم. با هماهنگ‌کننده خود به تماس شوید.", link: "این لینک دیگر کار نمی‌کند.", already: "شما قبلاً درخواست تماس کرده‌اید.", invalid: "یک مشکل پیش آمد. دوباره کوشش کنید." },
  },
  ps: {
    forms: { in_person: "حضوري ناسته", phone: "ټیلیفون", video: "ویډیو", company_visit: "د شرکت لیدنه" },
    title: "په Mentorbro کې زما پاڼه", hello: "سلام {name}",
    mentorTitle: "ستاسو منټور", mentorName: "ستاسو د منټور نوم {name} دی.", phone: "ټیلیفون", noMentor: "تاسو ته لا منټور نه دی ټاکل شوی. یو همغږی کوونکی به له تاسو سره اړیکه ونیسي.",
    meetingTitle: "راتلونکې ناسته", when: "{date} ساعت {time}", place: "ځای", agenda: "اجنډا", noMeeting: "لا کومه ناسته نه ده پلان شوې.",
    goalsTitle: "ستاسو موخې", noGoals: "تاسو لا موخې نه دي ټاکلې.",
    goals: { labour_market: "زما په برخه کې د کار بازار پوهېدل", cv_danish: "په ډنمارکي ژبه سي وي", applications: "د کار غوښتنلیکونه لېږل", interview_practice: "د دندې د مرکې تمرین", network_contacts: "مسلکي اړیکې جوړول", change_industry: "روښانه کول چې آیا خپله برخه بدله کړم", placement: "د کارموزۍ، د معاش مرستې دندې یا زده کړې موندل", own: "خپله موخه" },
    statuses: { planned: "ټاکل شوې", in_progress: "روانه ده", reached: "ترلاسه شوه", dropped: "پرېښودل شوه" },
    coordinatorTitle: "ستاسو همغږی کوونکی", writeTo: "{name} ته ولیکئ: {email}", callMe: "ما ته زنګ ووهئ", callDone: "مننه. یو همغږی کوونکی به ژر تاسو ته زنګ ووهي.", callAlready: "تاسو دمخه د زنګ غوښتنه کړې ده. یو همغږی کوونکی به تاسو ته زنګ ووهي.",
    contactTitle: "د ټیلیفون شمېره او ژبه", phoneNow: "ستاسو اوسنۍ شمېره: {phone}", newPhone: "نوې ټیلیفون شمېره", newPhoneHint: "خالي: خپله شمېره ساتئ", language: "د پیغامونو ژبه", sendCode: "کوډ ولېږئ",
    codeSent: "موږ تاسو ته یو کوډ ولېږه. دلته یې ولیکئ.", code: "کوډ (۶ عددونه)", confirm: "تایید", changed: "ستاسو معلومات بدل شول.",
    messagesTitle: "پیغامونه", optOut: "پیغامونه بند کړئ",
    invalid: "دا لینک کار نه کوي.", expired: "د دې لینک وخت تېر شوی.", revoked: "دا لینک تړل شوی.", closed: "ستاسو پاڼه تړل شوې، ځکه چې ستاسو دوره پای ته رسېدلې.",
    newLinkSms: "د نوي لینک لپاره LINK {number} ته ولېږئ، یا له خپل همغږي کوونکي سره اړیکه ونیسئ.", newLinkCoordinator: "د نوي لینک لپاره له خپل همغږي کوونکي سره اړیکه ونیسئ.",
    errorTitle: "یوه ستونزه شته", tooFast: "لږ صبر وکړئ او بیا هڅه وکړئ.",
    errors: { phoneInvalid: "یوه سمه ټیلیفون شمېره ولیکئ", codeInvalid: "د پیغام ۶ عددونه ولیکئ", wrong_code: "کوډ غلط دی", code_expired: "دا کوډ نور کار نه کوي. نوی وغواړئ.", too_many: "تاسو ډېر کوډونه غوښتي. یو ساعت وروسته بیا هڅه وکړئ.", nothing_changed: "نوې شمېره ولیکئ یا بله ژبه وټاکئ", no_channel: "موږ تاسو ته کوډ نشو لېږلی. له خپل همغږي کوونکي سره اړیکه ونیسئ.", link: "دا لینک نور کار نه کوي.", already: "تاسو دمخه د زنګ غوښتنه کړې ده.", invalid: "یو څه غلط دي. بیا هڅه وکړئ." },
  },
  so: {
    forms: { in_person: "Kulan fool-ka-fool ah", phone: "Telefoon", video: "Fiidiyoow", company_visit: "Booqasho shirkad" },
    title: "Boggayga Mentorbro", hello: "Salaan {name}",
    mentorTitle: "Lataliyahaaga", mentorName: "Lataliyahaagu waa {name}.", phone: "Telefoon", noMentor: "Weli lataliye laguma siin. Isku-duwe ayaa kula soo xiriiri doona.",
    meetingTitle: "Kulanka xiga", when: "{date} saacadda {time}", place: "Goobta", agenda: "Ajandaha", noMeeting: "Weli kulan lama qorsheyn.",
    goalsTitle: "Yoolalkaaga", noGoals: "Weli yoolal ma dejin.",
    goals: { labour_market: "Fahamka suuqa shaqada ee xirfaddayda", cv_danish: "CV af Deenish ah", applications: "Dirista codsiyo shaqo", interview_practice: "Ku tababarka wareysiga shaqada", network_contacts: "Samaynta xiriirro shaqo", change_industry: "Caddeynta inaan beddelo xirfaddayda", placement: "Helitaanka tababar, shaqo mushahar-taageero ah ama waxbarasho", own: "Yool gaar ah" },
    statuses: { planned: "La dejiyay", in_progress: "Socda", reached: "La gaaray", dropped: "La joojiyay" },
    coordinatorTitle: "Isku-duwahaaga", writeTo: "U qor {name}: {email}", callMe: "I soo wac", callDone: "Mahadsanid. Isku-duwe ayaa dhowaan ku soo wici doona.", callAlready: "Horay ayaad u codsatay wicitaan. Isku-duwe ayaa ku soo wici doona.",
    contactTitle: "Lambarka telefoonka iyo luqadda", phoneNow: "Lambarkaaga hadda: {phone}", newPhone: "Lambar telefoon cusub", newPhoneHint: "Madhan: lambarkaagu wuu sii jirayaa", language: "Luqadda fariimaha", sendCode: "Dir koodh",
    codeSent: "Koodh ayaan kuu dirnay. Halkan ku qor.", code: "Koodh (6 lambar)", confirm: "Xaqiiji", changed: "Xogtaada waa la beddelay.",
    messagesTitle: "Fariimaha", optOut: "Jooji fariimaha",
    invalid: "Linkigu ma shaqeynayo.", expired: "Linkigu wuu dhacay.", revoked: "Linkiga waa la xiray.", closed: "Boggaaga waa la xiray sababtoo ah barnaamijkaagu wuu dhammaaday.",
    newLinkSms: "U dir LINK {number} si aad u hesho link cusub, ama la xiriir isku-duwahaaga.", newLinkCoordinator: "La xiriir isku-duwahaaga si aad u hesho link cusub.",
    errorTitle: "Dhib ayaa jira", tooFast: "Wax yar sug oo mar kale isku day.",
    errors: { phoneInvalid: "Qor lambar telefoon oo sax ah", codeInvalid: "Qor 6-da lambar ee fariinta", wrong_code: "Koodhku waa khalad", code_expired: "Koodhku mar dambe ma shaqeeyo. Codso mid cusub.", too_many: "Koodho badan ayaad codsatay. Isku day saacad kadib.", nothing_changed: "Qor lambar cusub ama dooro luqad kale", no_channel: "Koodh kuuma diri karno. La xiriir isku-duwahaaga.", link: "Linkigu mar dambe ma shaqeeyo.", already: "Horay ayaad u codsatay wicitaan.", invalid: "Wax baa khaldan. Mar kale isku day." },
  },
  uk: {
    forms: { in_person: "Особиста зустріч", phone: "Телефон", video: "Відео", company_visit: "Відвідування компанії" },
    title: "Моя сторінка в Mentorbro", hello: "Вітаємо, {name}",
    mentorTitle: "Ваш ментор", mentorName: "Вашого ментора звати {name}.", phone: "Телефон", noMentor: "У вас ще немає ментора. Координатор зв'яжеться з вами.",
    meetingTitle: "Наступна зустріч", when: "{date} о {time}", place: "Місце", agenda: "Порядок денний", noMeeting: "Зустріч ще не запланована.",
    goalsTitle: "Ваші цілі", noGoals: "Ви ще не поставили цілей.",
    goals: { labour_market: "Зрозуміти ринок праці в моїй галузі", cv_danish: "Резюме данською", applications: "Надіслати заявки на роботу", interview_practice: "Потренуватися до співбесід", network_contacts: "Налагодити професійні контакти", change_industry: "З'ясувати, чи варто змінити галузь", placement: "Знайти практику, роботу з дотацією до зарплати або навчання", own: "Власна ціль" },
    statuses: { planned: "Поставлено", in_progress: "У процесі", reached: "Досягнуто", dropped: "Відмовилися" },
    coordinatorTitle: "Ваш координатор", writeTo: "Напишіть {name}: {email}", callMe: "Зателефонуйте мені", callDone: "Дякуємо. Координатор незабаром вам зателефонує.", callAlready: "Ви вже попросили дзвінок. Координатор вам зателефонує.",
    contactTitle: "Номер телефону та мова", phoneNow: "Ваш номер зараз: {phone}", newPhone: "Новий номер телефону", newPhoneHint: "Порожнє поле: номер не зміниться", language: "Мова повідомлень", sendCode: "Надіслати код",
    codeSent: "Ми надіслали код. Введіть його тут.", code: "Код (6 цифр)", confirm: "Підтвердити", changed: "Ваші дані змінено.",
    messagesTitle: "Повідомлення", optOut: "Відписатися від повідомлень",
    invalid: "Посилання не працює.", expired: "Термін дії посилання минув.", revoked: "Посилання закрито.", closed: "Вашу сторінку закрито, бо ваша програма завершилася.",
    newLinkSms: "Надішліть LINK на {number}, щоб отримати нове посилання, або зверніться до координатора.", newLinkCoordinator: "Зверніться до координатора, щоб отримати нове посилання.",
    errorTitle: "Є проблема", tooFast: "Зачекайте трохи й спробуйте ще раз.",
    errors: { phoneInvalid: "Введіть правильний номер телефону", codeInvalid: "Введіть 6 цифр із повідомлення", wrong_code: "Код неправильний", code_expired: "Код більше не діє. Попросіть новий.", too_many: "Ви попросили забагато кодів. Спробуйте через годину.", nothing_changed: "Введіть новий номер або виберіть іншу мову", no_channel: "Ми не можемо надіслати вам код. Зверніться до координатора.", link: "Посилання більше не працює.", already: "Ви вже попросили дзвінок.", invalid: "Щось не так. Спробуйте ще раз." },
  },
  kmr: {
    forms: { in_person: "Civîna rû bi rû", phone: "Telefon", video: "Vîdeo", company_visit: "Serdana şirketê" },
    title: "Rûpela min li Mentorbro", hello: "Silav {name}",
    mentorTitle: "Mentorê te", mentorName: "Navê mentorê te {name} e.", phone: "Telefon", noMentor: "Hîn mentorek ji te re nehatiye diyarkirin. Koordînatorek dê bi te re têkilî dayne.",
    meetingTitle: "Civîna bê", when: "{date} saet {time}", place: "Cih", agenda: "Rojev", noMeeting: "Hîn civînek nehatiye plankirin.",
    goalsTitle: "Armancên te", noGoals: "We hîn armanc danenîne.",
    goals: { labour_market: "Têgihîştina bazara kar di warê min de", cv_danish: "CV bi danîkî", applications: "Şandina serlêdanan", interview_practice: "Perwerdeya hevpeyvîna kar", network_contacts: "Çêkirina têkiliyên karî", change_industry: "Zelalkirina ka ez warê xwe biguherim", placement: "Dîtina stajê, karê bi piştgiriya mûçeyê an perwerdehiyê", own: "Armanca xwe" },
    statuses: { planned: "Hatiye danîn", in_progress: "Berdewam e", reached: "Gihîşt", dropped: "Hat berdan" },
    coordinatorTitle: "Koordînatorê te", writeTo: "Ji {name} re binivîse: {email}", callMe: "Li min bigere", callDone: "Spas. Koordînatorek dê di demek nêz de li te bigere.", callAlready: "Te berê xwestiye ku li te were gerîn. Koordînatorek dê li te bigere.",
    contactTitle: "Hejmara telefonê û ziman", phoneNow: "Hejmara te ya niha: {phone}", newPhone: "Hejmara telefonê ya nû", newPhoneHint: "Vala: hejmara te dimîne", language: "Zimanê peyaman", sendCode: "Kodê bişîne",
    codeSent: "Me kodek ji te re şand. Li vir binivîse.", code: "Kod (6 hejmar)", confirm: "Piştrast bike", changed: "Agahiyên te hatin guhertin.",
    messagesTitle: "Peyam", optOut: "Peyaman rawestîne",
    invalid: "Girêdan naxebite.", expired: "Dema girêdanê derbas bûye.", revoked: "Girêdan hatiye girtin.", closed: "Rûpela te hatiye girtin ji ber ku qursa te qediya.",
    newLinkSms: "Ji bo girêdaneke nû LINK bişîne {number}, an bi koordînatorê xwe re têkilî dayne.", newLinkCoordinator: "Ji bo girêdaneke nû bi koordînatorê xwe re têkilî dayne.",
    errorTitle: "Pirsgirêkek heye", tooFast: "Hinekî bisekine û dîsa biceribîne.",
    errors: { phoneInvalid: "Hejmareke telefonê ya rast binivîse", codeInvalid: "6 hejmarên peyamê binivîse", wrong_code: "Kod şaş e", code_expired: "Kod êdî naxebite. Kodeke nû bixwaze.", too_many: "Te gelek kod xwestin. Piştî saetekê dîsa biceribîne.", nothing_changed: "Hejmareke nû binivîse an zimanekî din hilbijêre", no_channel: "Em nikarin kodê ji te re bişînin. Bi koordînatorê xwe re têkilî dayne.", link: "Girêdan êdî naxebite.", already: "Te berê xwestiye ku li te were gerîn.", invalid: "Tiştek şaş e. Dîsa biceribîne." },
  },
};

/** Fills `{x}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
