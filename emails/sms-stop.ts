/**
 * The line that tells a citizen how to stop SMS, appended by the renderer to every SMS about a mentee when a number
 * that receives SMS is configured (SMS_STOP_NUMBER). Our sender id is a name, which cannot be answered, so the line
 * names the number instead of saying "reply". The inbound webhook understands STOP, STOPP, AFMELD and a few more.
 * Right-to-left languages keep the number left-to-right with a mark (plain SMS text has no markup).
 */
import { isRtl, type MessageLanguage } from "../app/domain/enums";

const LINES: Record<MessageLanguage, (n: string) => string> = {
  da: (n) => `Send STOP til ${n} for at afmelde sms.`,
  en: (n) => `Text STOP to ${n} to stop text messages.`,
  ar: (n) => `للتوقف عن الرسائل النصية أرسل STOP إلى ${n}.`,
  ti: (n) => `ኤስኤምኤስ ንምቁራጽ STOP ናብ ${n} ስደዱ።`,
  fa: (n) => `برای لغو پیامک، STOP را به ${n} ارسال کنید.`,
  prs: (n) => `برای توقف پیام‌های کوتاه، STOP را به ${n} بفرستید.`,
  ps: (n) => `د لنډو پیغامونو د بندولو لپاره STOP ${n} ته ولېږئ.`,
  so: (n) => `U dir STOP ${n} si aad u joojiso SMS-ka.`,
  uk: (n) => `Щоб відписатися від SMS, надішліть STOP на номер ${n}.`,
  kmr: (n) => `Ji bo rawestandina SMS-an STOP bişîne ${n}.`,
};

export function smsStopLine(lang: MessageLanguage, number: string): string {
  const n = isRtl(lang) ? `\u200E${number}\u200E` : number;
  return LINES[lang](n);
}
