/** Supply and demand (issue 19, /koordinator/behov). */
export default {
  title: "Behov og udbud",
  intro:
    "Ventende borgere over for ledige godkendte mentorer efter branche (DB07-hovedafsnit) og kommune. En borger, der ønsker brancher i to hovedafsnit, tæller i begge; totalerne tæller hver borger én gang.",
  totals: { waiting: "Ventende borgere", freeMentors: "Ledige mentorer", shortages: "Steder med mangel" },
  shortages: {
    title: "Hvor mangler vi mentorer?",
    intro:
      "Kombinationer af branche og kommune, hvor flere borgere venter, end der er ledige mentorer. Største mangel først.",
    chart_one: "Den største mangel",
    chart_other: "De {{count}} største mangler",
    chartDesc:
      "Ventende borgere minus ledige mentorer for hver kombination af branche og kommune. Tallene står også i tabellen.",
    caption: "Mangel på mentorer efter branche og kommune",
    none: "Der er ledige mentorer nok overalt lige nu.",
    linkNote:
      "Et hvervelink åbner tilmeldingen som frivillig mentor med branche og kommune valgt. Tilmeldinger gennem linket tælles nederst på siden.",
  },
  regions: {
    title: "Efter region",
    chartDesc: "Ventende borgere og ledige mentorer i hver region. Tallene står også i tabellen.",
    caption: "Ventende borgere og ledige mentorer efter region",
  },
  sections: { title: "Efter branche", caption: "Ventende borgere og ledige mentorer efter branche (DB07-hovedafsnit)" },
  trends: {
    title: "Udvikling måned for måned",
    chartDesc:
      "Ventende borgere ved månedens udgang, henvisninger, nye frivillige og startede forløb de seneste 12 måneder. Tallene står også i tabellen.",
    caption: "Udvikling de seneste 12 måneder",
    waitingAtEnd: "Ventende ved månedens udgang",
    referred: "Henviste borgere",
    signups: "Nye frivillige",
    started: "Startede forløb",
  },
  waits: {
    title_one: "Den længste ventetid",
    title_other: "De {{count}} længste ventetider",
    none: "Ingen borgere venter.",
  },
  links: {
    title: "Tilmeldinger gennem hvervelinks",
    intro: "Frivillige, der meldte sig gennem et hvervelink fra denne side, og hvor mange af dem der er godkendt.",
    signups: "Tilmeldinger",
    approved: "Godkendt",
    none: "Ingen har meldt sig gennem et hvervelink endnu.",
  },
  col: {
    section: "Branche",
    municipality: "Kommune",
    region: "Region",
    waiting: "Ventende borgere",
    freeMentors: "Ledige mentorer",
    gap: "Mangel",
    longestWait: "Længst ventet",
    openPlaces: "Ledige virksomhedspladser",
    recruit: "Hvervelink",
    month: "Måned",
    citizen: "Borger",
    wishes: "Ønskede brancher",
    referred: "Henvist",
    waited: "Ventet",
    link: "Hvervelink (branche, kommune)",
  },
  days_one: "{{count}} dag",
  days_other: "{{count}} dage",
  recruit: "Hvervelink",
  recruitLabel: "Hvervelink: {{cell}}",
};
