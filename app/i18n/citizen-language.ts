import type { MessageLanguage } from "../domain/enums";

/**
 * The language of a citizen's page (opt-out, their own page): the citizen's own message language, or Danish or English
 * when asked for with ?sprog= (a caseworker or coordinator helping).
 */
export function citizenPageLanguage(request: Request, own: MessageLanguage): MessageLanguage {
  const asked = new URL(request.url).searchParams.get("sprog");
  return asked === "da" || asked === "en" || asked === own ? asked : own;
}
