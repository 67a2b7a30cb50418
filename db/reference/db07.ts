/** DB07 (the Danish version of NACE rev. 2): 21 sections and 88 two-digit divisions, with short labels. */
export type IndustryRef = {
  code: string;
  level: "section" | "division";
  section: string;
  labelDa: string;
  labelEn: string;
};

export const DB07_VERSION = 1;

/** [code, section, Danish label, English label]: the sections (a letter), then the divisions (two digits), in order. */
const ROWS: readonly (readonly [code: string, section: string, labelDa: string, labelEn: string])[] = [
  ["A", "A", "Landbrug, skovbrug og fiskeri", "Agriculture, forestry and fishing"],
  ["B", "B", "Råstofindvinding", "Mining and quarrying"],
  ["C", "C", "Industri", "Manufacturing"],
  ["D", "D", "Energiforsyning", "Electricity and gas supply"],
  ["E", "E", "Vandforsyning og renovation", "Water supply and waste management"],
  ["F", "F", "Bygge og anlæg", "Construction"],
  ["G", "G", "Handel", "Wholesale and retail trade"],
  ["H", "H", "Transport", "Transportation and storage"],
  ["I", "I", "Hoteller og restauranter", "Accommodation and food service"],
  ["J", "J", "Information og kommunikation", "Information and communication"],
  ["K", "K", "Finansiering og forsikring", "Financial and insurance activities"],
  ["L", "L", "Ejendomshandel og udlejning", "Real estate activities"],
  ["M", "M", "Rådgivning, forskning og liberale erhverv", "Professional, scientific and technical"],
  ["N", "N", "Administrative tjenester", "Administrative and support services"],
  ["O", "O", "Offentlig administration og forsvar", "Public administration and defence"],
  ["P", "P", "Undervisning", "Education"],
  ["Q", "Q", "Sundhed og socialvæsen", "Human health and social work"],
  ["R", "R", "Kultur og fritid", "Arts, entertainment and recreation"],
  ["S", "S", "Andre serviceydelser", "Other service activities"],
  ["T", "T", "Private husholdninger", "Households as employers"],
  ["U", "U", "Eksterritoriale organisationer", "Extraterritorial organisations"],
  ["01", "A", "Landbrug og jagt", "Crop and animal production"],
  ["02", "A", "Skovbrug", "Forestry and logging"],
  ["03", "A", "Fiskeri", "Fishing and aquaculture"],
  ["05", "B", "Kulminer", "Mining of coal"],
  ["06", "B", "Olie- og gasudvinding", "Extraction of oil and gas"],
  ["07", "B", "Malmminer", "Mining of metal ores"],
  ["08", "B", "Anden råstofindvinding", "Other mining and quarrying"],
  ["09", "B", "Service til råstofindvinding", "Mining support services"],
  ["10", "C", "Fødevareindustri", "Food products"],
  ["11", "C", "Drikkevareindustri", "Beverages"],
  ["12", "C", "Tobaksindustri", "Tobacco products"],
  ["13", "C", "Tekstilindustri", "Textiles"],
  ["14", "C", "Beklædningsindustri", "Wearing apparel"],
  ["15", "C", "Læder- og fodtøjsindustri", "Leather and footwear"],
  ["16", "C", "Træindustri", "Wood products"],
  ["17", "C", "Papirindustri", "Paper products"],
  ["18", "C", "Trykkerier", "Printing"],
  ["19", "C", "Olieraffinaderier", "Refined petroleum products"],
  ["20", "C", "Kemisk industri", "Chemicals"],
  ["21", "C", "Medicinalindustri", "Pharmaceuticals"],
  ["22", "C", "Gummi- og plastindustri", "Rubber and plastic products"],
  ["23", "C", "Glas, beton og ler", "Non-metallic mineral products"],
  ["24", "C", "Metalindustri", "Basic metals"],
  ["25", "C", "Metalvareindustri", "Fabricated metal products"],
  ["26", "C", "Elektronikindustri", "Computer and electronic products"],
  ["27", "C", "Elektrisk udstyr", "Electrical equipment"],
  ["28", "C", "Maskinindustri", "Machinery and equipment"],
  ["29", "C", "Motorkøretøjer", "Motor vehicles"],
  ["30", "C", "Andre transportmidler", "Other transport equipment"],
  ["31", "C", "Møbelindustri", "Furniture"],
  ["32", "C", "Anden fremstilling", "Other manufacturing"],
  ["33", "C", "Reparation af maskiner", "Repair and installation of machinery"],
  ["35", "D", "El-, gas- og fjernvarmeforsyning", "Electricity, gas, steam and air conditioning"],
  ["36", "E", "Vandforsyning", "Water supply"],
  ["37", "E", "Kloakvæsen", "Sewerage"],
  ["38", "E", "Affaldshåndtering", "Waste collection and treatment"],
  ["39", "E", "Rensning af jord", "Remediation"],
  ["41", "F", "Opførelse af bygninger", "Construction of buildings"],
  ["42", "F", "Anlægsarbejder", "Civil engineering"],
  ["43", "F", "Bygge- og anlægsentreprenører", "Specialised construction"],
  ["45", "G", "Bilhandel og -værksteder", "Motor vehicle trade and repair"],
  ["46", "G", "Engroshandel", "Wholesale trade"],
  ["47", "G", "Detailhandel", "Retail trade"],
  ["49", "H", "Landtransport", "Land transport"],
  ["50", "H", "Skibsfart", "Water transport"],
  ["51", "H", "Luftfart", "Air transport"],
  ["52", "H", "Lager og transportservice", "Warehousing and transport support"],
  ["53", "H", "Post og kurer", "Postal and courier activities"],
  ["55", "I", "Hoteller mv.", "Accommodation"],
  ["56", "I", "Restauranter", "Food and beverage service"],
  ["58", "J", "Forlag", "Publishing"],
  ["59", "J", "Film, tv og musik", "Film, video, TV and music"],
  ["60", "J", "Radio og tv", "Broadcasting"],
  ["61", "J", "Telekommunikation", "Telecommunications"],
  ["62", "J", "IT-konsulenter mv.", "Computer programming and consultancy"],
  ["63", "J", "Informationstjenester", "Information services"],
  ["64", "K", "Pengeinstitutter", "Financial services"],
  ["65", "K", "Forsikring og pension", "Insurance and pension funding"],
  ["66", "K", "Finansiel service", "Auxiliary financial services"],
  ["68", "L", "Ejendomshandel og udlejning", "Real estate activities"],
  ["69", "M", "Advokater og revisorer", "Legal and accounting"],
  ["70", "M", "Virksomhedsledelse og rådgivning", "Head offices and management consultancy"],
  ["71", "M", "Arkitekter og rådgivende ingeniører", "Architecture and engineering"],
  ["72", "M", "Forskning og udvikling", "Scientific research and development"],
  ["73", "M", "Reklame og analyse", "Advertising and market research"],
  ["74", "M", "Andre liberale tjenester", "Other professional activities"],
  ["75", "M", "Dyrlæger", "Veterinary activities"],
  ["77", "N", "Udlejning og leasing", "Rental and leasing"],
  ["78", "N", "Arbejdsformidling og vikarbureauer", "Employment activities"],
  ["79", "N", "Rejsebureauer", "Travel agencies"],
  ["80", "N", "Vagt og sikkerhed", "Security and investigation"],
  ["81", "N", "Ejendomsservice og rengøring", "Building services and cleaning"],
  ["82", "N", "Administrativ service", "Office administrative support"],
  ["84", "O", "Offentlig administration", "Public administration and defence"],
  ["85", "P", "Undervisning", "Education"],
  ["86", "Q", "Sundhedsvæsen", "Human health activities"],
  ["87", "Q", "Plejehjem mv.", "Residential care"],
  ["88", "Q", "Sociale tilbud uden ophold", "Social work without accommodation"],
  ["90", "R", "Kunst og underholdning", "Creative, arts and entertainment"],
  ["91", "R", "Biblioteker og museer", "Libraries and museums"],
  ["92", "R", "Lotteri og spil", "Gambling and betting"],
  ["93", "R", "Sport og fritid", "Sports and recreation"],
  ["94", "S", "Organisationer og foreninger", "Membership organisations"],
  ["95", "S", "Reparation af husholdningsudstyr", "Repair of household goods"],
  ["96", "S", "Andre personlige tjenester", "Other personal services"],
  ["97", "T", "Private husholdninger med ansatte", "Households as employers"],
  ["98", "T", "Husholdningers produktion", "Households' own production"],
  ["99", "U", "Eksterritoriale organisationer", "Extraterritorial organisations"],
];

export const DB07: readonly IndustryRef[] = ROWS.map(([code, section, labelDa, labelEn]) => ({
  code,
  level: /^[A-Z]$/.test(code) ? "section" : "division",
  section,
  labelDa,
  labelEn,
}));

const bySection = new Map(DB07.map((i) => [i.code, i.section]));
/**
 * The section letter of a section ("Q", "q") or division ("41") code; a finer DB07 code ("47.11", "471100")
 * resolves through its two-digit division. Unknown codes give undefined.
 */
export function sectionOf(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]$/.test(c)) return bySection.get(c);
  const m = /^(\d{2})(?:\.?\d{1,4})?$/.exec(c);
  return m ? bySection.get(m[1]) : undefined;
}
