import type { Role } from "../domain/enums";

/** The main menu per role: i18n key and path. Feature modules add their entries here. */
export const navByRole: Record<Role, { key: string; to: string }[]> = {
  admin: [
    { key: "common.nav.start", to: "/admin" },
    { key: "reports.nav.coordinator", to: "/koordinator/rapporter" },
    { key: "common.nav.outbox", to: "/admin/outbox" },
    { key: "referrals.nav.municipalities", to: "/admin/kommuner" },
    { key: "messaging.nav.templates", to: "/admin/skabeloner" },
    { key: "privacy.nav.accessLog", to: "/admin/adgangslog" },
    { key: "privacy.nav.retention", to: "/admin/opbevaring" },
    { key: "matching.nav.weights", to: "/admin/matchvaegte" },
    { key: "auth.security.nav", to: "/konto/sikkerhed" },
  ],
  coordinator: [
    { key: "common.nav.start", to: "/koordinator" },
    { key: "volunteer.nav.mentors", to: "/koordinator/mentorer" },
    { key: "referrals.nav.queue", to: "/koordinator/ventende" },
    { key: "referrals.nav.demand", to: "/koordinator/behov" },
    { key: "reports.nav.coordinator", to: "/koordinator/rapporter" },
    { key: "courses.nav.courses", to: "/koordinator/forloeb" },
    { key: "courses.nav.followUps", to: "/koordinator/opfoelgning" },
    { key: "matching.nav.pool", to: "/koordinator/matching" },
    { key: "companies.nav.companies", to: "/virksomheder" },
    { key: "companies.nav.openings", to: "/opslag" },
    { key: "companies.nav.placements", to: "/placeringer" },
    { key: "between.nav.guidance", to: "/koordinator/vejledning" },
    { key: "common.nav.outbox", to: "/admin/outbox" },
    { key: "auth.security.nav", to: "/konto/sikkerhed" },
  ],
  caseworker: [
    { key: "common.nav.start", to: "/kommune" },
    { key: "referrals.nav.list", to: "/kommune/borgere" },
    { key: "referrals.nav.refer", to: "/kommune/borgere/ny" },
    { key: "reports.nav.caseworker", to: "/kommune/rapport" },
    { key: "companies.nav.openings", to: "/opslag" },
    { key: "companies.nav.companies", to: "/virksomheder" },
    { key: "companies.nav.placements", to: "/placeringer" },
  ],
  mentor: [
    { key: "common.nav.start", to: "/mentor" },
    { key: "volunteer.nav.profile", to: "/mentor/profil" },
    { key: "volunteer.nav.availability", to: "/mentor/tilgaengelighed" },
    { key: "companies.nav.tip", to: "/mentor/virksomhed" },
    { key: "between.nav.introduction", to: "/mentor/introduktion" },
  ],
};

/**
 * The one menu item the page belongs to: the item whose path is the longest prefix of the page's path (so
 * /kommune/borgere/ny is "Henvis borger", not also "Borgere"); `exact` when it is that very page.
 */
export function currentNavItem<T extends { to: string }>(
  items: readonly T[],
  pathname: string,
): (T & { exact: boolean }) | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  let best: T | null = null;
  for (const i of items) {
    if ((path === i.to || path.startsWith(`${i.to}/`)) && (!best || i.to.length > best.to.length)) best = i;
  }
  return best ? { ...best, exact: best.to === path } : null;
}
