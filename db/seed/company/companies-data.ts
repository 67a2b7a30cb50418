/**
 * The demo's companies (a dozen in the partner municipalities: metal, care, transport, retail, hotels and a kitchen)
 * with contacts and notes.
 */
import type { CompanyProgramme, CompanySize } from "../../../app/domain/enums";

/* ------------------------------------------------------------------ companies */

export type CompanySeed = {
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
export const COMPANIES: CompanySeed[] = [
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
