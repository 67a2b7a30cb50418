/**
 * Messages of issue 21 (between meetings): the calendar invite to a planned meeting, its change and cancellation, the
 * reminder the day before, the prompt to log a meeting that passed, the citizen's own page link, the code that
 * confirms a new phone number or language, and the citizen's "call me" to the coordinators.
 *
 * Citizens' messages are in all ten languages (written by us, awaiting review by native speakers like the others),
 * carry no more than the mentor's first name, the time and the place, and no link except their own page and code
 * (declared secret: staff never see them, docs/decisions/003). Emails of a planned meeting carry an .ics invite
 * (emails/calendar.ts) in Europe/Copenhagen.
 *
 * The citizens' messages are in between-meetings-citizen.ts, the mentor's and coordinators' in
 * between-meetings-mentor.ts; this module is the one the catalogue (emails/index.ts) and other templates import.
 */
export * from "./between-meetings-citizen";
export * from "./between-meetings-mentor";
