/**
 * The citizen's survey page (/s/$token) in the ten message languages: citizens have no account and read the page in
 * the language their messages use, which the UI's Danish/English strings do not cover. Kept short on purpose.
 */
import type { MessageLanguage } from "../domain/enums";

export type SurveyCopy = {
  title: string; intro: string; satisfaction: string; scaleLow: string; scaleHigh: string; closer: string;
  yes: string; no: string; unsure: string; comment: string; commentHint: string; submit: string; thanks: string;
  expired: string; answered: string; invalid: string; required: string; commentInvalid: string;
};

export const surveyCopy: Record<MessageLanguage, SurveyCopy> = {
  da: {
    title: "Hvordan går dit mentorforløb?", intro: "Tre korte spørgsmål. Dine svar læses af foreningens koordinatorer.",
    satisfaction: "Hvor tilfreds er du med forløbet?", scaleLow: "meget utilfreds", scaleHigh: "meget tilfreds",
    closer: "Er du kommet tættere på et job?", yes: "Ja", no: "Nej", unsure: "Ved ikke",
    comment: "Vil du fortælle mere? (valgfrit)", commentHint: "Skriv ikke om helbred.", submit: "Send svar", thanks: "Tak for dine svar!",
    expired: "Linket er udløbet.", answered: "Du har allerede svaret. Tak!", invalid: "Linket virker ikke.", required: "Vælg et svar", commentInvalid: "Fjern CPR-numre og helbredsoplysninger, og skriv højst 1000 tegn.",
  },
  en: {
    title: "How is your mentoring course going?", intro: "Three short questions. Your answers are read by the association's coordinators.",
    satisfaction: "How satisfied are you with the course?", scaleLow: "very dissatisfied", scaleHigh: "very satisfied",
    closer: "Have you come closer to a job?", yes: "Yes", no: "No", unsure: "Not sure",
    comment: "Do you want to tell us more? (optional)", commentHint: "Do not write about health.", submit: "Send answers", thanks: "Thank you for your answers!",
    expired: "The link has expired.", answered: "You have already answered. Thank you!", invalid: "The link does not work.", required: "Choose an answer", commentInvalid: "Remove any CPR number or health details, and write at most 1,000 characters.",
  },
  ar: {
    title: "كيف تسير فترة الإرشاد؟", intro: "ثلاثة أسئلة قصيرة. يقرأ منسقو الجمعية إجاباتك.",
    satisfaction: "ما مدى رضاك عن فترة الإرشاد؟", scaleLow: "غير راضٍ إطلاقاً", scaleHigh: "راضٍ جداً",
    closer: "هل أصبحت أقرب إلى الحصول على عمل؟", yes: "نعم", no: "لا", unsure: "لا أعرف",
    comment: "هل تريد أن تخبرنا بالمزيد؟ (اختياري)", commentHint: "لا تكتب عن الصحة.", submit: "إرسال الإجابات", thanks: "شكراً لإجاباتك!",
    expired: "انتهت صلاحية الرابط.", answered: "لقد أجبت بالفعل. شكراً!", invalid: "الرابط لا يعمل.", required: "اختر إجابة", commentInvalid: "احذف أي رقم CPR أو معلومات صحية، واكتب 1000 حرف كحد أقصى.",
  },
  ti: {
    title: "ናይ መማኽርቲ መደብኩም ከመይ ይኸይድ ኣሎ?", intro: "ሰለስተ ሓጸርቲ ሕቶታት። መልስታትኩም ብኣወሃሃድቲ ማሕበር ይንበብ።",
    satisfaction: "ብመደብኩም ክንደይ ዕጉባት ኢኹም?", scaleLow: "ብጣዕሚ ዘይዕጉብ", scaleHigh: "ብጣዕሚ ዕጉብ",
    closer: "ናብ ስራሕ ቀሪብኩም ዶ?", yes: "እወ", no: "ኣይፋል", unsure: "ኣይፈልጥን",
    comment: "ተወሳኺ ክትነግሩና ትደልዩ ዶ? (ኣማራጺ)", commentHint: "ብዛዕባ ጥዕና ኣይትጽሓፉ።", submit: "መልሲ ስደዱ", thanks: "ስለ መልስታትኩም የቐንየልና!",
    expired: "እቲ ሊንክ ግዜኡ ሓሊፉ።", answered: "ድሮ መሊስኩም ኢኹም። የቐንየልና!", invalid: "እቲ ሊንክ ኣይሰርሕን።", required: "መልሲ ምረጹ", commentInvalid: "ቁጽሪ CPR ወይ ሓበሬታ ጥዕና ኣልግሱ፣ ካብ 1000 ፊደላት ኣይትሕለፉ።",
  },
  fa: {
    title: "دوره منتورینگ شما چطور پیش می‌رود؟", intro: "سه سؤال کوتاه. پاسخ‌های شما را هماهنگ‌کنندگان انجمن می‌خوانند.",
    satisfaction: "چقدر از دوره راضی هستید؟", scaleLow: "خیلی ناراضی", scaleHigh: "خیلی راضی",
    closer: "آیا به پیدا کردن کار نزدیک‌تر شده‌اید؟", yes: "بله", no: "نه", unsure: "نمی‌دانم",
    comment: "می‌خواهید بیشتر بگویید؟ (اختیاری)", commentHint: "درباره سلامتی ننویسید.", submit: "ارسال پاسخ‌ها", thanks: "از پاسخ‌های شما سپاسگزاریم!",
    expired: "این لینک منقضی شده است.", answered: "شما قبلاً پاسخ داده‌اید. سپاسگزاریم!", invalid: "این لینک کار نمی‌کند.", required: "یک پاسخ انتخاب کنید", commentInvalid: "شماره CPR یا اطلاعات سلامتی را حذف کنید و حداکثر ۱۰۰۰ نویسه بنویسید.",
  },
  prs: {
    title: "دوره منتورینگ شما چطور پیش می‌رود؟", intro: "سه سوال کوتاه. جواب‌های شما را هماهنگ‌کننده‌های انجمن می‌خوانند.",
    satisfaction: "از دوره چقدر راضی هستید؟", scaleLow: "بسیار ناراضی", scaleHigh: "بسیار راضی",
    closer: "آیا به پیدا کردن وظیفه نزدیک‌تر شده‌اید؟", yes: "بلی", no: "نخیر", unsure: "نمی‌دانم",
    comment: "می‌خواهید بیشتر بگویید؟ (اختیاری)", commentHint: "در مورد صحت ننویسید.", submit: "فرستادن جواب‌ها", thanks: "از جواب‌های شما تشکر!",
    expired: "اعتبار این لینک ختم شده است.", answered: "شما قبلاً جواب داده‌اید. تشکر!", invalid: "این لینک کار نمی‌کند.", required: "یک جواب را انتخاب کنید", commentInvalid: "نمبر CPR یا معلومات صحی را حذف کنید و حداکثر ۱۰۰۰ حرف بنویسید.",
  },
  ps: {
    title: "ستاسو د لارښوونې دوره څنګه روانه ده؟", intro: "درې لنډې پوښتنې. ستاسو ځوابونه د ټولنې همغږي کوونکي لولي.",
    satisfaction: "له دورې څخه څومره راضي یاست؟", scaleLow: "ډېر ناراضه", scaleHigh: "ډېر راضي",
    closer: "ایا کار ته نږدې شوي یاست؟", yes: "هو", no: "نه", unsure: "نه پوهېږم",
    comment: "غواړئ نور څه ووایاست؟ (اختیاري)", commentHint: "د روغتیا په اړه مه لیکئ.", submit: "ځوابونه ولېږئ", thanks: "د ځوابونو مننه!",
    expired: "د دې لینک موده پای ته رسېدلې.", answered: "تاسو دمخه ځواب ورکړی. مننه!", invalid: "دا لینک کار نه کوي.", required: "یو ځواب وټاکئ", commentInvalid: "د CPR شمېره یا روغتیايي معلومات لرې کړئ، او تر ۱۰۰۰ تورو زیات مه لیکئ.",
  },
  so: {
    title: "Sidee buu u socdaa barnaamijkaaga la-talinta?", intro: "Saddex su'aalood oo gaagaaban. Jawaabahaaga waxaa akhriya isku-duwayaasha ururka.",
    satisfaction: "Intee in le'eg ayaad ku qanacsan tahay barnaamijka?", scaleLow: "aad ugu qanacsanayn", scaleHigh: "aad ugu qanacsan",
    closer: "Ma u dhowaatay shaqo?", yes: "Haa", no: "Maya", unsure: "Ma garanayo",
    comment: "Ma rabtaa inaad wax dheeraad ah noo sheegto? (ikhtiyaari)", commentHint: "Ha ka qorin caafimaadka.", submit: "Dir jawaabaha", thanks: "Waad ku mahadsan tahay jawaabahaaga!",
    expired: "Linkigu wuu dhacay.", answered: "Horay ayaad uga jawaabtay. Mahadsanid!", invalid: "Linkigu ma shaqeynayo.", required: "Dooro jawaab", commentInvalid: "Ka saar lambar CPR ama macluumaad caafimaad, kuna qor ugu badnaan 1000 xaraf.",
  },
  uk: {
    title: "Як проходить ваша програма наставництва?", intro: "Три короткі запитання. Ваші відповіді читають координатори асоціації.",
    satisfaction: "Наскільки ви задоволені програмою?", scaleLow: "зовсім не задоволений(-а)", scaleHigh: "дуже задоволений(-а)",
    closer: "Чи стали ви ближчими до роботи?", yes: "Так", no: "Ні", unsure: "Не знаю",
    comment: "Хочете розповісти більше? (необов'язково)", commentHint: "Не пишіть про здоров'я.", submit: "Надіслати відповіді", thanks: "Дякуємо за ваші відповіді!",
    expired: "Термін дії посилання минув.", answered: "Ви вже відповіли. Дякуємо!", invalid: "Посилання не працює.", required: "Оберіть відповідь", commentInvalid: "Видаліть номер CPR або відомості про здоров'я і напишіть не більше 1000 символів.",
  },
  kmr: {
    title: "Qursa te ya şêwirmendiyê çawa diçe?", intro: "Sê pirsên kurt. Koordînatorên komeleyê bersivên te dixwînin.",
    satisfaction: "Tu çiqas ji qursê razî yî?", scaleLow: "qet ne razî", scaleHigh: "gelek razî",
    closer: "Tu nêzîkî karekî bûyî?", yes: "Erê", no: "Na", unsure: "Nizanim",
    comment: "Tu dixwazî bêtir bibêjî? (ne mecbûrî)", commentHint: "Li ser tenduristiyê nenivîse.", submit: "Bersivan bişîne", thanks: "Spas ji bo bersivên te!",
    expired: "Dema girêdanê derbas bûye.", answered: "Te berê bersiv da. Spas!", invalid: "Ev girêdan naxebite.", required: "Bersivekê hilbijêre", commentInvalid: "Hejmara CPR an agahiyên tenduristiyê jê bibe, û herî zêde 1000 tîpan binivîse.",
  },
};
