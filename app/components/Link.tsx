/**
 * The app's link (decision 020). A link to an absolute path of this site ("/koordinator/mentorer/12") with nothing
 * but HTML attributes is a plain `<a href>` marked `data-nav`: one click handler on the document
 * (`useClientNavigation`, mounted once by the root) turns a plain left click on it into the router's navigation, the
 * way Remix's own `<Link>` would. Remix's `<Link>` resolves its path and sets up its click and prefetch hooks in every
 * instance, which on a list of fifty rows was a large share of the server's render. Anything else (a relative path, a
 * search of its own, prefetching, state, replace, …) is Remix's `<Link>` as before. Without JavaScript both are links.
 */
import { Link as RemixLink, useNavigate } from "@remix-run/react";
import { createElement, forwardRef, useEffect, type ComponentProps } from "react";

type Props = ComponentProps<typeof RemixLink>;

/** The props that ask for more than an anchor: these links go through Remix's `<Link>`. */
const routerProps = [
  "prefetch",
  "reloadDocument",
  "replace",
  "state",
  "preventScrollReset",
  "relative",
  "viewTransition",
  "discover",
] as const;

/** An absolute path on this site, with no scheme and no host ("//host" is another site). */
export function isPlainPath(to: Props["to"]): to is string {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//");
}

export const Link = forwardRef<HTMLAnchorElement, Props>(function Link(props, ref) {
  if (isPlainPath(props.to) && !asksForRouter(props)) {
    // The anchor's attributes are the props but `to`, copied in a loop: a page renders this fifty times, and a spread
    // or a rest pattern cost half again as much (measured with renderToString). data-discover: as Remix's <Link> marks
    // it, so the browser learns the routes of the links on screen ahead of a click.
    /* eslint-disable react-hooks/refs -- the ref is handed to the anchor as JSX would hand it, never read here */
    const anchor: Record<string, unknown> = { ref, "data-nav": "", "data-discover": "true" };
    for (const k in props) if (k !== "to") anchor[k] = (props as Record<string, unknown>)[k];
    anchor.href = props.to;
    return createElement("a", anchor);
    /* eslint-enable react-hooks/refs */
  }
  return <RemixLink {...props} ref={ref} />;
});

function asksForRouter(props: Props): boolean {
  for (const p of routerProps) if (props[p] !== undefined) return true;
  return false;
}

/** Whether a click on `a` is one the router should take: a plain left click on a same-site link for this window. */
export function routerTakes(
  e: Pick<MouseEvent, "defaultPrevented" | "button" | "metaKey" | "altKey" | "ctrlKey" | "shiftKey">,
  a: { target: string; hasDownload: boolean; origin: string },
  origin: string,
): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return false;
  if (a.target && a.target !== "_self") return false;
  return !a.hasDownload && a.origin === origin;
}

/** Mounted once (root): a click on a `data-nav` link navigates in the app, as a click on Remix's `<Link>` does. */
export function useClientNavigation(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const a = e.target instanceof Element ? e.target.closest("a[data-nav]") : null;
      if (!(a instanceof HTMLAnchorElement)) return;
      const taken = routerTakes(
        e,
        { target: a.target, hasDownload: a.hasAttribute("download"), origin: a.origin },
        window.location.origin,
      );
      if (!taken) return;
      e.preventDefault();
      const to = a.pathname + a.search + a.hash;
      const here = window.location.pathname + window.location.search + window.location.hash;
      // Like Remix's <Link>: a link to the page one is on replaces the history entry instead of adding one.
      navigate(to, { replace: to === here });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}
