/** Messages of the volunteer journey (to mentors, in Danish or English: the language they signed up in). */
import { defineTemplate } from "../types";
import { letters, type LetterWords } from "../letter";

type Link = { name: string; url: string };

/** A letter of the volunteer journey: to the mentor, greeted by name, linking to `url` (a secret when it holds a token). */
const mentorLetter = (words: Record<"da" | "en", LetterWords<Link>>, { secretLink = false } = {}) =>
  defineTemplate<Link>({
    audience: "mentor",
    ...(secretLink ? { secrets: ["url"] as const } : {}),
    copies: letters(words, { hello: (d) => d.name }),
  });

export const mentorVerify = mentorLetter(
  {
    da: {
      subject: "Bekræft din e-mail – Bliv mentor",
      lines: () => [
        "Tak fordi du vil være frivillig erhvervsmentor. Bekræft din e-mailadresse og vælg en adgangskode, så vi kan behandle din ansøgning.",
        "Linket virker i 48 timer. Har du ikke tilmeldt dig, kan du se bort fra denne e-mail.",
      ],
      action: "Bekræft e-mail",
    },
    en: {
      subject: "Confirm your email – Become a mentor",
      lines: () => [
        "Thank you for volunteering as a business mentor. Confirm your email address and choose a password so we can process your application.",
        "The link works for 48 hours. If you did not sign up, you can ignore this email.",
      ],
      action: "Confirm email",
    },
  },
  { secretLink: true },
);

export const mentorAlreadyRegistered = defineTemplate<{ loginUrl: string; resetUrl: string }>({
  audience: "mentor",
  copies: letters(
    {
      da: {
        subject: "Du er allerede tilmeldt som mentor",
        lines: (d) => [
          "Nogen (forhåbentlig dig) har forsøgt at tilmelde denne e-mailadresse som mentor igen.",
          `Du har allerede en tilmelding. Log ind på ${d.loginUrl} for at se status og rette din profil.`,
          `Har du glemt din adgangskode, kan du vælge en ny på ${d.resetUrl}.`,
        ],
        action: "Log ind",
      },
      en: {
        subject: "You have already signed up as a mentor",
        lines: (d) => [
          "Someone (hopefully you) tried to sign this email address up as a mentor again.",
          `You already have a sign-up. Log in at ${d.loginUrl} to see its status and edit your profile.`,
          `If you forgot your password, you can choose a new one at ${d.resetUrl}.`,
        ],
        action: "Log in",
      },
    },
    { link: (d) => d.loginUrl },
  ),
});

export const mentorNextSteps = mentorLetter({
  da: {
    subject: "Tak for din tilmelding – det sker nu",
    lines: () => [
      "Din e-mail er bekræftet, og din ansøgning er modtaget. Sådan går det videre:",
      "1. En koordinator ringer dig op inden for et par uger til en kort samtale om dig og mentorrollen.",
      "2. Du får en introduktion til at være mentor (et møde eller online), og du underskriver en tavshedserklæring.",
      "3. Når du er godkendt, finder vi en mentee i din branche og i dit område. Du bruger ca. 4 timer om måneden i 6 måneder.",
      "Du kan altid se status og rette din profil på din side.",
    ],
    action: "Gå til min side",
  },
  en: {
    subject: "Thank you for signing up – what happens next",
    lines: () => [
      "Your email is confirmed and we have received your application. Next:",
      "1. A coordinator will call you within a couple of weeks for a short talk about you and the mentor role.",
      "2. You get an introduction to being a mentor (a meeting or online) and sign a confidentiality declaration.",
      "3. Once approved, we find a mentee in your industry and area. You give about 4 hours a month for 6 months.",
      "You can always see the status and edit your profile on your page.",
    ],
    action: "Go to my page",
  },
});

export const mentorApproved = mentorLetter({
  da: {
    subject: "Du er godkendt som mentor",
    lines: () => [
      "Tak for samtalen og introduktionen. Du er nu godkendt som erhvervsmentor.",
      "Vi giver besked, så snart vi har fundet en mentee, der passer til din branche og dit område. Har du ikke allerede gjort det, så læs introduktionen til mentorrollen på din side: først da kan vi matche dig. Du kan sætte en pause på din side, hvis du får travlt.",
    ],
    action: "Gå til min side",
  },
  en: {
    subject: "You are approved as a mentor",
    lines: () => [
      "Thank you for the talk and the introduction. You are now approved as a business mentor.",
      "We will let you know as soon as we find a mentee who fits your industry and area. If you have not done so yet, read the introduction to the mentor role on your page: only then can we match you. You can set a pause on your page if you get busy.",
    ],
    action: "Go to my page",
  },
});

export const mentorRejected = mentorLetter({
  da: {
    subject: "Om din tilmelding som mentor",
    lines: () => [
      "Tusind tak for din interesse og for den tid, du har brugt på at tale med os.",
      "Vi kan desværre ikke tilbyde dig et mentorforløb lige nu. Det er ikke en vurdering af dig som person, men af hvad vores mentees har brug for i øjeblikket.",
      "Du er velkommen til at kontakte os, hvis du har spørgsmål, eller til at tilmelde dig igen senere.",
    ],
  },
  en: {
    subject: "About your sign-up as a mentor",
    lines: () => [
      "Thank you very much for your interest and for the time you spent talking with us.",
      "Unfortunately we cannot offer you a mentoring course right now. This is not a judgement of you as a person, but of what our mentees need at the moment.",
      "You are welcome to contact us with questions, or to sign up again later.",
    ],
  },
});
