import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../i18n/format";

export function StatCards({ items }: { items: { label: string; value: number; to?: string }[] }) {
  const { i18n } = useTranslation();
  return (
    <ul className="mb-cards">
      {items.map((i) => (
        <li key={i.label} className="mb-card">
          <span className="mb-card__value">{formatNumber(i.value, i18n.language)}</span>
          {i.to ? <Link to={i.to}>{i.label}</Link> : <span>{i.label}</span>}
        </li>
      ))}
    </ul>
  );
}
