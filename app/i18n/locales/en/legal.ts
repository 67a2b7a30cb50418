import type { Translation } from "../da";

export default {
  footer: {
    label: "About Mentorbro",
    privacy: "Privacy notice",
    accessibility: "Accessibility statement",
  },
  privacy: {
    title: "Privacy notice",
    intro:
      "This page tells you what information Mentorbro processes about you, why, who sees it, how long we keep it, and what your rights are.",
    controllerTitle: "Who is responsible?",
    controller: [
      "The association that runs Mentorbro is the data controller for information about volunteer business mentors and about staff accounts.",
      "For citizens referred by a jobcentre, the municipality is the data controller. The association processes the information on the municipality's behalf under a data processing agreement.",
    ],
    contact: "Write to <mail>{{email}}</mail> if you have questions or want to use your rights.",
    volunteersTitle: "What we collect about you as a volunteer mentor",
    volunteers: [
      "When you sign up: name, email, phone number, postcode and municipality, employer (optional), job title, industry and the industries you have a network in, years of experience, whether you are a manager, languages, gender (optional), which gender you would rather mentor, what you can offer, when you can start, how many mentees you can take, and why you want to be a mentor.",
      "When we screen you: the dates of the screening call, the introduction and the confidentiality declaration, the coordinator's notes from the call, and that a criminal record certificate has been seen (the date only, never its content).",
      "During a course: your meetings (date, length, form, topics and next step), the coordinator's follow-up calls, the citizen's outcome and your answers to short surveys.",
      "For your account: email, name, a hashed password and the time you last logged in.",
    ],
    purposesTitle: "Why",
    purposes: [
      "To assess and approve you as a mentor and give you an introduction.",
      "To match you with a citizen in the same industry and in your local area.",
      "To follow up on the course, so that both you and the citizen get the help you need.",
      "To make statistics for municipalities and funders. The statistics never show individuals: figures about fewer than 5 people are not shown.",
    ],
    basisTitle: "Legal basis",
    basis:
      "We process your information on the basis of your consent (Article 6(1)(a) of the General Data Protection Regulation), which you give when you sign up. We keep which version of the text you agreed to, and when. You can withdraw your consent at any time; this does not affect the lawfulness of the processing until then.",
    whoTitle: "Who sees the information",
    who: [
      "The association's coordinators and administrators. Every time a staff member reads or changes information about a person, it is written to an access log.",
      "The citizen you are matched with gets only your first name. The jobcentre that referred the citizen also gets only your first name.",
      "Our email (Resend) and SMS (GatewayAPI) providers deliver the messages to you. They get only the recipient and the text of the message, and they are bound by data processing agreements.",
    ],
    citizensTitle: "Citizens referred by a jobcentre",
    citizens:
      "The jobcentre tells you about the processing when you are referred and records your consent. Your mentor sees only what is needed: your first name, your municipality, your languages, your Danish level, the industries and goals you want, and how to contact you. We never store CPR numbers or health information. You can always stop messages to you with the link in the email, or by answering STOP where the SMS says so.",
    retentionTitle: "How long",
    retention: [
      "A sign-up whose email is never confirmed is deleted after 30 days.",
      "Otherwise we anonymise the information {{months}} months after you stopped as a mentor or your last course ended. Only anonymous figures about the course remain for the statistics.",
      "Links in emails work for a short time and only once: email confirmation 48 hours, new password 1 hour, invitations 7 days.",
    ],
    rightsTitle: "Your rights",
    rights: [
      "You can get access to the information we hold about you, and receive it in a common format.",
      "You can have wrong information corrected. You can correct your profile yourself under My profile.",
      "You can have the information erased or its processing restricted, and you can object.",
      "You can withdraw your consent.",
      "You can complain to the Danish Data Protection Agency (datatilsynet.dk) if you are unhappy with how we process your information.",
    ],
    cookiesTitle: "Cookies",
    cookies:
      "Mentorbro uses only necessary cookies: one that keeps you logged in (mb_session, at most 7 days), one for the second step of logging in (mb_mfa, 5 minutes) and one that remembers your language (mb_lng). There are no statistics or advertising cookies, and we share nothing with others.",
    updated: "Last updated {{date}}.",
  },
  accessibility: {
    title: "Accessibility statement",
    intro:
      "The association behind Mentorbro wants everyone to be able to use Mentorbro. This statement covers every page of this website and is written under the Danish act on the accessibility of public sector bodies' websites and mobile applications.",
    statusTitle: "Compliance status",
    status:
      "Mentorbro is partially compliant with the WCAG 2.1 standard at level AA, because of the issues listed below.",
    issuesTitle: "Content that is not accessible",
    issues: [
      "The charts in the reports are images. Each chart has a text description, and the same figures are in a table beside it.",
      "Exported spreadsheets (CSV and XLSX) have not been tested with screen readers.",
      "Messages and pages for citizens in languages other than Danish and English are translated, but not tested with screen readers in all ten languages.",
    ],
    methodTitle: "How we assessed accessibility",
    method:
      "This statement was prepared on {{date}} on the basis of a self-assessment: every page is checked automatically with axe (WCAG 2.1 A and AA) in the automated browser tests, on a computer and a phone, and the pages have been gone through with a keyboard. The statement is reviewed when Mentorbro changes significantly, and at least once a year.",
    feedbackTitle: "Feedback and contact",
    feedback:
      "If you have problems with accessibility, or need information in another form, write to <mail>{{email}}</mail>. We answer within 14 days.",
    enforcementTitle: "Complaints",
    enforcement:
      "If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government, which supervises the act (digst.dk).",
  },
} satisfies Translation["legal"];
