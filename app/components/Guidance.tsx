/** Mentor guidance (issue 21): a page's text as paragraphs and lists (never markup), and the month's tips on the course page. */
import { useTranslation } from "../i18n/use-translation";
import { textBlocks } from "../domain/guidance-text";
import { formatDate, formatDateTime } from "../i18n/format";

export function GuidanceText({ body }: { body: string }) {
  return (
    <>
      {textBlocks(body).map((b, i) =>
        b.kind === "p" ? (
          <p key={i}>{b.text}</p>
        ) : (
          <ul key={i}>
            {b.items.map((x, j) => (
              <li key={j}>{x}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

export function GuidanceTips({ tips, month }: { tips: { id: number; title: string; body: string }[]; month: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tips-title" className="mb-tips">
      <h2 id="tips-title">{t("between.guidance.tips", { month })}</h2>
      {tips.map((tip) => (
        <article key={tip.id} aria-labelledby={`tip-${tip.id}`}>
          <h3 id={`tip-${tip.id}`}>{tip.title}</h3>
          <GuidanceText body={tip.body} />
        </article>
      ))}
    </section>
  );
}

/** The record of what a mentor read, for the coordinator's mentor page. */
export function GuidanceReads({
  readAt,
  reads,
}: {
  readAt: string | null;
  reads: { pageId: number; version: number; readAt: string; title: string; current: boolean }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="h-guidance">
      <h2 id="h-guidance">{t("between.guidance.reads.title")}</h2>
      <p>
        {readAt
          ? t("between.guidance.reads.readAt", { date: formatDate(readAt, i18n.language) })
          : t("between.guidance.reads.none")}
      </p>
      {reads.length ? (
        <ul>
          {reads.map((r) => (
            <li key={`${r.pageId}:${r.version}`}>
              {r.title} · {t("between.guidance.reads.version")} {r.version}
              {r.current ? "" : ` (${t("between.guidance.reads.outdated")})`} ·{" "}
              {formatDateTime(r.readAt, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
