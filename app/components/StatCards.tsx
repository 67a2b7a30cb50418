import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import { formatNumber } from "../i18n/format";

export function StatCards({ items }: { items: { label: string; value: number; to?: string }[] }) {
  const { i18n } = useTranslation();
  return (
    <ul className="mb-cards nobullet-list no-max-width">
      {items.map((i) => (
        <li key={i.label} className="mb-card">
          <span className="mb-card__value">{formatNumber(i.value, i18n.language)}</span>
          {i.to ? <Link to={i.to}>{i.label}</Link> : <span>{i.label}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The staff start page (admin and coordinator): a title, an intro and the queue counts that need someone. */
export function StaffStart({
  role,
  counts,
}: {
  role: "admin" | "coordinator";
  counts: {
    applied: number;
    waiting: number;
    active: number;
    followUpsDue: number;
    failedMessages: number;
    heldMessages: number;
  };
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(`staff.start.${role}.title`)}</h1>
      <p>{t(`staff.start.${role}.intro`)}</p>
      <StatCards
        items={[
          { label: t("staff.stats.applied"), value: counts.applied, to: "/koordinator/mentorer" },
          { label: t("staff.stats.waiting"), value: counts.waiting, to: "/koordinator/ventende" },
          { label: t("staff.stats.active"), value: counts.active, to: "/koordinator/forloeb?filter=running" },
          { label: t("staff.stats.followUpsDue"), value: counts.followUpsDue, to: "/koordinator/opfoelgning" },
          { label: t("staff.stats.failedMessages"), value: counts.failedMessages, to: "/admin/outbox?status=failed" },
          { label: t("staff.stats.heldMessages"), value: counts.heldMessages, to: "/admin/outbox?status=held" },
        ]}
      />
    </>
  );
}
