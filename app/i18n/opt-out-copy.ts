/**
 * The opt-out page (/afmeld/$token) in the ten message languages: the link comes in a message to a citizen, in the
 * language that message was written in, so the page must speak it too (the UI's Danish/English strings do not cover
 * it). Like the survey page's copy, written by us and awaiting review by native speakers.
 */
import type { MessageLanguage } from "../domain/enums";

export type OptOutCopy = {
  /** The language's own name, for the "read in" links. */
  languageName: string;
  title: string;
  intro: string;
  channels: string;
  email: string;
  sms: string;
  submit: string;
  done: string;
  /** "{channels}" is replaced by the list of channels already stopped. */
  already: string;
  emailName: string;
  smsName: string;
  chooseOne: string;
  invalid: string;
  errorTitle: string;
};

export const optOutCopy: Record<MessageLanguage, OptOutCopy> = {
  da: {
    languageName: "Dansk",
    title: "Afmeld beskeder fra Mentorbro",
    intro: "Vælg, hvilke beskeder du ikke længere vil have. Din koordinator kan stadig ringe til dig.",
    channels: "Beskeder",
    email: "Stop e-mails",
    sms: "Stop sms'er",
    submit: "Afmeld",
    done: "Du er afmeldt. Du får ikke flere beskeder ad den vej.",
    already: "Du er allerede afmeldt: {channels}.",
    emailName: "e-mail",
    smsName: "sms",
    chooseOne: "Vælg mindst én slags beskeder",
    invalid: "Linket virker ikke. Kontakt din koordinator, hvis du vil afmelde beskeder.",
    errorTitle: "Der er en fejl",
  },
  en: {
    languageName: "English",
    title: "Unsubscribe from Mentorbro messages",
    intro: "Choose which messages you no longer want. Your coordinator can still call you.",
    channels: "Messages",
    email: "Stop emails",
    sms: "Stop text messages",
    submit: "Unsubscribe",
    done: "You are unsubscribed. You will get no more messages that way.",
    already: "You are already unsubscribed: {channels}.",
    emailName: "email",
    smsName: "text messages",
    chooseOne: "Choose at least one kind of message",
    invalid: "The link does not work. Contact your coordinator if you want to unsubscribe.",
    errorTitle: "There is a problem",
  },
  ar: {
    languageName: "العربية",
    title: "إلغاء الاشتراك في رسائل Mentorbro",
    intro: "اختر الرسائل التي لا تريد استلامها بعد الآن. لا يزال بإمكان منسقك الاتصال بك.",
    channels: "الرسائل",
    email: "إيقاف رسائل البريد الإلكتروني",
    sms: "إيقاف الرسائل النصية",
    submit: "إلغاء الاشتراك",
    done: "تم إلغاء اشتراكك. لن تصلك رسائل أخرى بهذه الطريقة.",
    already: "لقد ألغيت الاشتراك بالفعل: {channels}.",
    emailName: "البريد الإلكتروني",
    smsName: "الرسائل النصية",
    chooseOne: "اختر نوعاً واحداً من الرسائل على الأقل",
    invalid: "الرابط لا يعمل. تواصل مع منسقك إذا أردت إلغاء الاشتراك.",
    errorTitle: "هناك مشكلة",
  },
  ti: {
    languageName: "ትግርኛ",
    title: "ካብ Mentorbro መልእኽቲ ምቕባል ኣቋርጹ",
    intro: "ክትቕበልዎም ዘይትደልዩ መልእኽትታት ምረጹ። ኣወሃሃዲኹም ገና ክድውለልኩም ይኽእል እዩ።",
    channels: "መልእኽትታት",
    email: "ኢመይል ኣቋርጹ",
    sms: "ኤስኤምኤስ ኣቋርጹ",
    submit: "ኣቋርጹ",
    done: "ኣቋሪጽኩም ኣለኹም። ብኡ መንገዲ ተወሳኺ መልእኽቲ ኣይክመጸኩምን እዩ።",
    already: "ድሮ ኣቋሪጽኩም ኢኹም፡ {channels}።",
    emailName: "ኢመይል",
    smsName: "ኤስኤምኤስ",
    chooseOne: "እንተወሓደ ሓደ ዓይነት መልእኽቲ ምረጹ",
    invalid: "እቲ ሊንክ ኣይሰርሕን። ክተቋርጹ እንተደሊኹም ንኣወሃሃዲኹም ተወከሱ።",
    errorTitle: "ጸገም ኣሎ",
  },
  fa: {
    languageName: "فارسی",
    title: "لغو اشتراک پیام‌های Mentorbro",
    intro: "انتخاب کنید کدام پیام‌ها را دیگر نمی‌خواهید. هماهنگ‌کننده شما همچنان می‌تواند با شما تماس بگیرد.",
    channels: "پیام‌ها",
    email: "توقف ایمیل‌ها",
    sms: "توقف پیامک‌ها",
    submit: "لغو اشتراک",
    done: "اشتراک شما لغو شد. دیگر از این راه پیامی دریافت نمی‌کنید.",
    already: "اشتراک شما قبلاً لغو شده است: {channels}.",
    emailName: "ایمیل",
    smsName: "پیامک",
    chooseOne: "دست‌کم یک نوع پیام را انتخاب کنید",
    invalid: "این لینک کار نمی‌کند. اگر می‌خواهید اشتراک را لغو کنید، با هماهنگ‌کننده خود تماس بگیرید.",
    errorTitle: "مشکلی وجود دارد",
  },
  prs: {
    languageName: "دری",
    title: "لغو پیام‌های Mentorbro",
    intro: "انتخاب کنید که کدام پیام‌ها را دیگر نمی‌خواهید. هماهنگ‌کننده شما هنوز هم می‌تواند به شما زنگ بزند.",
    channels: "پیام‌ها",
    email: "توقف ایمیل‌ها",
    sms: "توقف پیام‌های کوتاه",
    submit: "لغو کردن",
    done: "پیام‌ها لغو شد. از این راه دیگر پیامی نمی‌گیرید.",
    already: "شما قبلاً لغو کرده‌اید: {channels}.",
    emailName: "ایمیل",
    smsName: "پیام کوتاه",
    chooseOne: "حداقل یک نوع پیام را انتخاب کنید",
    invalid: "این لینک کار نمی‌کند. اگر می‌خواهید پیام‌ها را لغو کنید، با هماهنگ‌کننده خود به تماس شوید.",
    errorTitle: "یک مشکل وجود دارد",
  },
  ps: {
    languageName: "پښتو",
    title: "د Mentorbro پیغامونه بند کړئ",
    intro: "وټاکئ چې کوم پیغامونه نور نه غواړئ. ستاسو همغږی کوونکی بیا هم تاسو ته زنګ وهلی شي.",
    channels: "پیغامونه",
    email: "بریښنالیکونه بند کړئ",
    sms: "لنډ پیغامونه بند کړئ",
    submit: "بند یې کړئ",
    done: "پیغامونه بند شول. له دې لارې به نور پیغامونه نه درځي.",
    already: "تاسو دمخه بند کړي دي: {channels}.",
    emailName: "بریښنالیک",
    smsName: "لنډ پیغام",
    chooseOne: "لږ تر لږه یو ډول پیغام وټاکئ",
    invalid: "دا لینک کار نه کوي. که غواړئ پیغامونه بند کړئ، له خپل همغږي کوونکي سره اړیکه ونیسئ.",
    errorTitle: "یوه ستونزه شته",
  },
  so: {
    languageName: "Soomaali",
    title: "Jooji fariimaha Mentorbro",
    intro: "Dooro fariimaha aadan mar dambe rabin. Isku-duwahaagu weli wuu ku soo wici karaa.",
    channels: "Fariimaha",
    email: "Jooji iimaylada",
    sms: "Jooji fariimaha SMS-ka",
    submit: "Jooji",
    done: "Waa laga joojiyay. Jidkaas fariimo dambe kuma soo gaari doonaan.",
    already: "Horay ayaad u joojisay: {channels}.",
    emailName: "iimayl",
    smsName: "SMS",
    chooseOne: "Dooro ugu yaraan hal nooc oo fariin ah",
    invalid: "Linkigu ma shaqeynayo. La xiriir isku-duwahaaga haddii aad rabto inaad joojiso fariimaha.",
    errorTitle: "Dhib ayaa jira",
  },
  uk: {
    languageName: "Українська",
    title: "Відписатися від повідомлень Mentorbro",
    intro: "Оберіть, які повідомлення ви більше не хочете отримувати. Ваш координатор усе ще може вам зателефонувати.",
    channels: "Повідомлення",
    email: "Зупинити електронні листи",
    sms: "Зупинити SMS",
    submit: "Відписатися",
    done: "Ви відписалися. Ви більше не отримуватимете повідомлень цим способом.",
    already: "Ви вже відписалися: {channels}.",
    emailName: "електронна пошта",
    smsName: "SMS",
    chooseOne: "Оберіть принаймні один вид повідомлень",
    invalid: "Посилання не працює. Зверніться до свого координатора, якщо хочете відписатися.",
    errorTitle: "Є проблема",
  },
  kmr: {
    languageName: "Kurmancî",
    title: "Peyamên Mentorbro rawestîne",
    intro: "Hilbijêre ka tu êdî kîjan peyaman naxwazî. Koordînatorê te dîsa jî dikare te bigere.",
    channels: "Peyam",
    email: "E-nameyan rawestîne",
    sms: "SMS-an rawestîne",
    submit: "Rawestîne",
    done: "Peyam hatin rawestandin. Tu êdî bi vê rêyê peyaman nastînî.",
    already: "Te berê rawestandiye: {channels}.",
    emailName: "e-name",
    smsName: "SMS",
    chooseOne: "Herî kêm cureyekî peyamê hilbijêre",
    invalid: "Girêdan naxebite. Heke tu dixwazî peyaman rawestînî, bi koordînatorê xwe re têkilî dayne.",
    errorTitle: "Pirsgirêkek heye",
  },
};
