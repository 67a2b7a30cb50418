import type { Translation } from "../da";

export default {
  role: { admin: "Administrator", coordinator: "Coordinator", caseworker: "Caseworker", mentor: "Mentor" },
  uiLocale: { da: "Dansk", en: "English" },
  messageLanguage: {
    da: "Danish", en: "English", ar: "Arabic", ti: "Tigrinya", fa: "Farsi", prs: "Dari", ps: "Pashto",
    so: "Somali", uk: "Ukrainian", kmr: "Kurdish (Kurmanji)",
  },
  channel: { email: "Email", sms: "SMS" },
  messageStatus: { queued: "Queued", sending: "Sending", sent: "Sent", delivered: "Delivered", failed: "Failed", held: "Awaiting a decision", cancelled: "Cancelled" },
  mentorStatus: {
    applied: "Applied", screening: "Screening", approved: "Approved", active: "Active (has mentee)",
    paused: "Paused", rejected: "Rejected", retired: "Retired",
  },
  menteeStatus: {
    waiting: "Waiting", matched: "Matched", in_course: "In course", completed: "Completed",
    ended_early: "Ended early", withdrawn: "Withdrawn",
  },
  courseStatus: {
    proposed: "Proposed", approved: "Approved", active: "Active", paused: "Paused",
    completed: "Completed", ended_early: "Ended early",
  },
  outcomeType: {
    job_full_time: "Ordinary job (full time)", job_part_time: "Ordinary job (part time)", education: "Education",
    wage_subsidy: "Wage subsidy", internship_unpaid: "Internship (unpaid)", internship_paid: "Paid internship",
    igu: "IGU", closer_to_job: "Still unemployed, closer to a job",
  },
  outcomePhase: { end: "At the end", followup_3m: "3-month follow-up" },
  endReason: {
    got_job: "The citizen got a job", mentee_withdrew: "The citizen stopped", mentor_withdrew: "The mentor stopped",
    no_contact: "No contact", moved: "Moved", personal_circumstances: "Personal circumstances",
    consent_withdrawn: "Consent withdrawn", other: "Other",
  },
  menteeGroup: { refugee: "Refugee", family_reunified: "Family-reunified", other: "Other" },
  gender: { female: "Woman", male: "Man", other: "Other" },
  genderPreference: { none: "No preference", female: "Woman", male: "Man" },
  danishLevel: {
    none: "No Danish", du1: "Danish education 1", du2: "Danish education 2", du3: "Danish education 3",
    pd1: "Danish exam 1", pd2: "Danish exam 2", pd3: "Danish exam 3", studieproeven: "Studieprøven",
  },
  englishLevel: { none: "None", basic: "Basic", intermediate: "Intermediate", fluent: "Fluent" },
  educationLevel: {
    none: "None", primary: "Primary school", secondary: "Upper secondary", vocational: "Vocational",
    bachelor: "Bachelor", master: "Master", phd: "PhD",
  },
  goal: {
    cv: "CV", applications: "Applications", interviews: "Job interviews", network: "Network",
    industry_insight: "Industry insight", workplace_culture: "Workplace culture",
    education_guidance: "Education guidance",
  },
  meetingForm: { in_person: "In person", phone: "Phone", video: "Video", company_visit: "Company visit" },
  meetingTopic: {
    cv: "CV", applications: "Applications", interviews: "Interview training", network: "Network and contacts",
    industry_insight: "Industry insight", workplace_culture: "Workplace culture",
    education_guidance: "Education guidance", other: "Other",
  },
  screeningStep: {
    screening_call: "Screening call", introduction: "Introduction to the mentor role",
    confidentiality_declaration: "Confidentiality declaration received", criminal_record_check: "Criminal record seen",
  },
  introductionForm: { meeting: "Meeting", online: "Online" },
  followUpTarget: { mentor: "Mentor", mentee: "Citizen", caseworker: "Caseworker" },
  followUpStatus: { on_track: "On track", concern: "Concern", needs_action: "Needs action" },
  consentPurpose: {
    participation: "Taking part in the mentor programme", share_with_mentor: "Sharing a minimal profile with the mentor",
    sms: "Messages by SMS", mentor_data_processing: "Processing of the mentor's data",
    mentor_confidentiality: "Duty of confidentiality",
  },
  surveyKind: { day30: "After 30 days", closure: "At closure" },
  surveyRespondent: { mentor: "Mentor", mentee: "Citizen" },
  closerToJob: { yes: "Yes", no: "No", unsure: "Don't know" },
  iscedLevel: {
    "0": "ISCED 0: None or pre-primary", "1": "ISCED 1: Primary (years 1-6)", "2": "ISCED 2: Lower secondary (years 7-10)",
    "3": "ISCED 3: Upper secondary, general or vocational", "4": "ISCED 4: Post-secondary non-tertiary",
    "5": "ISCED 5: Short-cycle tertiary", "6": "ISCED 6: Bachelor or professional bachelor", "7": "ISCED 7: Master",
    "8": "ISCED 8: Doctorate",
  },
  openingType: { internship: "Internship (unpaid)", wage_subsidy: "Wage subsidy", igu: "IGU", ordinary_job: "Ordinary job", talent_track: "Talent track" },
  openingStatus: { proposed: "Suggested by a mentor", open: "Open", filled: "Filled", closed: "Closed" },
  companySize: { micro: "1-9 employees", small: "10-49 employees", medium: "50-249 employees", large: "250 employees or more" },
  companyProgramme: {
    mentor_network: "Mentor network", talent_track: "Talent track", competence_match: "Competence match",
    host_internship: "Host company for internships", igu: "IGU", place_and_train: "Place and train",
  },
  proposalStatus: { proposed: "Proposed", accepted: "Said yes", declined: "Said no", withdrawn: "Withdrawn" },
  declineReason: {
    skills: "Skills do not fit", danish_level: "Danish not good enough yet", no_places: "No place after all",
    other_candidate: "Chose someone else", citizen_declined: "The citizen said no", other: "Other",
  },
  placementStatus: { planned: "Planned", active: "Running", completed: "Completed", ended_early: "Ended early", cancelled: "Cancelled" },
  placementEndReason: {
    got_job: "The citizen got a job", citizen_stopped: "The citizen stopped", company_ended: "The company stopped", no_show: "The citizen did not show up",
    moved: "Moved", personal_circumstances: "Personal circumstances", other: "Other",
  },
  schoolKind: { amu: "AMU course", danish: "Danish lessons", vocational_school: "Vocational school", other: "Other" },
  plannedMeetingStatus: { planned: "Planned", held: "Held", missed: "Did not happen", cancelled: "Cancelled" },
  goalKind: {
    labour_market: "Understand the Danish labour market in my industry", cv_danish: "CV in Danish", applications: "Applications sent",
    interview_practice: "Job interview practice", network_contacts: "Network contacts made", change_industry: "Clarify whether to change industry",
    placement: "Find an internship, wage subsidy or education", own: "Own goal",
  },
  goalStatus: { planned: "Set", in_progress: "In progress", reached: "Reached", dropped: "Dropped" },
  guidanceKind: { introduction: "Introduction", tip: "Tip for the course" },
} satisfies Translation["enum"];
