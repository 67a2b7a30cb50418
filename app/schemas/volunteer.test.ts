import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { availabilitySchema, decisionSchema, screeningSchema, volunteerSignupSchema } from "./volunteer";

const valid: Record<string, string | string[]> = {
  firstName: "Karen",
  lastName: "Holm",
  email: "Karen.Holm@Example.dk",
  phone: "20 30 40 50",
  postcode: "8000",
  municipalityCode: "751",
  travelKm: "15",
  jobTitle: "Projektleder",
  industryCode: "41",
  networkIndustryCodes: ["43", "71"],
  yearsExperience: "12",
  isManager: "yes",
  languages: ["ar", "en"],
  menteeGenderPreference: "none",
  offers: ["cv", "network"],
  capacity: "1",
  motivation: "Jeg vil gerne hjælpe.",
  consentData: "on",
  consentConfidentiality: "on",
};

function form(values: Record<string, string | string[] | undefined>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  }
  return fd;
}
const parse = (values: Record<string, string | string[] | undefined>) =>
  parseWithZod(form(values), { schema: volunteerSignupSchema });
const errorsOf = (values: Record<string, string | string[] | undefined>) => {
  const s = parse(values);
  return s.status === "success" ? {} : (s.reply().error ?? {});
};

describe("volunteer sign-up schema", () => {
  it("accepts a complete sign-up and normalises phone and email", () => {
    const s = parse(valid);
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(s.value.phone).toBe("+4520304050");
    expect(s.value.email).toBe("karen.holm@example.dk");
    expect(s.value.isManager).toBe(true);
    expect(s.value.municipalityCode).toBe(751);
    expect(s.value.networkIndustryCodes).toEqual(["43", "71"]);
  });
  it("requires both consents", () => {
    const e = errorsOf({ ...valid, consentData: undefined, consentConfidentiality: undefined });
    expect(e.consentData).toEqual(["volunteer.errors.consentData"]);
    expect(e.consentConfidentiality).toEqual(["volunteer.errors.consentConfidentiality"]);
  });
  it.each(["1234", "abc", "+45 12", "12345678", "2030405"])("rejects the phone %s", (phone) => {
    expect(errorsOf({ ...valid, phone }).phone).toEqual(["volunteer.errors.phone"]);
  });
  it.each(["800", "0999", "80000", "abcd"])("rejects the postcode %s", (postcode) => {
    expect(errorsOf({ ...valid, postcode }).postcode).toEqual(["volunteer.errors.postcode"]);
  });
  it("rejects unknown municipality and industry codes", () => {
    const e = errorsOf({ ...valid, municipalityCode: "999", industryCode: "F" });
    expect(e.municipalityCode).toEqual(["volunteer.errors.municipality"]);
    expect(e.industryCode).toEqual(["volunteer.errors.industry"]);
  });
  it("reports every missing field of an empty form", () => {
    const e = errorsOf({});
    for (const f of [
      "firstName",
      "lastName",
      "email",
      "phone",
      "postcode",
      "municipalityCode",
      "jobTitle",
      "industryCode",
      "yearsExperience",
      "isManager",
      "offers",
      "motivation",
      "consentData",
      "consentConfidentiality",
    ]) {
      expect(e[f], f).toBeTruthy();
    }
  });
  it("rejects 10 000-character fields and markup", () => {
    const e = errorsOf({ ...valid, firstName: "x".repeat(10_000), motivation: "<script>alert(1)</script>" });
    expect(e.firstName).toEqual(['common.form.tooLong|{"max":100}']);
    expect(e.motivation).toEqual(["common.form.invalid"]);
  });
  it("rejects an invalid email", () => {
    expect(errorsOf({ ...valid, email: "karen@" }).email).toEqual(["common.form.invalidEmail"]);
  });
  it("limits capacity to 1-3 and network industries to 5", () => {
    expect(errorsOf({ ...valid, capacity: "4" }).capacity).toBeTruthy();
    expect(
      errorsOf({ ...valid, networkIndustryCodes: ["41", "42", "43", "45", "46", "47"] }).networkIndustryCodes,
    ).toBeTruthy();
  });
});

describe("coordinator forms", () => {
  it("requires the form of an introduction and refuses notes on the record check", () => {
    const intro = parseWithZod(form({ intent: "screening", step: "introduction", doneOn: "2026-11-20" }), {
      schema: screeningSchema,
    });
    expect(intro.status).toBe("error");
    const record = parseWithZod(
      form({ intent: "screening", step: "criminal_record_check", doneOn: "2026-11-20", notes: "Dømt for..." }),
      { schema: screeningSchema },
    );
    expect(record.status).toBe("error");
    const ok = parseWithZod(form({ intent: "screening", step: "criminal_record_check", doneOn: "2026-11-20" }), {
      schema: screeningSchema,
    });
    expect(ok.status).toBe("success");
  });
  it("requires a reason to reject", () => {
    expect(parseWithZod(form({ intent: "reject" }), { schema: decisionSchema }).status).toBe("error");
    expect(parseWithZod(form({ intent: "reject", reason: "Ingen erfaring" }), { schema: decisionSchema }).status).toBe(
      "success",
    );
    expect(parseWithZod(form({ intent: "approve" }), { schema: decisionSchema }).status).toBe("success");
  });
  it("orders a pause's dates", () => {
    expect(
      parseWithZod(form({ intent: "pause", pausedFrom: "2026-12-10", pausedTo: "2026-12-01" }), {
        schema: availabilitySchema,
      }).status,
    ).toBe("error");
    expect(
      parseWithZod(form({ intent: "pause", pausedFrom: "2026-12-01" }), { schema: availabilitySchema }).status,
    ).toBe("success");
    expect(parseWithZod(form({ intent: "clear" }), { schema: availabilitySchema }).status).toBe("success");
  });
});

describe("CPR numbers, phones and names in the sign-up", () => {
  it("refuses a CPR number in every free-text field, with the reason next to the field", () => {
    for (const field of ["firstName", "lastName", "employer", "jobTitle", "motivation", "email"]) {
      const value = field === "email" ? "0101901234@example.dk" : `Mit nummer er 010190-1234`;
      expect(errorsOf({ ...valid, [field]: value })[field], field).toContain("common.form.cpr");
    }
  });
  it("refuses a CPR number or a number of no country in the phone field", () => {
    expect(errorsOf({ ...valid, phone: "0101901234" }).phone).toEqual(["common.form.cpr"]);
    expect(errorsOf({ ...valid, phone: "00000000" }).phone).toEqual(["volunteer.errors.phone"]);
    const abroad = parse({ ...valid, phone: "+46 70 123 45 67" });
    expect(abroad.status === "success" && abroad.value.phone).toBe("+46701234567");
  });
  it("refuses names of invisible characters or with bidi overrides", () => {
    expect(errorsOf({ ...valid, firstName: "\u200B\u3164" }).firstName).toContain("common.form.nameInvisible");
    expect(errorsOf({ ...valid, lastName: "Holm\u202E" }).lastName).toContain("common.form.nameBidi");
  });
});
