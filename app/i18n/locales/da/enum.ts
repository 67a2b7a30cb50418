export default {
  role: { admin: "Administrator", coordinator: "Koordinator", caseworker: "Sagsbehandler", mentor: "Mentor" },
  uiLocale: { da: "Dansk", en: "English" },
  messageLanguage: {
    da: "Dansk", en: "Engelsk", ar: "Arabisk", ti: "Tigrinya", fa: "Farsi", prs: "Dari", ps: "Pashto",
    so: "Somali", uk: "Ukrainsk", kmr: "Kurdisk (kurmanji)",
  },
  channel: { email: "E-mail", sms: "Sms" },
  messageStatus: { queued: "I kø", sending: "Sendes", sent: "Sendt", delivered: "Leveret", failed: "Fejlet", held: "Afventer afgørelse", cancelled: "Annulleret" },
  mentorStatus: {
    applied: "Ansøgt", screening: "Under screening", approved: "Godkendt", active: "Aktiv (har mentee)",
    paused: "Pause", rejected: "Afvist", retired: "Stoppet",
  },
  menteeStatus: {
    waiting: "Venter", matched: "Matchet", in_course: "I forløb", completed: "Afsluttet",
    ended_early: "Afbrudt", withdrawn: "Trukket tilbage",
  },
  courseStatus: {
    proposed: "Foreslået", approved: "Godkendt", active: "I gang", paused: "Pause",
    completed: "Afsluttet", ended_early: "Afbrudt",
  },
  outcomeType: {
    job_full_time: "Ordinært job (fuld tid)", job_part_time: "Ordinært job (deltid)", education: "Uddannelse",
    wage_subsidy: "Løntilskud", internship_unpaid: "Virksomhedspraktik", internship_paid: "Betalt praktik",
    igu: "IGU", closer_to_job: "Stadig ledig, men tættere på job",
  },
  outcomePhase: { end: "Ved afslutning", followup_3m: "Opfølgning efter 3 måneder" },
  endReason: {
    got_job: "Borgeren fik job", mentee_withdrew: "Borgeren stoppede", mentor_withdrew: "Mentoren stoppede",
    no_contact: "Ingen kontakt", moved: "Flyttet", personal_circumstances: "Personlige forhold",
    consent_withdrawn: "Samtykke trukket tilbage", other: "Andet",
  },
  menteeGroup: { refugee: "Flygtning", family_reunified: "Familiesammenført", other: "Andet" },
  gender: { female: "Kvinde", male: "Mand", other: "Andet" },
  genderPreference: { none: "Ingen præference", female: "Kvinde", male: "Mand" },
  danishLevel: {
    none: "Ingen dansk", du1: "Danskuddannelse 1", du2: "Danskuddannelse 2", du3: "Danskuddannelse 3",
    pd1: "Prøve i Dansk 1", pd2: "Prøve i Dansk 2", pd3: "Prøve i Dansk 3", studieproeven: "Studieprøven",
  },
  englishLevel: { none: "Intet", basic: "Lidt", intermediate: "Middel", fluent: "Flydende" },
  educationLevel: {
    none: "Ingen", primary: "Grundskole", secondary: "Gymnasial", vocational: "Erhvervsuddannelse",
    bachelor: "Bachelor / professionsbachelor", master: "Kandidat / master", phd: "Ph.d.",
  },
  goal: {
    cv: "CV", applications: "Ansøgninger", interviews: "Jobsamtaler", network: "Netværk",
    industry_insight: "Indsigt i branchen", workplace_culture: "Kultur på arbejdspladsen",
    education_guidance: "Vejledning om uddannelse",
  },
  meetingForm: { in_person: "Fysisk møde", phone: "Telefon", video: "Video", company_visit: "Virksomhedsbesøg" },
  meetingTopic: {
    cv: "CV", applications: "Ansøgninger", interviews: "Jobsamtaletræning", network: "Netværk og kontakter",
    industry_insight: "Indsigt i branchen", workplace_culture: "Kultur på arbejdspladsen",
    education_guidance: "Vejledning om uddannelse", other: "Andet",
  },
  screeningStep: {
    screening_call: "Screeningsamtale", introduction: "Introduktion til mentorrollen",
    confidentiality_declaration: "Tavshedserklæring modtaget", criminal_record_check: "Straffeattest set",
  },
  introductionForm: { meeting: "Møde", online: "Online" },
  followUpTarget: { mentor: "Mentor", mentee: "Borger", caseworker: "Sagsbehandler" },
  followUpStatus: { on_track: "Går godt", concern: "Bekymring", needs_action: "Kræver handling" },
  consentPurpose: {
    participation: "Deltagelse i mentorprogrammet", share_with_mentor: "Deling af minimal profil med mentor",
    sms: "Beskeder på sms", mentor_data_processing: "Behandling af mentorens oplysninger",
    mentor_confidentiality: "Tavshedspligt",
  },
  surveyKind: { day30: "Efter 30 dage", closure: "Ved afslutning" },
  surveyRespondent: { mentor: "Mentor", mentee: "Borger" },
  closerToJob: { yes: "Ja", no: "Nej", unsure: "Ved ikke" },
  plannedMeetingStatus: { planned: "Planlagt", held: "Holdt", missed: "Blev ikke til noget", cancelled: "Aflyst" },
  goalKind: {
    labour_market: "Forstå det danske arbejdsmarked i min branche", cv_danish: "CV på dansk", applications: "Ansøgninger sendt",
    interview_practice: "Træning i jobsamtaler", network_contacts: "Kontakter i netværket", change_industry: "Afklare, om jeg skal skifte branche",
    placement: "Finde praktik, løntilskud eller uddannelse", own: "Eget mål",
  },
  goalStatus: { planned: "Sat", in_progress: "I gang", reached: "Nået", dropped: "Droppet" },
  guidanceKind: { introduction: "Introduktion", tip: "Tip til forløbet" },
};
