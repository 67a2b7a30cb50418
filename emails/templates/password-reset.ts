import { defineTemplate } from "../types";

type Data = { name: string; url: string };

export default defineTemplate<Data>({
  audience: "staff",
  secrets: ["url"],
  copies: {
    da: {
      subject: () => "Vælg en ny adgangskode til Mentorbro",
      lines: (d) => [
        `Hej ${d.name}`,
        "Nogen (forhåbentlig dig) har bedt om en ny adgangskode. Linket virker i 1 time.",
        "Har du ikke bedt om det, kan du se bort fra denne e-mail.",
      ],
      action: { label: "Vælg ny adgangskode", url: (d) => d.url },
    },
    en: {
      subject: () => "Choose a new password for Mentorbro",
      lines: (d) => [
        `Hello ${d.name}`,
        "Someone (hopefully you) asked for a new password. The link works for 1 hour.",
        "If you did not ask, you can ignore this email.",
      ],
      action: { label: "Choose a new password", url: (d) => d.url },
    },
  },
});
