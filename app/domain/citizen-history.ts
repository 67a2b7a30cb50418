/**
 * A citizen's history: mentor courses and company placements in one list, newest start first (on the same day the
 * placement first, then the higher id), so a caseworker reads what happened in order. Pure.
 */
import type { CourseStatus, OpeningType, OutcomeType, PlacementStatus } from "./enums";

export type HistoryCourse = {
  kind: "course";
  id: number;
  status: CourseStatus;
  startDate: string;
  endedOn: string | null;
  outcome: OutcomeType | null;
};
export type HistoryPlacement = {
  kind: "placement";
  id: number;
  status: PlacementStatus;
  startDate: string;
  endedOn: string | null;
  outcome: OutcomeType | null;
  type: OpeningType;
  companyName: string;
  occupation: string;
};
export type HistoryItem = HistoryCourse | HistoryPlacement;

export function mergeHistory(
  courses: readonly HistoryCourse[],
  placements: readonly HistoryPlacement[],
): HistoryItem[] {
  return [...courses, ...placements].sort(
    (a, b) =>
      b.startDate.localeCompare(a.startDate) || (a.kind === b.kind ? b.id - a.id : a.kind === "placement" ? -1 : 1),
  );
}
