import { createCookie } from "@remix-run/node";
import type { UiLocale } from "../domain/enums";
import { defaultLocale, isUiLocale } from "./i18n";
import { localeFromAcceptLanguage } from "./accept-language";

export const localeCookie = createCookie("mb_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

/** The UI language: the signed-in user's choice, else the cookie, else the browser's language, else Danish. */
export async function getLocale(request: Request, user?: { locale: string } | null): Promise<UiLocale> {
  if (user && isUiLocale(user.locale)) return user.locale;
  const v = await localeCookie.parse(request.headers.get("Cookie")).catch(() => null);
  if (isUiLocale(v)) return v;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLocale;
}

/** A translator for use in loaders/actions (e.g. for page titles or emails to staff). */
export { createI18n } from "./i18n";
