import type { TFunction } from "i18next";

/** A message template's name for people ("Ny adgangskode"), never its code (`password_reset`) unless it has none yet. */
export function templateName(t: TFunction, key: string): string {
  return t(`messaging.templates.name.${key}`, { defaultValue: key });
}
