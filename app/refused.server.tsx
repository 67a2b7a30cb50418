/**
 * The page server.mjs answers with when it refuses a cross-site or forged mutation (a foreign or "null" Origin, an
 * untrusted X-Forwarded-Host, Sec-Fetch-Site: cross-site) before Remix sees it: a small 403 document in the visitor's
 * language, so such a request never reaches Remix's own check (which throws, a 500 with an empty body).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { getLocale } from "./i18n/locale.server";
import { i18nFor } from "./i18n/i18n";

export async function refusedPage(headers: { cookie?: string; acceptLanguage?: string }): Promise<string> {
  const request = new Request("http://localhost/", {
    headers: {
      ...(headers.cookie ? { Cookie: headers.cookie } : {}),
      ...(headers.acceptLanguage ? { "Accept-Language": headers.acceptLanguage } : {}),
    },
  });
  const locale = await getLocale(request);
  const t = i18nFor(locale).t;
  const title = t("common.errors.refusedTitle");
  const page = (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("common.product")}`}</title>
        <link rel="stylesheet" href="/dkfds/css/dkfds.min.css" />
      </head>
      <body>
        <main className="container" id="main-content">
          <div className="mb-error" data-status="403">
            <h1>{title}</h1>
            <p>{t("common.errors.refusedBody")}</p>
            <p>
              <a href="/">{t("common.errors.goHome")}</a>
            </p>
          </div>
        </main>
        <footer className="container">
          <nav aria-label={t("legal.footer.label")}>
            <a href="/privatliv">{t("legal.footer.privacy")}</a> ·{" "}
            <a href="/tilgaengelighed">{t("legal.footer.accessibility")}</a>
          </nav>
        </footer>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}
