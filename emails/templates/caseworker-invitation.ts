import { defineTemplate } from "../types";

type Data = { name: string; municipality: string; url: string };

/** An admin invites a municipal caseworker: a link to choose a password (valid 7 days). */
export default defineTemplate<Data>({
  audience: "caseworker",
  secrets: ["url"],
  copies: {
    da: {
      subject: () => "Du er inviteret til Mentorbro",
      lines: (d) => [
        `Hej ${d.name}`,
        `Du er oprettet som sagsbehandler for ${d.municipality} Kommune i Mentorbro, hvor I henviser borgere til frivillige erhvervsmentorer.`,
        "Vælg en adgangskode for at komme i gang. Linket virker i 7 dage.",
        "Kender du ikke til invitationen, kan du se bort fra denne e-mail.",
      ],
      action: { label: "Vælg adgangskode", url: (d) => d.url },
    },
    en: {
      subject: () => "You are invited to Mentorbro",
      lines: (d) => [
        `Hello ${d.name}`,
        `You have been added as a caseworker for ${d.municipality} Municipality in Mentorbro, where you refer citizens to volunteer business mentors.`,
        "Choose a password to get started. The link works for 7 days.",
        "If you do not know about this invitation, you can ignore this email.",
      ],
      action: { label: "Choose a password", url: (d) => d.url },
    },
  },
});
