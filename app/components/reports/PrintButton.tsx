import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** A print button that only appears once JavaScript runs (without it, the browser's own print command works). */
export function PrintButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return <button type="button" className="button button-secondary" onClick={() => window.print()}>{t("reports.print")}</button>;
}
