import { defineTemplate } from "../types";
import { letters } from "../letter";

type Data = { name: string; municipality: string; url: string };

/** An admin invites a municipal caseworker: a link to choose a password (valid 7 days). */
export default defineTemplate<Data>({
  audience: "caseworker",
  secrets: ["url"],
  copies: letters(
    {
      da: {
        subject: "Du er inviteret til Mentorbro",
        lines: (d) => [
          `Du er oprettet som sagsbehandler for ${d.municipality} Kommune i Mentorbro, hvor I henviser borgere til frivillige erhvervsmentorer.`,
          "Vælg en adgangskode for at komme i gang. Linket virker i 7 dage.",
          "Kender du ikke til invitationen, kan du se bort fra denne e-mail.",
        ],
        action: "Vælg adgangskode",
      },
      en: {
        subject: "You are invited to Mentorbro",
        lines: (d) => [
          `You have been added as a caseworker for ${d.municipality} Municipality in Mentorbro, where you refer citizens to volunteer business mentors.`,
          "Choose a password to get started. The link works for 7 days.",
          "If you do not know about this invitation, you can ignore this email.",
        ],
        action: "Choose a password",
      },
    },
    { hello: (d) => d.name },
  ),
});
