import { useSyncExternalStore } from "react";
import { useTranslation } from "../../i18n/use-translation";

const subscribe = () => () => {};

/** A print button that only appears once JavaScript runs (without it, the browser's own print command works). */
export function PrintButton() {
  const { t } = useTranslation();
  // false in the server's HTML and while hydrating, true once React runs in the browser: no effect, no second render.
  const ready = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!ready) return null;
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {t("reports.print")}
    </button>
  );
}
