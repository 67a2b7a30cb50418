/** The text of a refused pair or answer (issue 18: the services return the refusal as an i18n key). */
import type { TFunction } from "i18next";

/**
 * A refusal's text. A refusal by the hard rules names them (`matching.errors.rule|{"rules":"a,b"}`). A bare code, as
 * pool-run pairs refused before the keys kept it (`busy`), is read as `matching.errors.<code>`.
 */
export function matchRefusalText(t: TFunction, message: string): string {
  const [key, raw] = (message.includes(".") ? message : `matching.errors.${message}`).split("|");
  const rules = raw
    ? String(JSON.parse(raw).rules ?? "")
        .split(",")
        .filter(Boolean)
    : [];
  return t(key, { rules: rules.map((r) => t(`matching.rule.${r}`)).join("; ") });
}
