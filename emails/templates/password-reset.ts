import { defineTemplate } from "../types";
import { letters } from "../letter";

type Data = { name: string; url: string };

export default defineTemplate<Data>({
  audience: "staff",
  secrets: ["url"],
  copies: letters(
    {
      da: {
        subject: "Vælg en ny adgangskode til Mentorbro",
        lines: () => [
          "Nogen (forhåbentlig dig) har bedt om en ny adgangskode. Linket virker i 1 time.",
          "Har du ikke bedt om det, kan du se bort fra denne e-mail.",
        ],
        action: "Vælg ny adgangskode",
      },
      en: {
        subject: "Choose a new password for Mentorbro",
        lines: () => [
          "Someone (hopefully you) asked for a new password. The link works for 1 hour.",
          "If you did not ask, you can ignore this email.",
        ],
        action: "Choose a new password",
      },
    },
    { hello: (d) => d.name },
  ),
});
