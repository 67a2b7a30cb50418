/**
 * Every enumeration of the domain, defined once. The database schema, the zod form schemas and the UI labels
 * (i18n key `enum.<name>.<value>`) all read from here, so a new value is added in exactly one place.
 */

export const roles = ["admin", "coordinator", "caseworker", "mentor"] as const;
export type Role = (typeof roles)[number];
/** Staff roles that may read mentee records (every read is logged). */
export const staffRoles = ["admin", "coordinator", "caseworker"] as const satisfies readonly Role[];

export const uiLocales = ["da", "en"] as const;
export type UiLocale = (typeof uiLocales)[number];

/** Languages a message to a mentee can be written in (ISO 639 codes; prs = Dari, kmr = Kurmanji). */
export const messageLanguages = ["da", "en", "ar", "ti", "fa", "prs", "ps", "so", "uk", "kmr"] as const;
export type MessageLanguage = (typeof messageLanguages)[number];
export const rtlLanguages: readonly MessageLanguage[] = ["ar", "fa", "prs", "ps"];
export function isRtl(language: string): boolean {
  return (rtlLanguages as readonly string[]).includes(language);
}
/** Languages a mentor or mentee may speak (superset of the message languages). */
export const spokenLanguages = [
  ...messageLanguages,
  "de",
  "fr",
  "es",
  "ru",
  "tr",
  "pl",
  "ro",
  "so",
  "am",
  "ur",
  "hi",
  "sq",
  "bs",
].filter((v, i, a) => a.indexOf(v) === i) as readonly string[];

export const channels = ["email", "sms"] as const;
export type Channel = (typeof channels)[number];

/** `held`: the provider may have the message but we never heard back, and it cannot deduplicate: a person decides. */
export const messageStatuses = ["queued", "sending", "sent", "delivered", "failed", "held", "cancelled"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const mentorStatuses = ["applied", "screening", "approved", "active", "paused", "rejected", "retired"] as const;
export type MentorStatus = (typeof mentorStatuses)[number];

export const menteeStatuses = ["waiting", "matched", "in_course", "completed", "ended_early", "withdrawn"] as const;
export type MenteeStatus = (typeof menteeStatuses)[number];

export const courseStatuses = ["proposed", "approved", "active", "paused", "completed", "ended_early"] as const;
export type CourseStatus = (typeof courseStatuses)[number];
/** A course that takes one of the mentor's places (approved and not yet closed). */
export const occupyingCourseStatuses = ["approved", "active", "paused"] as const satisfies readonly CourseStatus[];
/** A course not yet closed, proposals included. */
export const runningCourseStatuses = [
  "proposed",
  ...occupyingCourseStatuses,
] as const satisfies readonly CourseStatus[];

export const outcomeTypes = [
  "job_full_time",
  "job_part_time",
  "education",
  "wage_subsidy",
  "internship_unpaid",
  "internship_paid",
  "igu",
  "closer_to_job",
] as const;
export type OutcomeType = (typeof outcomeTypes)[number];
/** Outcomes that count as "moved on" in the programme's headline figure. */
export const positiveOutcomeTypes: readonly OutcomeType[] = outcomeTypes.filter((t) => t !== "closer_to_job");

export const outcomePhases = ["end", "followup_3m"] as const;
export type OutcomePhase = (typeof outcomePhases)[number];

export const endReasons = [
  "got_job",
  "mentee_withdrew",
  "mentor_withdrew",
  /** The pair did not work (issue 19: the citizen can get a second chance). */
  "pair_mismatch",
  "no_contact",
  "moved",
  "personal_circumstances",
  "consent_withdrawn",
  "other",
] as const;
export type EndReason = (typeof endReasons)[number];

export const menteeGroups = ["refugee", "family_reunified", "other"] as const;
export type MenteeGroup = (typeof menteeGroups)[number];

export const genders = ["female", "male", "other"] as const;
export type Gender = (typeof genders)[number];
export const genderPreferences = ["none", "female", "male"] as const;
export type GenderPreference = (typeof genderPreferences)[number];

export const danishLevels = ["none", "du1", "du2", "du3", "pd1", "pd2", "pd3", "studieproeven"] as const;
export type DanishLevel = (typeof danishLevels)[number];
export const danishModules = [1, 2, 3, 4, 5, 6] as const;

export const englishLevels = ["none", "basic", "intermediate", "fluent"] as const;
export type EnglishLevel = (typeof englishLevels)[number];

export const educationLevels = ["none", "primary", "secondary", "vocational", "bachelor", "master", "phd"] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** What a mentee wants from the course; a mentor offers the same list. */
export const goals = [
  "cv",
  "applications",
  "interviews",
  "network",
  "industry_insight",
  "workplace_culture",
  "education_guidance",
] as const;
export type Goal = (typeof goals)[number];

export const meetingForms = ["in_person", "phone", "video", "company_visit"] as const;
export type MeetingForm = (typeof meetingForms)[number];
export const meetingTopics = [...goals, "other"] as const;
export type MeetingTopic = (typeof meetingTopics)[number];

export const screeningSteps = [
  "screening_call",
  "introduction",
  "confidentiality_declaration",
  "criminal_record_check",
] as const;
export type ScreeningStep = (typeof screeningSteps)[number];
export const introductionForms = ["meeting", "online"] as const;

export const followUpTargets = ["mentor", "mentee", "caseworker"] as const;
export const followUpStatuses = ["on_track", "concern", "needs_action"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const consentPurposes = [
  "participation",
  "share_with_mentor",
  "sms",
  "mentor_data_processing",
  "mentor_confidentiality",
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const subjectTypes = ["mentor", "mentee", "user"] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const surveyKinds = ["day30", "closure"] as const;
export const surveyRespondents = ["mentor", "mentee"] as const;
export const closerToJobAnswers = ["yes", "no", "unsure"] as const;

export const tokenPurposes = [
  "email_verification",
  "password_reset",
  "invitation",
  "survey",
  "opt_out",
  "citizen_page",
] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** A meeting planned ahead (issue 21): held once the mentor confirms it (a logged meeting), or missed, or cancelled. */
export const plannedMeetingStatuses = ["planned", "held", "missed", "cancelled"] as const;
export type PlannedMeetingStatus = (typeof plannedMeetingStatuses)[number];

/** The programme's typical aims a course's goal plan chooses from, or `own` (written by the pair). */
export const goalKinds = [
  "labour_market",
  "cv_danish",
  "applications",
  "interview_practice",
  "network_contacts",
  "change_industry",
  "placement",
  "own",
] as const;
export type GoalKind = (typeof goalKinds)[number];
export const goalStatuses = ["planned", "in_progress", "reached", "dropped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** Coordinators' guidance for mentors: the introduction (read before the first match) and short tips per course month. */
export const guidanceKinds = ["introduction", "tip"] as const;
export type GuidanceKind = (typeof guidanceKinds)[number];

export const auditActions = ["view", "create", "update", "delete", "export", "anonymise", "login", "logout"] as const;
export type AuditAction = (typeof auditActions)[number];

/* ------------------------------------------------------------------ the company side (issue 20) */

/** Education level by ISCED 2011 (0 early childhood … 8 doctoral); stored as the digit. */
export const iscedLevels = ["0", "1", "2", "3", "4", "5", "6", "7", "8"] as const;
export type IscedLevel = (typeof iscedLevels)[number];

/** What a company offers: virksomhedspraktik, løntilskud, IGU, ordinært job, a place in an intensive talent track. */
export const openingTypes = ["internship", "wage_subsidy", "igu", "ordinary_job", "talent_track"] as const;
export type OpeningType = (typeof openingTypes)[number];

/** `proposed`: heard of by a mentor, not yet confirmed by staff. */
export const openingStatuses = ["proposed", "open", "filled", "closed"] as const;
export type OpeningStatus = (typeof openingStatuses)[number];

/** Employees: micro 1-9, small 10-49, medium 50-249, large 250+. */
export const companySizes = ["micro", "small", "medium", "large"] as const;
export type CompanySize = (typeof companySizes)[number];

/** The programmes a company takes part in (DOMAIN.md, "the company side"). */
export const companyProgrammes = [
  "mentor_network",
  "talent_track",
  "competence_match",
  "host_internship",
  "igu",
  "place_and_train",
] as const;
export type CompanyProgramme = (typeof companyProgrammes)[number];

export const proposalStatuses = ["proposed", "accepted", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const declineReasons = [
  "skills",
  "danish_level",
  "no_places",
  "other_candidate",
  "citizen_declined",
  "other",
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const placementStatuses = ["planned", "active", "completed", "ended_early", "cancelled"] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

export const placementEndReasons = [
  "got_job",
  "citizen_stopped",
  "company_ended",
  "no_show",
  "moved",
  "personal_circumstances",
  "other",
] as const;
export type PlacementEndReason = (typeof placementEndReasons)[number];

/** IGU schooling: AMU courses, Danish, vocational school, other. */
export const schoolKinds = ["amu", "danish", "vocational_school", "other"] as const;
export type SchoolKind = (typeof schoolKinds)[number];

export const regions = [
  { code: 1081, name: "Region Nordjylland" },
  { code: 1082, name: "Region Midtjylland" },
  { code: 1083, name: "Region Syddanmark" },
  { code: 1084, name: "Region Hovedstaden" },
  { code: 1085, name: "Region Sjælland" },
] as const;
export type RegionCode = (typeof regions)[number]["code"];

/** Every enumeration by name, so the UI and tests can iterate over them. */
export const enumerations = {
  role: roles,
  uiLocale: uiLocales,
  messageLanguage: messageLanguages,
  channel: channels,
  messageStatus: messageStatuses,
  mentorStatus: mentorStatuses,
  menteeStatus: menteeStatuses,
  courseStatus: courseStatuses,
  outcomeType: outcomeTypes,
  outcomePhase: outcomePhases,
  endReason: endReasons,
  menteeGroup: menteeGroups,
  gender: genders,
  genderPreference: genderPreferences,
  danishLevel: danishLevels,
  englishLevel: englishLevels,
  educationLevel: educationLevels,
  goal: goals,
  meetingForm: meetingForms,
  meetingTopic: meetingTopics,
  screeningStep: screeningSteps,
  introductionForm: introductionForms,
  followUpTarget: followUpTargets,
  followUpStatus: followUpStatuses,
  consentPurpose: consentPurposes,
  surveyKind: surveyKinds,
  surveyRespondent: surveyRespondents,
  closerToJob: closerToJobAnswers,
  iscedLevel: iscedLevels,
  openingType: openingTypes,
  openingStatus: openingStatuses,
  companySize: companySizes,
  companyProgramme: companyProgrammes,
  proposalStatus: proposalStatuses,
  declineReason: declineReasons,
  placementStatus: placementStatuses,
  placementEndReason: placementEndReasons,
  schoolKind: schoolKinds,
  plannedMeetingStatus: plannedMeetingStatuses,
  goalKind: goalKinds,
  goalStatus: goalStatuses,
  guidanceKind: guidanceKinds,
} as const;
export type EnumerationName = keyof typeof enumerations;
