/**
 * The demo's company side (issue 20): competence assessments for most citizens (built from what their referral says,
 * some with a second version), a dozen companies in the partner municipalities (metal, care, transport, retail,
 * hotels and a kitchen) with contacts and notes, openings of every type and status, and citizens proposed and placed
 * by the same scoring the app uses — so a nurse who wishes elderly care lands in care, a driver at the bus company.
 * Placements in every state, among them a two-year IGU with school weeks and a completion adviser. A mentor's tip
 * waits for confirmation. Deterministic: its own random stream, dates relative to today.
 */
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../client";
import {
  companies,
  companyContacts,
  companyNotes,
  competenceProfiles,
  mentees,
  mentors,
  municipalities,
  openingProposals,
  openings,
  placementFollowUps,
  placementSchoolPeriods,
  placements,
  statusChanges,
} from "../schema";
import { createRng, int, pick, type Rng } from "../factories";
import { sectionOf } from "../reference/db07";
import { addDays } from "../../app/domain/dates";
import { completeCvr } from "../../app/domain/cvr";
import { iscedOf, type Education, type Profile } from "../../app/domain/competence";
import { distanceTable } from "../../app/domain/matching";
import {
  OPENING_WEIGHTS,
  rankCitizensForOpening,
  type MatchCitizen,
  type MatchOpening,
} from "../../app/domain/opening-match";
import type {
  CompanyProgramme,
  CompanySize,
  DanishLevel,
  DeclineReason,
  OpeningStatus,
  OpeningType,
  OutcomeType,
  PlacementEndReason,
  SchoolKind,
} from "../../app/domain/enums";

type Ctx = { now: string; coordinatorId: number; caseworkers: Map<number, number>; demoMentorId: number };

const CERTIFICATES: Record<string, string[]> = {
  Kok: ["Hygiejnebevis"],
  Chauffør: ["Kørekort C", "Kørekort D"],
  Lagermedarbejder: ["Truckcertifikat B"],
  Sygeplejerske: ["Førstehjælp"],
  Elektriker: ["Autorisation fra hjemlandet"],
  Tømrer: ["Stilladskursus"],
  Sælger: [],
  Lærer: [],
  Programmør: [],
};
const SUMMARIES = [
  "Mødestabil og motiveret. Vil gerne i gang med praktik så hurtigt som muligt.",
  "Har god erfaring fra hjemlandet og vil bruge den i Danmark. Dansk går fremad.",
  "Praktisk anlagt og hurtig til at lære. Ønsker en arbejdsplads med kolleger at tale dansk med.",
  "Har brug for at lære danske arbejdspladsnormer at kende. Stærk faglighed.",
];

/* ------------------------------------------------------------------ competence assessments */

function profileFor(rng: Rng, m: typeof mentees.$inferSelect, now: string): Profile {
  const isced = iscedOf(m.educationLevel);
  const educations: Education[] = isced
    ? [
        {
          level: isced,
          field: m.educationField,
          country: m.educationCountry,
          year: Math.min(Number(now.slice(0, 4)) - 1, m.birthYear + (isced >= "6" ? 24 : 19)),
          recognised: isced >= "4" && rng() < 0.35,
        },
      ]
    : [];
  const title = m.experience[0]?.title ?? "";
  return {
    educations,
    experience: m.experience.map((e) => ({
      occupation: e.title,
      industryCode: e.industryCode,
      years: e.years,
      country: m.educationCountry,
    })),
    danishLevel: m.danishLevel,
    danishModule: m.danishModule,
    englishLevel: m.englishLevel,
    drivingLicence: m.drivingLicence,
    certificates: CERTIFICATES[title] ?? [],
    hoursPerWeek: pick(rng, [37, 37, 30, 25]),
    availableFrom: rng() < 0.2 ? addDays(now, int(rng, 7, 45)) : null,
    wishedIndustryCodes: [...m.wishedIndustryCodes],
    wishedOccupations: m.wishedOccupation ? [m.wishedOccupation] : [],
    summary: pick(rng, SUMMARIES),
  };
}

function seedProfiles(t: Db, rng: Rng, ctx: Ctx): Map<number, Profile> {
  const out = new Map<number, Profile>();
  const all = t
    .select()
    .from(mentees)
    .where(and(ne(mentees.status, "withdrawn"), isNull(mentees.anonymisedAt)))
    .orderBy(asc(mentees.id))
    .all();
  for (const m of all) {
    const assessed = rng() < 0.85;
    const p = profileFor(rng, m, ctx.now);
    if (!assessed) continue;
    const by = ctx.caseworkers.get(m.municipalityCode) ?? ctx.coordinatorId;
    const at = `${addDays(m.referredAt.slice(0, 10), int(rng, 1, 10))}T10:00:00.000Z`;
    const second = rng() < 0.25;
    if (second) {
      // A first version from the referral interview; the coordinator added hours and a certificate later.
      t.insert(competenceProfiles)
        .values({
          menteeId: m.id,
          version: 1,
          isCurrent: false,
          ...p,
          hoursPerWeek: null,
          certificates: [],
          createdBy: by,
          createdAt: at,
        })
        .run();
      t.insert(competenceProfiles)
        .values({
          menteeId: m.id,
          version: 2,
          isCurrent: true,
          ...p,
          createdBy: ctx.coordinatorId,
          createdAt: `${addDays(at.slice(0, 10), int(rng, 5, 30))}T13:00:00.000Z`,
        })
        .run();
    } else {
      t.insert(competenceProfiles)
        .values({ menteeId: m.id, version: 1, isCurrent: true, ...p, createdBy: by, createdAt: at })
        .run();
    }
    out.set(m.id, p);
  }
  return out;
}

/* ------------------------------------------------------------------ companies */

type CompanySeed = {
  key: string;
  name: string;
  cvr7: string;
  industry: string;
  municipality: number;
  street: string;
  postcode: string;
  city: string;
  size: CompanySize;
  programmes: CompanyProgramme[];
  contacts: [string, string, string][];
  notes: string[];
};
const COMPANIES: CompanySeed[] = [
  {
    key: "stal",
    name: "Herning Stålindustri A/S",
    cvr7: "2914735",
    industry: "25",
    municipality: 657,
    street: "Fabriksvej 12",
    postcode: "7400",
    city: "Herning",
    size: "medium",
    programmes: ["host_internship", "mentor_network"],
    contacts: [
      ["Jens Thomsen", "Værkfører", "+4597121314"],
      ["Birgit Holm", "HR-partner", "+4597121300"],
    ],
    notes: [
      "Aftalt fire praktikpladser i svejseafdelingen; virksomhedsmentor er værkføreren.",
      "Besøg i produktionen med jobcentret. AMU-svejsekursus kan tages sideløbende.",
    ],
  },
  {
    key: "lindely",
    name: "Omsorgscenter Lindely ApS",
    cvr7: "3816204",
    industry: "87",
    municipality: 657,
    street: "Lindevej 4",
    postcode: "7400",
    city: "Herning",
    size: "medium",
    programmes: ["igu", "competence_match"],
    contacts: [["Susanne Krogh", "Centerleder", "+4596281020"]],
    notes: ["Tager IGU-elever som social- og sundhedshjælpere; skoleperioder planlægges med SOSU-skolen."],
  },
  {
    key: "solgaarden",
    name: "Solgården Pleje A/S",
    cvr7: "3627185",
    industry: "87",
    municipality: 751,
    street: "Solgårdsvej 30",
    postcode: "8200",
    city: "Aarhus N",
    size: "large",
    programmes: ["igu", "competence_match", "talent_track"],
    contacts: [["Mette Lund", "Afdelingsleder", "+4586102030"]],
    notes: ["Talentforløb drøftet: op til 12 måneder med sprogundervisning om formiddagen."],
  },
  {
    key: "jyskmetal",
    name: "Jysk Metal & Maskine ApS",
    cvr7: "4015276",
    industry: "28",
    municipality: 751,
    street: "Industrivej 8",
    postcode: "8260",
    city: "Viby J",
    size: "small",
    programmes: ["talent_track", "competence_match"],
    contacts: [["Lars Pedersen", "Produktionschef", "+4587331122"]],
    notes: ["Vil gerne have kandidater med erfaring fra metal eller maskiner."],
  },
  {
    key: "trekant",
    name: "Trekant Transport A/S",
    cvr7: "2538460",
    industry: "49",
    municipality: 621,
    street: "Vognmandsvej 2",
    postcode: "6000",
    city: "Kolding",
    size: "medium",
    programmes: ["place_and_train", "mentor_network"],
    contacts: [
      ["Henrik Mortensen", "Trafikchef", "+4575501020"],
      ["Camilla Juhl", "Kundechef", "+4575501000"],
    ],
    notes: [
      "Place and train: virksomheden får støtte, og en mentor kobler arbejde og psykosocial støtte.",
      "Buschauffører skal have kørekort D; virksomheden betaler kurset for den, der ansættes.",
    ],
  },
  {
    key: "kollager",
    name: "Kolding Lager & Logistik ApS",
    cvr7: "3390127",
    industry: "52",
    municipality: 621,
    street: "Havnegade 40",
    postcode: "6000",
    city: "Kolding",
    size: "small",
    programmes: ["place_and_train"],
    contacts: [["Ole Dam", "Lagerchef", "+4575521234"]],
    notes: ["Truckcertifikat er en fordel, men kan tages i løntilskudsperioden."],
  },
  {
    key: "sonderborg",
    name: "Sønderborg Supermarked A/S",
    cvr7: "2147702",
    industry: "47",
    municipality: 540,
    street: "Storegade 18",
    postcode: "6400",
    city: "Sønderborg",
    size: "medium",
    programmes: ["host_internship"],
    contacts: [["Tina Schmidt", "Butikschef", "+4574421010"]],
    notes: ["Praktik i varemodtagelse og butik; arbejdstider fra kl. 7."],
  },
  {
    key: "fjord",
    name: "Hotel Fjordudsigt ApS",
    cvr7: "3555812",
    industry: "55",
    municipality: 390,
    street: "Strandvejen 1",
    postcode: "4760",
    city: "Vordingborg",
    size: "small",
    programmes: ["host_internship"],
    contacts: [["Peter Bak", "Hotelchef", "+4555341100"]],
    notes: ["Sæsonen er slut; opslaget er lukket til foråret."],
  },
  {
    key: "billund",
    name: "Billund Familiehotel A/S",
    cvr7: "2760938",
    industry: "55",
    municipality: 530,
    street: "Legovej 9",
    postcode: "7190",
    city: "Billund",
    size: "large",
    programmes: ["talent_track"],
    contacts: [["Louise Friis", "Receptionschef", "+4575331010"]],
    notes: ["Talentforløb i reception og housekeeping, engelsk er en fordel."],
  },
  {
    key: "haderslev",
    name: "Haderslev Maskinfabrik A/S",
    cvr7: "1890424",
    industry: "28",
    municipality: 510,
    street: "Maskinvej 3",
    postcode: "6100",
    city: "Haderslev",
    size: "medium",
    programmes: ["host_internship", "igu"],
    contacts: [["Søren Hansen", "Værkstedsleder", "+4574522020"]],
    notes: ["IGU-stillinger med AMU-kurser i CNC og svejsning."],
  },
  {
    key: "aabenraabus",
    name: "Aabenraa Bus og Turist ApS",
    cvr7: "4176551",
    industry: "49",
    municipality: 580,
    street: "Remisevej 5",
    postcode: "6200",
    city: "Aabenraa",
    size: "small",
    programmes: ["mentor_network"],
    contacts: [["Kirsten Møller", "Indehaver", "+4574621212"]],
    notes: ["Mangler chauffører; kræver kørekort D og godt dansk i kundekontakt."],
  },
  {
    key: "koekken",
    name: "Byens Køkken Aarhus ApS",
    cvr7: "3972266",
    industry: "56",
    municipality: 751,
    street: "Mejlgade 50",
    postcode: "8000",
    city: "Aarhus C",
    size: "micro",
    programmes: ["host_internship", "mentor_network"],
    contacts: [["Rasmus Kjær", "Køkkenchef", "+4586123456"]],
    notes: ["To praktikpladser i køkkenet; hygiejnebevis tages i praktikken."],
  },
];

type OpeningSeed = {
  key: string;
  company: string;
  type: OpeningType;
  occupation: string;
  industry: string;
  places: number;
  weeks: number | null;
  hours: number;
  danish: DanishLevel;
  status: OpeningStatus;
  startIn: number | null;
  created: number;
  description: string;
};
const OPENINGS: OpeningSeed[] = [
  {
    key: "svejser",
    company: "stal",
    type: "internship",
    occupation: "Svejser",
    industry: "25",
    places: 4,
    weeks: 13,
    hours: 37,
    danish: "none",
    status: "open",
    startIn: null,
    created: -200,
    description: "Praktik i svejseafdelingen med AMU-svejsekursus ved siden af.",
  },
  {
    key: "smed",
    company: "stal",
    type: "wage_subsidy",
    occupation: "Smed",
    industry: "25",
    places: 2,
    weeks: 26,
    hours: 37,
    danish: "du2",
    status: "open",
    startIn: null,
    created: -90,
    description: "Løntilskud efter endt praktik.",
  },
  {
    key: "igu-herning",
    company: "lindely",
    type: "igu",
    occupation: "Social- og sundhedshjælper",
    industry: "87",
    places: 3,
    weeks: 104,
    hours: 37,
    danish: "du2",
    status: "open",
    startIn: null,
    created: -300,
    description: "To års IGU med fast virksomhedsmentor og 20 ugers skole (AMU og dansk).",
  },
  {
    key: "sosu-praktik",
    company: "solgaarden",
    type: "internship",
    occupation: "Social- og sundhedshjælper",
    industry: "87",
    places: 2,
    weeks: 13,
    hours: 30,
    danish: "du2",
    status: "open",
    startIn: 14,
    created: -150,
    description: "Praktik i plejeboligerne, dagvagter.",
  },
  {
    key: "sosu-job",
    company: "solgaarden",
    type: "ordinary_job",
    occupation: "Social- og sundhedsassistent",
    industry: "87",
    places: 1,
    weeks: null,
    hours: 32,
    danish: "du3",
    status: "filled",
    startIn: null,
    created: -80,
    description: "Fast stilling, 32 timer.",
  },
  {
    key: "cnc",
    company: "jyskmetal",
    type: "talent_track",
    occupation: "CNC-operatør",
    industry: "28",
    places: 3,
    weeks: 52,
    hours: 37,
    danish: "du1",
    status: "open",
    startIn: 30,
    created: -60,
    description: "Talentforløb med sprogundervisning og virksomhedsmentorer.",
  },
  {
    key: "bus-praktik",
    company: "trekant",
    type: "internship",
    occupation: "Buschauffør",
    industry: "49",
    places: 2,
    weeks: 8,
    hours: 37,
    danish: "du3",
    status: "open",
    startIn: null,
    created: -220,
    description: "Praktik i værksted og trafikplanlægning, derefter kørekort D.",
  },
  {
    key: "lager",
    company: "kollager",
    type: "wage_subsidy",
    occupation: "Lagermedarbejder",
    industry: "52",
    places: 2,
    weeks: 26,
    hours: 37,
    danish: "none",
    status: "open",
    startIn: null,
    created: -210,
    description: "Plukning og pakning; truckcertifikat kan tages undervejs.",
  },
  {
    key: "butik",
    company: "sonderborg",
    type: "internship",
    occupation: "Butiksassistent",
    industry: "47",
    places: 3,
    weeks: 8,
    hours: 30,
    danish: "du1",
    status: "open",
    startIn: null,
    created: -260,
    description: "Varemodtagelse og opfyldning.",
  },
  {
    key: "hotel",
    company: "fjord",
    type: "internship",
    occupation: "Hotelmedarbejder",
    industry: "55",
    places: 2,
    weeks: 8,
    hours: 30,
    danish: "none",
    status: "closed",
    startIn: null,
    created: -320,
    description: "Sæsonpraktik i housekeeping og morgenmad.",
  },
  {
    key: "reception",
    company: "billund",
    type: "talent_track",
    occupation: "Receptionist",
    industry: "55",
    places: 2,
    weeks: 52,
    hours: 37,
    danish: "du3",
    status: "open",
    startIn: null,
    created: -420,
    description: "Talentforløb i reception og housekeeping.",
  },
  {
    key: "igu-metal",
    company: "haderslev",
    type: "igu",
    occupation: "Maskinmedarbejder",
    industry: "28",
    places: 2,
    weeks: 104,
    hours: 37,
    danish: "du1",
    status: "open",
    startIn: 21,
    created: -40,
    description: "IGU med AMU-kurser i CNC og svejsning.",
  },
  {
    key: "chauffoer",
    company: "aabenraabus",
    type: "ordinary_job",
    occupation: "Buschauffør",
    industry: "49",
    places: 1,
    weeks: null,
    hours: 37,
    danish: "pd2",
    status: "open",
    startIn: null,
    created: -30,
    description: "Fast stilling som buschauffør.",
  },
  {
    key: "koekken",
    company: "koekken",
    type: "internship",
    occupation: "Køkkenmedhjælper",
    industry: "56",
    places: 2,
    weeks: 8,
    hours: 30,
    danish: "none",
    status: "filled",
    startIn: null,
    created: -45,
    description: "Praktik i køkkenet, dag og aften.",
  },
];

/** What happens in each opening: placements (start relative to today, how it ended) and open or answered proposals. */
type PlacementPlan = {
  status: "planned" | "active" | "completed" | "ended_early" | "cancelled";
  start: number;
  end?: number;
  outcome?: OutcomeType;
  reason?: PlacementEndReason;
};
type ProposalPlan = { status: "proposed" | "declined" | "withdrawn"; decline?: DeclineReason; note?: string };
const PLAN: Record<string, { placements: PlacementPlan[]; proposals: ProposalPlan[] }> = {
  svejser: {
    placements: [
      { status: "completed", start: -150, end: -60, outcome: "wage_subsidy" },
      { status: "active", start: -20 },
      { status: "ended_early", start: -120, end: -95, outcome: "closer_to_job", reason: "citizen_stopped" },
    ],
    proposals: [{ status: "proposed" }],
  },
  smed: { placements: [], proposals: [] },
  "igu-herning": { placements: [{ status: "active", start: -240 }], proposals: [] },
  "sosu-praktik": {
    placements: [
      { status: "completed", start: -130, end: -40, outcome: "job_part_time" },
      { status: "planned", start: 14 },
    ],
    proposals: [{ status: "withdrawn" }],
  },
  "sosu-job": { placements: [{ status: "active", start: -30 }], proposals: [] },
  cnc: { placements: [{ status: "active", start: -10 }], proposals: [{ status: "proposed" }] },
  "bus-praktik": {
    placements: [
      { status: "completed", start: -180, end: -124, outcome: "wage_subsidy" },
      { status: "active", start: -15 },
    ],
    proposals: [{ status: "declined", decline: "danish_level", note: "Kom igen efter PD3." }],
  },
  lager: {
    placements: [
      { status: "active", start: -40 },
      { status: "completed", start: -200, end: -20, outcome: "job_full_time" },
    ],
    proposals: [],
  },
  butik: {
    placements: [
      { status: "completed", start: -240, end: -184, outcome: "education" },
      { status: "completed", start: -110, end: -54, outcome: "closer_to_job" },
      { status: "cancelled", start: -5 },
    ],
    proposals: [],
  },
  hotel: { placements: [], proposals: [] },
  reception: {
    placements: [{ status: "completed", start: -400, end: -36, outcome: "job_full_time" }],
    proposals: [{ status: "proposed" }],
  },
  "igu-metal": {
    placements: [],
    proposals: [{ status: "declined", decline: "other_candidate", note: "Valgte en kandidat med truckcertifikat." }],
  },
  chauffoer: { placements: [], proposals: [{ status: "proposed" }] },
  koekken: {
    placements: [
      { status: "active", start: -25 },
      { status: "active", start: -12 },
    ],
    proposals: [],
  },
};

const IGU_SCHOOL: { kind: SchoolKind; title: string; from: number; weeks: number }[] = [
  { kind: "amu", title: "Social- og sundhedshjælper: introduktion", from: 30, weeks: 4 },
  { kind: "danish", title: "Dansk på arbejdspladsen", from: 120, weeks: 3 },
  { kind: "amu", title: "Forflytning og hygiejne", from: 200, weeks: 2 },
  { kind: "vocational_school", title: "SOSU-grundforløb, del 1", from: 400, weeks: 6 },
];

export function seedCompanySide(t: Db, seed: number, ctx: Ctx): void {
  const rng = createRng(seed);
  const profiles = seedProfiles(t, rng, ctx);
  const at = (days: number, hour = 10) => `${addDays(ctx.now, days)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

  // ---- companies, contacts, notes
  const companyIds = new Map<string, number>();
  const companyOf = new Map<string, CompanySeed>();
  COMPANIES.forEach((c, i) => {
    const cvr = completeCvr(c.cvr7) ?? completeCvr(String(Number(c.cvr7) + 1))!;
    const created = -500 + i * 7;
    const row = t
      .insert(companies)
      .values({
        name: c.name,
        cvr,
        industryCode: c.industry,
        municipalityCode: c.municipality,
        street: c.street,
        postcode: c.postcode,
        city: c.city,
        size: c.size,
        programmes: c.programmes,
        verifiedAt: at(created),
        createdBy: ctx.coordinatorId,
        createdAt: at(created),
      })
      .returning({ id: companies.id })
      .get();
    companyIds.set(c.key, row.id);
    companyOf.set(c.key, c);
    for (const [name, role, phone] of c.contacts) {
      t.insert(companyContacts)
        .values({
          companyId: row.id,
          name,
          role,
          phone,
          email: `${name.split(" ")[0].toLowerCase().replace(/ø/g, "oe").replace(/å/g, "aa").replace(/æ/g, "ae")}@eksempel.dk`,
          createdAt: at(created),
        })
        .run();
    }
    c.notes.forEach((note, k) =>
      t
        .insert(companyNotes)
        .values({
          companyId: row.id,
          date: addDays(ctx.now, created + 10 + k * 40),
          note,
          createdBy: ctx.coordinatorId,
          createdAt: at(created + 10 + k * 40),
        })
        .run(),
    );
  });

  // ---- mentors who work at a company: the first approved or active ones of its industry
  for (const [key, id] of companyIds) {
    const c = companyOf.get(key)!;
    const m = t
      .select({ id: mentors.id })
      .from(mentors)
      .where(
        and(
          eq(mentors.industryCode, c.industry),
          inArray(mentors.status, ["approved", "active"]),
          isNull(mentors.companyId),
        ),
      )
      .orderBy(asc(mentors.id))
      .get();
    if (m) t.update(mentors).set({ companyId: id, employer: c.name }).where(eq(mentors.id, m.id)).run();
  }

  // ---- openings
  const openingIds = new Map<string, number>();
  for (const o of OPENINGS) {
    const c = companyOf.get(o.company)!;
    const row = t
      .insert(openings)
      .values({
        companyId: companyIds.get(o.company)!,
        type: o.type,
        industryCode: o.industry,
        occupation: o.occupation,
        municipalityCode: c.municipality,
        startDate: o.startIn == null ? null : addDays(ctx.now, o.startIn),
        durationWeeks: o.weeks,
        weeklyHours: o.hours,
        danishLevel: o.danish,
        places: o.places,
        deadline: o.startIn != null && o.startIn > 7 ? addDays(ctx.now, o.startIn - 7) : null,
        description: o.description,
        status: o.status === "filled" ? "open" : o.status,
        createdBy: ctx.coordinatorId,
        createdAt: at(o.created),
        updatedAt: at(o.created),
      })
      .returning({ id: openings.id })
      .get();
    openingIds.set(o.key, row.id);
    t.insert(statusChanges)
      .values({
        entityType: "opening",
        entityId: row.id,
        toStatus: "open",
        byUserId: ctx.coordinatorId,
        at: at(o.created),
      })
      .run();
    if (o.status === "closed")
      t.insert(statusChanges)
        .values({
          entityType: "opening",
          entityId: row.id,
          fromStatus: "open",
          toStatus: "closed",
          byUserId: ctx.coordinatorId,
          reason: "close",
          at: at(-20),
        })
        .run();
  }

  // ---- citizens for the openings, ranked by the app's own scoring (a nurse lands in care)
  const centroids = t
    .select({ code: municipalities.code, lat: municipalities.lat, lng: municipalities.lng })
    .from(municipalities)
    .all();
  const matchCtx = { today: ctx.now, weights: OPENING_WEIGHTS, distanceKm: distanceTable(centroids), sectionOf };
  const people = t
    .select({ id: mentees.id, municipalityCode: mentees.municipalityCode, status: mentees.status })
    .from(mentees)
    .where(and(ne(mentees.status, "withdrawn"), isNull(mentees.anonymisedAt)))
    .orderBy(asc(mentees.id))
    .all();
  const busy = new Set<number>(); // placed (planned or running) or used in the demo's story already
  const citizens = (): MatchCitizen[] =>
    people
      .filter((p) => profiles.has(p.id) && !busy.has(p.id))
      .map((p) => ({
        id: p.id,
        municipalityCode: p.municipalityCode,
        profile: profiles.get(p.id)!,
        assessed: true,
        placed: false,
      }));

  for (const o of OPENINGS) {
    const plan = PLAN[o.key];
    const openingId = openingIds.get(o.key)!;
    const c = companyOf.get(o.company)!;
    const match: MatchOpening = {
      id: openingId,
      type: o.type,
      industryCode: o.industry,
      occupation: o.occupation,
      municipalityCode: c.municipality,
      startDate: o.startIn == null ? null : addDays(ctx.now, o.startIn),
      weeklyHours: o.hours,
      danishLevel: o.danish,
    };
    const ranked = rankCitizensForOpening(match, citizens(), matchCtx, {
      limit: plan.placements.length + plan.proposals.length,
    }).candidates;
    let k = 0;
    for (const pl of plan.placements) {
      const who = ranked[k++];
      if (!who) break;
      busy.add(who.citizenId);
      const start = addDays(ctx.now, pl.start);
      const proposal = t
        .insert(openingProposals)
        .values({
          openingId,
          menteeId: who.citizenId,
          status: "accepted",
          score: who.score,
          reasons: who.reasons,
          proposedBy:
            ctx.caseworkers.get(people.find((p) => p.id === who.citizenId)!.municipalityCode) ?? ctx.coordinatorId,
          proposedAt: at(pl.start - 21),
          answeredAt: at(pl.start - 10),
          answeredBy: ctx.coordinatorId,
          createdAt: at(pl.start - 21),
        })
        .returning({ id: openingProposals.id })
        .get();
      const ended = pl.status === "completed" || pl.status === "ended_early";
      const p = t
        .insert(placements)
        .values({
          proposalId: proposal.id,
          openingId,
          companyId: companyIds.get(o.company)!,
          menteeId: who.citizenId,
          type: o.type,
          status: pl.status,
          startDate: start,
          plannedEndDate: o.weeks ? addDays(start, o.weeks * 7 - 1) : null,
          endedOn: ended ? addDays(ctx.now, pl.end!) : null,
          endReason: pl.reason ?? null,
          outcomeType: ended ? pl.outcome! : null,
          outcomeDate: ended ? addDays(ctx.now, pl.end!) : null,
          workplaceMentorName: c.contacts[0][0],
          workplaceMentorPhone: c.contacts[0][2],
          completionAdviserName: o.type === "igu" ? "Lene Kirkegaard (gennemførselsvejleder)" : null,
          completionAdviserPhone: o.type === "igu" ? "+4596281099" : null,
          createdBy: ctx.coordinatorId,
          createdAt: at(pl.start - 10),
        })
        .returning({ id: placements.id })
        .get();
      t.insert(statusChanges)
        .values({
          entityType: "placement",
          entityId: p.id,
          toStatus: pl.start <= 0 && pl.status !== "cancelled" ? "active" : "planned",
          byUserId: ctx.coordinatorId,
          at: at(pl.start - 10),
        })
        .run();
      if (ended)
        t.insert(statusChanges)
          .values({
            entityType: "placement",
            entityId: p.id,
            fromStatus: "active",
            toStatus: pl.status,
            reason: pl.reason ?? null,
            byUserId: ctx.coordinatorId,
            at: at(pl.end!),
          })
          .run();
      if (pl.status === "cancelled")
        t.insert(statusChanges)
          .values({
            entityType: "placement",
            entityId: p.id,
            fromStatus: "planned",
            toStatus: "cancelled",
            byUserId: ctx.coordinatorId,
            at: at(pl.start),
          })
          .run();
      // Follow-ups every month or so while it ran.
      const until = ended ? pl.end! : 0;
      for (
        let d = pl.start + 14;
        d <= until && pl.status !== "cancelled" && pl.status !== "planned";
        d += int(rng, 25, 40)
      ) {
        const onTrack = rng() < 0.8;
        t.insert(placementFollowUps)
          .values({
            placementId: p.id,
            date: addDays(ctx.now, d),
            onTrack,
            note: onTrack
              ? "Godt i gang; virksomhedsmentoren er tilfreds."
              : "Aftalt ekstra samtale med virksomhedsmentoren om arbejdstider.",
            createdBy: ctx.coordinatorId,
            createdAt: at(d),
          })
          .run();
      }
      if (o.type === "igu") {
        for (const s of IGU_SCHOOL)
          t.insert(placementSchoolPeriods)
            .values({
              placementId: p.id,
              kind: s.kind,
              title: s.title,
              fromDate: addDays(start, s.from),
              weeks: s.weeks,
              createdBy: ctx.coordinatorId,
              createdAt: at(pl.start),
            })
            .run();
      }
      if (pl.status === "cancelled") busy.delete(who.citizenId);
      if (ended) busy.delete(who.citizenId);
    }
    for (const pr of plan.proposals) {
      const who = ranked[k++];
      if (!who) break;
      busy.add(who.citizenId);
      const row = t
        .insert(openingProposals)
        .values({
          openingId,
          menteeId: who.citizenId,
          status: pr.status,
          score: who.score,
          reasons: who.reasons,
          proposedBy: ctx.coordinatorId,
          proposedAt: at(-int(rng, 3, 20)),
          answeredAt: pr.status === "proposed" ? null : at(-2),
          answeredBy: pr.status === "proposed" ? null : ctx.coordinatorId,
          declineReason: pr.decline ?? null,
          declineNote: pr.note ?? null,
          createdAt: at(-20),
        })
        .returning({ id: openingProposals.id })
        .get();
      t.insert(statusChanges)
        .values({
          entityType: "proposal",
          entityId: row.id,
          toStatus: "proposed",
          byUserId: ctx.coordinatorId,
          at: at(-20),
        })
        .run();
      if (pr.status !== "proposed") busy.delete(who.citizenId);
    }
    if (o.status === "filled") {
      t.update(openings).set({ status: "filled" }).where(eq(openings.id, openingId)).run();
      t.insert(statusChanges)
        .values({
          entityType: "opening",
          entityId: openingId,
          fromStatus: "open",
          toStatus: "filled",
          reason: "places",
          byUserId: ctx.coordinatorId,
          at: at(-10),
        })
        .run();
    }
  }

  // ---- a mentor's tip, waiting for the coordinator: "I know the warehouse manager at the builders' merchant in Vejen"
  const tip = t
    .insert(companies)
    .values({
      name: "Vejen Byggemarked ApS",
      cvr: completeCvr("3748219") ?? completeCvr("3748220")!,
      industryCode: "47",
      municipalityCode: 575,
      city: "Vejen",
      size: "small",
      programmes: [],
      suggestedByMentorId: ctx.demoMentorId,
      createdAt: at(-3),
    })
    .returning({ id: companies.id })
    .get();
  t.insert(companyContacts)
    .values({
      companyId: tip.id,
      name: "Anders Vestergaard",
      role: "Lagerchef",
      phone: "+4575361010",
      createdAt: at(-3),
    })
    .run();
  const tipOpening = t
    .insert(openings)
    .values({
      companyId: tip.id,
      type: "internship",
      industryCode: "47",
      occupation: "Lagermedarbejder",
      municipalityCode: 575,
      places: 1,
      weeklyHours: 37,
      danishLevel: "none",
      status: "proposed",
      description: "Lagerchefen søger en praktikant til varemodtagelsen efter sommerferien.",
      suggestedByMentorId: ctx.demoMentorId,
      createdAt: at(-3),
    })
    .returning({ id: openings.id })
    .get();
  t.insert(statusChanges)
    .values({ entityType: "opening", entityId: tipOpening.id, toStatus: "proposed", reason: "mentor_tip", at: at(-3) })
    .run();
}
