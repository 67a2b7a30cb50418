/** Reasons of a match score ({key, params} from app/domain/matching.ts) in the reader's language. */
import type { TFunction } from "i18next";
import { useTranslation } from "../i18n/use-translation";
import { industryLabel } from "../domain/industries";

type Reason = { key: string; params?: Record<string, unknown> };

export { industryLabel };

export function languageName(t: TFunction, code: string, lng: string): string {
  const key = `enum.messageLanguage.${code}`;
  const own = t(key);
  if (own !== key) return own;
  try {
    return new Intl.DisplayNames([lng === "en" ? "en" : "da"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function reasonText(t: TFunction, lng: string, r: Reason): string {
  if (r.key.startsWith("rule.")) return t(`matching.${r.key}`);
  const p = r.params ?? {};
  const params: Record<string, unknown> = { ...p };
  if (typeof p.code === "string") params.label = industryLabel(p.code, lng);
  if (Array.isArray(p.languages))
    params.languages = new Intl.ListFormat(lng === "en" ? "en" : "da", { type: "conjunction" }).format(
      p.languages.map((l) => languageName(t, String(l), lng)),
    );
  return String(t(`matching.reason.${r.key}`, params));
}

export function MatchReasons({ reasons }: { reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="mb-reasons">
      {reasons.map((r, i) => (
        <li key={i}>{reasonText(t, i18n.language, r)}</li>
      ))}
    </ul>
  );
}
