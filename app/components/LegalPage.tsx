import type { ReactNode } from "react";
import { Trans } from "react-i18next";
import { useTranslation } from "../i18n/use-translation";

/** The date the privacy notice and the accessibility statement were last reviewed (change it with their texts). */
export const LEGAL_TEXTS_DATE = "2026-11-24";

/** A section of a legal page: a heading, then a paragraph or a list, from the `legal` texts. */
export function LegalSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A list of sentences kept as an array in the texts (`legal.privacy.rights`...). */
export function TextList({ k, values }: { k: string; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const items = t(k, { returnObjects: true, ...values }) as unknown;
  return (
    <ul>
      {(Array.isArray(items) ? items : []).map((s, i) => (
        <li key={i}>{String(s)}</li>
      ))}
    </ul>
  );
}

/** A sentence of the texts with the contact address in it as a mail link (`<mail>{{email}}</mail>`). */
export function WithMail({ k, email, values }: { k: string; email: string; values?: Record<string, unknown> }) {
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- Trans fills the link with the text inside <mail>…</mail>.
  return <Trans i18nKey={k} values={{ email, ...values }} components={{ mail: <a href={`mailto:${email}`} /> }} />;
}
