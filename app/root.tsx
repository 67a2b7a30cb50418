import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { Link, useClientNavigation } from "./components/Link";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useTranslation } from "./i18n/use-translation";
import appCss from "./styles/app.css";
import { getSessionUser } from "./auth/session.server";
import { getLocale } from "./i18n/locale.server";
import { i18nFor } from "./i18n/i18n";
import { currentNavItem, navByRole } from "./components/nav";
import type { Role, UiLocale } from "./domain/enums";
import { useNonce } from "./utils/nonce";
import { GeneralErrorBoundary } from "./components/GeneralErrorBoundary";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: "/dkfds/css/dkfds.min.css" },
  { rel: "stylesheet", href: appCss },
];

export const meta: MetaFunction = () => [{ title: "Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await getLocale(request, user);
  return {
    locale,
    user: user ? { id: user.id, name: user.name, role: user.role } : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  const i18n = i18nFor(locale);
  const nonce = useNonce();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header({ user, locale }: { user: RootData["user"]; locale: UiLocale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const items = user ? navByRole[user.role as Role] : [];
  const current = currentNavItem(items, location.pathname);
  const other: UiLocale = locale === "da" ? "en" : "da";
  return (
    <header className="mb-header">
      <div className="mb-header__bar container">
        <Link to={user ? "/start" : "/"} className="mb-brand">
          <span className="mb-brand__name">{t("common.product")}</span>
          <span className="mb-brand__tagline">{t("common.tagline")}</span>
        </Link>
        <div className="mb-header__tools">
          <Form method="post" action="/sprog" className="mb-lang">
            <input type="hidden" name="redirectTo" value={here} />
            {/* The accessible name starts with the visible text (WCAG 2.5.3); what the button does follows for screen readers. */}
            <button type="submit" name="lng" value={other} className="button button-tertiary">
              <span lang={other}>{t(`common.language.${other}`)}</span>
              <span className="sr-only">{` (${t("common.language.switch")})`}</span>
            </button>
          </Form>
          {user ? (
            <Form method="post" action="/logout">
              <span className="mb-user">
                {user.name} · {t(`common.roleName.${user.role}`)}
              </span>{" "}
              <button type="submit" className="button button-secondary">
                {t("common.nav.logout")}
              </button>
            </Form>
          ) : (
            <>
              <Link to="/bliv-mentor" className="button button-primary">
                {t("common.nav.becomeMentor")}
              </Link>{" "}
              <Link to="/login" className="button button-secondary">
                {t("common.nav.login")}
              </Link>
            </>
          )}
        </div>
      </div>
      {items.length ? (
        <nav aria-label={t("common.nav.label")} className="mb-nav">
          <ul className="container no-max-width">
            {items.map((i) => (
              <li key={i.to}>
                <Link
                  to={i.to}
                  className={i.to === current?.to ? "active" : undefined}
                  aria-current={i.to !== current?.to ? undefined : current.exact ? "page" : "true"}
                >
                  {t(i.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function Shell({ children }: { children: ReactNode }) {
  useClientNavigation();
  const data = useRootData();
  const locale = data?.locale ?? "da";
  return (
    <Document locale={locale}>
      <SkipLink />
      <Header user={data?.user ?? null} locale={locale} />
      <main id="main-content" className="container mb-main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </Document>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skipnav" href="#main-content">
      {t("common.skipToContent")}
    </a>
  );
}

/** Every page's footer links the privacy notice and the accessibility statement (the web accessibility act asks for it). */
function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="mb-footer">
      <div className="container">
        <p>
          {t("common.product")} · {t("common.tagline")}
        </p>
        <nav aria-label={t("legal.footer.label")}>
          <ul className="mb-footer__links nobullet-list">
            <li>
              <Link to="/privatliv">{t("legal.footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/tilgaengelighed">{t("legal.footer.accessibility")}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

/** Errors of the public pages and of routes outside an area (each area's layout route has its own boundary). */
export function ErrorBoundary() {
  return (
    <Shell>
      <GeneralErrorBoundary area="public" />
    </Shell>
  );
}
