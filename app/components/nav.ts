import type { Role } from "../domain/enums";

/** The main menu per role: i18n key and path. Feature modules add their entries here. */
export const navByRole: Record<Role, { key: string; to: string }[]> = {
  admin: [
    { key: "common.nav.start", to: "/admin" },
    { key: "common.nav.outbox", to: "/admin/outbox" },
    { key: "messaging.nav.templates", to: "/admin/skabeloner" },
    { key: "privacy.nav.accessLog", to: "/admin/adgangslog" },
    { key: "privacy.nav.retention", to: "/admin/opbevaring" },
    { key: "auth.security.nav", to: "/konto/sikkerhed" },
  ],
  coordinator: [
    { key: "common.nav.start", to: "/koordinator" },
    { key: "common.nav.outbox", to: "/admin/outbox" },
    { key: "auth.security.nav", to: "/konto/sikkerhed" },
  ],
  caseworker: [{ key: "common.nav.start", to: "/kommune" }],
  mentor: [{ key: "common.nav.start", to: "/mentor" }],
};
