/**
 * The privacy notice (/privatliv) and the accessibility statement (/tilgaengelighed). Keep them true: docs/privacy.md
 * is the record of processing these pages summarise for the people concerned.
 */
export default {
  footer: {
    label: "Om Mentorbro",
    privacy: "Privatlivspolitik",
    accessibility: "Tilgængelighedserklæring",
  },
  privacy: {
    title: "Privatlivspolitik",
    intro:
      "Her kan du læse, hvilke oplysninger Mentorbro behandler om dig, hvorfor, hvem der ser dem, hvor længe vi gemmer dem, og hvilke rettigheder du har.",
    controllerTitle: "Hvem er ansvarlig?",
    controller: [
      "Foreningen, der driver Mentorbro, er dataansvarlig for oplysningerne om frivillige erhvervsmentorer og om medarbejdernes konti.",
      "For borgere, som et jobcenter henviser, er kommunen dataansvarlig. Foreningen behandler oplysningerne på kommunens vegne efter en databehandleraftale.",
    ],
    contact: "Skriv til <mail>{{email}}</mail>, hvis du har spørgsmål eller vil bruge dine rettigheder.",
    volunteersTitle: "Det indsamler vi om dig som frivillig mentor",
    volunteers: [
      "Når du tilmelder dig: navn, e-mail, telefonnummer, postnummer og kommune, arbejdsgiver (valgfrit), stilling, branche og de brancher, du har netværk i, års erfaring, om du er leder, sprog, køn (valgfrit), hvilket køn du helst vil være mentor for, hvad du kan tilbyde, hvornår du kan starte, hvor mange mentees du kan have, og hvorfor du vil være mentor.",
      "Når vi screener dig: datoer for screeningssamtale, introduktion og tavshedserklæring, koordinatorens noter fra samtalen, og at en straffeattest er set (kun datoen, aldrig indholdet).",
      "Under et forløb: jeres møder (dato, varighed, form, emner og næste skridt), koordinatorens opfølgningsopkald, resultatet for borgeren og dine svar på korte spørgeskemaer.",
      "Til din konto: e-mail, navn, en krypteret (hashet) adgangskode og tidspunktet for dit seneste login.",
    ],
    purposesTitle: "Hvorfor",
    purposes: [
      "For at vurdere og godkende dig som mentor og give dig en introduktion.",
      "For at matche dig med en borger i samme branche og i dit nærområde.",
      "For at følge op på forløbet, så både du og borgeren får den hjælp, I har brug for.",
      "For at lave statistik til kommuner og bevillingsgivere. Statistikken viser aldrig enkeltpersoner: tal om færre end 5 personer vises ikke.",
    ],
    basisTitle: "Retsgrundlag",
    basis:
      "Vi behandler oplysningerne om dig på grundlag af dit samtykke (databeskyttelsesforordningens artikel 6, stk. 1, litra a), som du giver, når du tilmelder dig. Vi gemmer, hvilken version af teksten du sagde ja til, og hvornår. Du kan trække samtykket tilbage når som helst; det ændrer ikke ved, at behandlingen indtil da var lovlig.",
    whoTitle: "Hvem ser oplysningerne",
    who: [
      "Foreningens koordinatorer og administratorer. Hver gang en medarbejder læser eller ændrer oplysninger om en person, bliver det skrevet i en adgangslog.",
      "Den borger, du bliver matchet med, får kun dit fornavn. Jobcentret, der har henvist borgeren, får også kun dit fornavn.",
      "Vores leverandører af e-mail (Resend) og SMS (GatewayAPI) leverer beskederne til dig. De får kun modtageren og beskedens tekst, og de er bundet af databehandleraftaler.",
    ],
    citizensTitle: "Borgere, som jobcentret henviser",
    citizens:
      "Jobcentret fortæller dig om behandlingen, når du bliver henvist, og registrerer dit samtykke. Din mentor ser kun det nødvendige: dit fornavn, din kommune, dine sprog, dit danskniveau, de brancher og mål, du ønsker, og hvordan du kan kontaktes. Vi gemmer aldrig CPR-numre eller helbredsoplysninger. Beskeder til dig kan du altid afmelde med linket i e-mailen eller ved at svare STOP, hvor SMS'en siger det.",
    retentionTitle: "Hvor længe",
    retention: [
      "En tilmelding, hvor e-mailen aldrig bliver bekræftet, slettes efter 30 dage.",
      "Ellers anonymiserer vi oplysningerne {{months}} måneder efter, at du stoppede som mentor, eller dit seneste forløb sluttede. Kun anonyme tal om forløbet bliver tilbage til statistikken.",
      "Links i e-mails virker kort tid og kun én gang: bekræftelse af e-mail 48 timer, ny adgangskode 1 time, invitationer 7 dage.",
    ],
    rightsTitle: "Dine rettigheder",
    rights: [
      "Du kan få indsigt i de oplysninger, vi har om dig, og få dem udleveret i et almindeligt format.",
      "Du kan få forkerte oplysninger rettet. Dine profiloplysninger kan du selv rette under Min profil.",
      "Du kan få oplysningerne slettet eller behandlingen begrænset, og du kan gøre indsigelse.",
      "Du kan trække dit samtykke tilbage.",
      "Du kan klage til Datatilsynet (datatilsynet.dk), hvis du er utilfreds med, hvordan vi behandler dine oplysninger.",
    ],
    cookiesTitle: "Cookies",
    cookies:
      "Mentorbro bruger kun nødvendige cookies: én, der holder dig logget ind (mb_session, højst 7 dage), én til det andet trin af login (mb_mfa, 5 minutter) og én, der husker dit sprogvalg (mb_lng). Der er ingen statistik- eller reklamecookies, og vi deler intet med andre.",
    updated: "Senest opdateret {{date}}.",
  },
  accessibility: {
    title: "Tilgængelighedserklæring",
    intro:
      "Foreningen bag Mentorbro ønsker, at alle kan bruge Mentorbro. Erklæringen gælder alle sider på dette websted og er skrevet efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.",
    statusTitle: "Overholdelse",
    status:
      "Mentorbro er delvist i overensstemmelse med standarden WCAG 2.1 på niveau AA, på grund af de forhold, der står nedenfor.",
    issuesTitle: "Det, der ikke er tilgængeligt",
    issues: [
      "Diagrammerne i rapporterne er billeder. Hvert diagram har en tekstbeskrivelse, og de samme tal står i en tabel ved siden af.",
      "Eksporterede regneark (CSV og XLSX) er ikke afprøvet med skærmlæsere.",
      "Beskeder og sider til borgere på andre sprog end dansk og engelsk er oversat, men ikke afprøvet med skærmlæsere på alle ti sprog.",
    ],
    methodTitle: "Sådan har vi vurderet tilgængeligheden",
    method:
      "Erklæringen er udarbejdet {{date}} på grundlag af en selvevaluering: alle sider afprøves automatisk med axe (WCAG 2.1 A og AA) i de automatiske browsertest, på computer og telefon, og siderne er gennemgået med tastatur. Erklæringen bliver gennemgået, når Mentorbro ændres væsentligt, og mindst en gang om året.",
    feedbackTitle: "Feedback og kontakt",
    feedback:
      "Oplever du problemer med tilgængeligheden, eller har du brug for oplysninger i en anden form, så skriv til <mail>{{email}}</mail>. Vi svarer inden for 14 dage.",
    enforcementTitle: "Klage",
    enforcement:
      "Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med loven (digst.dk).",
  },
};
