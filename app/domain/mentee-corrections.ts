/**
 * Corrections of a referred citizen's record (issue 19): which of the correctable fields a correction changes. The
 * record's history and the access log keep the names of the changed fields, never the values (a phone number or an
 * email address in a history line would be personal data copied where nobody looks after it). Pure.
 */
export const correctableFieldNames = [
  "phone",
  "email",
  "preferredChannel",
  "language",
  "danishLevel",
  "danishModule",
  "wishedIndustryCodes",
  "goals",
] as const;
export type CorrectableFieldName = (typeof correctableFieldNames)[number];

export type CorrectableValues = {
  phone: string | null;
  email: string | null;
  preferredChannel: string;
  language: string;
  danishLevel: string;
  danishModule: number | null;
  wishedIndustryCodes: readonly string[];
  goals: readonly string[];
};

/** The fields whose value differs. Wished industries keep their order (the first is the wish that counts most); goals are a set. */
export function changedFields(before: CorrectableValues, after: CorrectableValues): CorrectableFieldName[] {
  const same = (f: CorrectableFieldName): boolean => {
    const a = before[f];
    const b = after[f];
    if (f === "goals") return [...(a as string[])].sort().join(",") === [...(b as string[])].sort().join(",");
    if (Array.isArray(a) && Array.isArray(b)) return a.join(",") === b.join(",");
    return (a ?? null) === (b ?? null);
  };
  return correctableFieldNames.filter((f) => !same(f));
}
