/**
 * The first version of the mentor guidance (issue 21): the introduction a mentor reads before the first match, and a
 * short tip per course month. Inserted once into an empty guidance table; from then on it is the coordinators' content
 * (`/koordinator/vejledning`), never overwritten by a deployment. Body text: paragraphs split by blank lines, lines
 * starting with "- " are a list.
 */
export const GUIDANCE_VERSION = 1;

type Page = {
  kind: "introduction" | "tip";
  courseMonth: number | null;
  titleDa: string;
  bodyDa: string;
  titleEn: string;
  bodyEn: string;
};

export const DEFAULT_GUIDANCE: Page[] = [
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "Din rolle som erhvervsmentor",
    bodyDa: `Som frivillig erhvervsmentor hjælper du én borger, der er jobparat, et skridt tættere på et job. Du bruger det, du kan som erfaren i din branche: dit netværk, din viden om branchen og om det lokale arbejdsmarked.

Du er ikke sagsbehandler, lærer eller behandler. Du er en kollega, der åbner døre og siger tingene, som de er på en dansk arbejdsplads.

- Du aftaler møderne med borgeren og planlægger dem i Mentorbro.
- Du registrerer jeres møder, så koordinatoren kan se, at forløbet kører.
- Du ringer til koordinatoren, når du er i tvivl.`,
    titleEn: "Your role as a business mentor",
    bodyEn: `As a volunteer business mentor you help one job-ready citizen take a step closer to a job. You use what you know from your industry: your network, your knowledge of the industry and of the local labour market.

You are not a caseworker, a teacher or a therapist. You are a colleague who opens doors and says how things are at a Danish workplace.

- You arrange the meetings with the citizen and plan them in Mentorbro.
- You log your meetings, so the coordinator can see that the course is running.
- You call the coordinator when in doubt.`,
  },
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "4 timer om måneden i 6 måneder",
    bodyDa: `Forløbet varer 6 måneder, og I mødes ca. 4 timer om måneden: 24 timer i alt. Månederne regnes fra startmødet, ikke fra kalendermåneden.

Et møde kan være fysisk, på telefon, på video eller et virksomhedsbesøg. Planlæg næste møde, før I skilles: borgeren får en kalenderinvitation og en påmindelse på sms dagen før.

Koordinatoren ringer til dig hver 4.-6. uge for at høre, hvordan det går. Er I forhindret i en periode, kan koordinatoren sætte forløbet på pause.`,
    titleEn: "4 hours a month for 6 months",
    bodyEn: `The course lasts 6 months, and you meet for about 4 hours a month: 24 hours in all. The months count from the start meeting, not from the calendar month.

A meeting can be in person, by phone, by video or a company visit. Plan the next meeting before you part: the citizen gets a calendar invite and a text reminder the day before.

The coordinator calls you every 4-6 weeks to hear how it is going. If you cannot meet for a while, the coordinator can pause the course.`,
  },
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "Gør og undgå",
    bodyDa: `Gør:
- Sæt 1-5 mål sammen ved startmødet, og se på dem, når I mødes.
- Tal dansk, så meget det giver mening, og hjælp med fagords betydning.
- Tag borgeren med ud: et virksomhedsbesøg, en kollega, en jobmesse.
- Sig ærligt, hvad en arbejdsgiver vil lægge mærke til.

Undgå:
- At love et job eller en praktikplads, du ikke kan stå inde for.
- At låne penge ud, tage imod gaver af værdi eller blande dig i privatøkonomi.
- At tage stilling til borgerens sag hos kommunen: henvis til sagsbehandleren.`,
    titleEn: "Do's and don'ts",
    bodyEn: `Do:
- Set 1-5 goals together at the start meeting, and look at them when you meet.
- Speak Danish as much as makes sense, and help with the meaning of industry words.
- Take the citizen out: a company visit, a colleague, a job fair.
- Say honestly what an employer will notice.

Don't:
- Promise a job or an internship you cannot vouch for.
- Lend money, accept gifts of value or get involved in private finances.
- Take a position on the citizen's case with the municipality: refer to the caseworker.`,
  },
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "Tavshedspligt og personoplysninger",
    bodyDa: `Du har tavshedspligt om alt, hvad du hører om borgeren, også efter forløbet. Du har skrevet under på en tavshedserklæring.

Du ser kun det mindste: fornavn, kontakt, sprog, danskniveau, ønskede brancher og mål. Skriv aldrig CPR-nummer, helbred eller andre følsomme oplysninger i Mentorbro, heller ikke i mødenoter.

Vil du dele borgerens CV med en virksomhed, så spørg borgeren først.`,
    titleEn: "Confidentiality and personal data",
    bodyEn: `You are bound to confidentiality about everything you hear about the citizen, also after the course. You have signed a confidentiality declaration.

You see only the minimum: first name, contact, languages, Danish level, wished industries and goals. Never write a CPR number, health or other sensitive details in Mentorbro, not in meeting notes either.

If you want to share the citizen's CV with a company, ask the citizen first.`,
  },
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "Hvis borgeren fortæller om helbred eller traumer",
    bodyDa: `Mange har oplevet krig og flugt. Fortæller borgeren om det, så lyt, men gå ikke i dybden, og prøv ikke at behandle.

- Sig, at du har hørt det, og at der findes hjælp.
- Henvis til egen læge, jobcentret eller koordinatoren.
- Skriv intet om det i Mentorbro.
- Ring til koordinatoren, hvis du er bekymret, også for dig selv.

Er der akut fare, så ring 112.`,
    titleEn: "If the citizen talks about health or trauma",
    bodyEn: `Many have lived through war and flight. If the citizen talks about it, listen, but do not go into depth, and do not try to treat.

- Say that you have heard it and that help exists.
- Refer to their own doctor, the jobcentre or the coordinator.
- Write nothing about it in Mentorbro.
- Call the coordinator if you are worried, also about yourself.

If there is acute danger, call 112.`,
  },
  {
    kind: "introduction",
    courseMonth: null,
    titleDa: "Sådan virker beskæftigelsessystemet",
    bodyDa: `Borgeren har en sagsbehandler på jobcentret i sin kommune. Jobcentret har henvist borgeren til mentorprogrammet og får besked om resultatet.

- Virksomhedspraktik: ulønnet praktik i en virksomhed i nogle uger, aftalt med jobcentret.
- Løntilskud: et job, hvor jobcentret betaler en del af lønnen i en periode.
- IGU (integrationsgrunduddannelse): to år med løn og fast mentor i virksomheden og 20 ugers skole, fx AMU-kurser og dansk.
- Uddannelse: erhvervsuddannelse eller anerkendelse af uddannelse fra hjemlandet.

Kender du en virksomhed, der kan tage en praktikant eller en IGU-elev, så fortæl koordinatoren: det er ofte sådan, vejen til et job begynder.`,
    titleEn: "How the Danish employment system works",
    bodyEn: `The citizen has a caseworker at the jobcentre of their municipality. The jobcentre referred the citizen to the mentor programme and is told the result.

- Internship (virksomhedspraktik): unpaid work experience in a company for some weeks, agreed with the jobcentre.
- Wage subsidy (løntilskud): a job where the jobcentre pays part of the wage for a period.
- IGU (integration basic education): two years with a wage and a fixed mentor in the company and 20 weeks of school, such as AMU courses and Danish.
- Education: vocational education or recognition of an education from the home country.

If you know a company that can take an intern or an IGU trainee, tell the coordinator: that is often how the way to a job begins.`,
  },
  {
    kind: "tip",
    courseMonth: 1,
    titleDa: "Måned 1: lær hinanden at kende",
    bodyDa:
      "Sæt målene sammen ved startmødet, og skriv dem i målplanen. Spørg til erfaring fra hjemlandet: den er ofte mere værd, end borgeren tror.",
    titleEn: "Month 1: get to know each other",
    bodyEn:
      "Set the goals together at the start meeting and write them in the goal plan. Ask about experience from the home country: it is often worth more than the citizen thinks.",
  },
  {
    kind: "tip",
    courseMonth: 2,
    titleDa: "Måned 2: CV og ansøgning",
    bodyDa:
      "Gennemgå CV'et, som en arbejdsgiver i din branche ville læse det. Hjælp med en ansøgning til et konkret opslag.",
    titleEn: "Month 2: CV and application",
    bodyEn:
      "Go through the CV as an employer in your industry would read it. Help with an application for a real opening.",
  },
  {
    kind: "tip",
    courseMonth: 3,
    titleDa: "Måned 3: netværket",
    bodyDa: "Introducér borgeren for to kontakter i dit netværk. Et virksomhedsbesøg siger mere end mange møder.",
    titleEn: "Month 3: the network",
    bodyEn: "Introduce the citizen to two contacts in your network. A company visit says more than many meetings.",
  },
  {
    kind: "tip",
    courseMonth: 4,
    titleDa: "Måned 4: jobsamtalen",
    bodyDa:
      "Øv en jobsamtale, gerne med en kollega som 'arbejdsgiver'. Tal om, hvad der forventes den første uge på en dansk arbejdsplads.",
    titleEn: "Month 4: the interview",
    bodyEn:
      "Practise a job interview, ideally with a colleague as the 'employer'. Talk about what is expected in the first week at a Danish workplace.",
  },
  {
    kind: "tip",
    courseMonth: 5,
    titleDa: "Måned 5: praktik, løntilskud eller IGU",
    bodyDa:
      "Er der en virksomhed, der vil tage borgeren i praktik eller løntilskud? Fortæl koordinatoren, så jobcentret kan hjælpe.",
    titleEn: "Month 5: internship, wage subsidy or IGU",
    bodyEn:
      "Is there a company that would take the citizen as an intern or on a wage subsidy? Tell the coordinator, so the jobcentre can help.",
  },
  {
    kind: "tip",
    courseMonth: 6,
    titleDa: "Måned 6: afslutning",
    bodyDa:
      "Gennemgå målplanen: hvad er nået, og hvad er næste skridt? Aftal, hvem borgeren kan kontakte, når forløbet er slut.",
    titleEn: "Month 6: closing",
    bodyEn:
      "Go through the goal plan: what was reached, and what is the next step? Agree whom the citizen can contact when the course is over.",
  },
];
