/**
 * Small helpers the templates share: dates in the recipient's language (through Intl) and sentences that end with
 * exactly one full stop, whatever the value before it ends with ("Hoteller mv." stays "Hoteller mv.", not "mv..").
 */
export { formatMessageDate as messageDate } from "../app/i18n/format";

export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
