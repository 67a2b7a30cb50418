import type { Translation } from "../da";

/** Supply and demand (issue 19, /koordinator/behov). */
const demand: Translation["demand"] = {
  title: "Demand and supply",
  intro:
    "Waiting citizens against free approved mentors by industry (DB07 section) and municipality. A citizen who wishes industries in two sections counts in both; the totals count each citizen once.",
  totals: { waiting: "Waiting citizens", freeMentors: "Free mentors", shortages: "Places short of mentors" },
  shortages: {
    title: "Where do we lack mentors?",
    intro:
      "Combinations of industry and municipality where more citizens wait than there are free mentors. Largest shortage first.",
    chart_one: "The largest shortage",
    chart_other: "The {{count}} largest shortages",
    chartDesc:
      "Waiting citizens minus free mentors for each combination of industry and municipality. The figures are also in the table.",
    caption: "Shortage of mentors by industry and municipality",
    none: "There are enough free mentors everywhere right now.",
    linkNote:
      "A recruitment link opens the volunteer sign-up with industry and municipality chosen. Sign-ups through the link are counted at the bottom of the page.",
  },
  regions: {
    title: "By region",
    chartDesc: "Waiting citizens and free mentors in each region. The figures are also in the table.",
    caption: "Waiting citizens and free mentors by region",
  },
  sections: { title: "By industry", caption: "Waiting citizens and free mentors by industry (DB07 section)" },
  trends: {
    title: "Month by month",
    chartDesc:
      "Citizens waiting at the end of the month, referrals, new volunteers and courses started over the last 12 months. The figures are also in the table.",
    caption: "The last 12 months",
    waitingAtEnd: "Waiting at month end",
    referred: "Citizens referred",
    signups: "New volunteers",
    started: "Courses started",
  },
  waits: {
    title_one: "The longest wait",
    title_other: "The {{count}} longest waits",
    none: "No citizen is waiting.",
  },
  links: {
    title: "Sign-ups through recruitment links",
    intro: "Volunteers who signed up through a recruitment link from this page, and how many of them are approved.",
    signups: "Sign-ups",
    approved: "Approved",
    none: "Nobody has signed up through a recruitment link yet.",
  },
  col: {
    section: "Industry",
    municipality: "Municipality",
    region: "Region",
    waiting: "Waiting citizens",
    freeMentors: "Free mentors",
    gap: "Shortage",
    longestWait: "Longest wait",
    openPlaces: "Open company places",
    recruit: "Recruitment link",
    month: "Month",
    citizen: "Citizen",
    wishes: "Wished industries",
    referred: "Referred",
    waited: "Waited",
    link: "Recruitment link (industry, municipality)",
  },
  days_one: "{{count}} day",
  days_other: "{{count}} days",
  recruit: "Recruitment link",
  recruitLabel: "Recruitment link: {{cell}}",
};
export default demand;
