/**
 * The demo's openings of every type and status, and what happens in each: placements (start relative to today, how
 * it ended) and open or answered proposals; an IGU's school weeks.
 */
import type {
  DanishLevel,
  DeclineReason,
  OpeningStatus,
  OpeningType,
  OutcomeType,
  PlacementEndReason,
  SchoolKind,
} from "../../../app/domain/enums";

export type OpeningSeed = {
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
export const OPENINGS: OpeningSeed[] = [
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
export type PlacementPlan = {
  status: "planned" | "active" | "completed" | "ended_early" | "cancelled";
  start: number;
  end?: number;
  outcome?: OutcomeType;
  reason?: PlacementEndReason;
};
export type ProposalPlan = { status: "proposed" | "declined" | "withdrawn"; decline?: DeclineReason; note?: string };
export const PLAN: Record<string, { placements: PlacementPlan[]; proposals: ProposalPlan[] }> = {
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

export const IGU_SCHOOL: { kind: SchoolKind; title: string; from: number; weeks: number }[] = [
  { kind: "amu", title: "Social- og sundhedshjælper: introduktion", from: 30, weeks: 4 },
  { kind: "danish", title: "Dansk på arbejdspladsen", from: 120, weeks: 3 },
  { kind: "amu", title: "Forflytning og hygiejne", from: 200, weeks: 2 },
  { kind: "vocational_school", title: "SOSU-grundforløb, del 1", from: 400, weeks: 6 },
];
