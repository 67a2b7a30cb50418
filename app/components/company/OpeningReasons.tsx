/** Reasons of an opening score ({key, params} from app/domain/opening-match.ts) in the reader's language. */
import type { TFunction } from "i18next";
import { useTranslation } from "../../i18n/use-translation";
import { industryLabel } from "../MatchReasons";
import { formatDate } from "../../i18n/format";

type Reason = { key: string; params?: Record<string, unknown> };

export function openingReasonText(t: TFunction, lng: string, r: Reason): string {
  const p = r.params ?? {};
  const params: Record<string, unknown> = { ...p };
  if (typeof p.code === "string") params.label = industryLabel(p.code, lng);
  if (typeof p.level === "string")
    params.levelLabel = /^\d$/.test(p.level) ? t(`enum.iscedLevel.${p.level}`) : t(`enum.danishLevel.${p.level}`);
  if (typeof p.needed === "string") params.neededLabel = t(`enum.danishLevel.${p.needed}`);
  if (typeof p.date === "string") params.date = formatDate(p.date, lng);
  if (typeof p.years === "number") params.count = p.years;
  if (r.key.startsWith("rule.")) return String(t(`companies.rule.${r.key.slice(5)}`, params));
  return String(t(`companies.reason.${r.key}`, params));
}

export function OpeningReasons({ reasons }: { reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="mb-reasons">
      {reasons.map((r, i) => (
        <li key={i}>{openingReasonText(t, i18n.language, r)}</li>
      ))}
    </ul>
  );
}
