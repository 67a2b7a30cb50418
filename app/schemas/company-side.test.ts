import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { competenceSchema, profileOf } from "./competence";
import { companySchema, mentorTipSchema, acceptSchema, placementEndSchema, openingSchema } from "./companies";

function form(entries: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}
const errors = (fd: FormData, schema: Parameters<typeof parseWithZod>[1]["schema"]) => {
  const s = parseWithZod(fd, { schema });
  return s.status === "success" ? {} : (s.reply().error ?? {});
};

const valid = {
  "educations[0].level": "6",
  "educations[0].field": "Sygepleje",
  "educations[0].country": "Syrien",
  "educations[0].year": "2012",
  "educations[0].recognised": "on",
  "educations[1].level": "",
  "educations[1].field": "",
  "educations[1].country": "",
  "educations[1].year": "",
  "experience[0].occupation": "Sygeplejerske",
  "experience[0].industryCode": "86",
  "experience[0].years": "6",
  "experience[0].country": "Syrien",
  danishLevel: "du3",
  danishModule: "4",
  englishLevel: "intermediate",
  drivingLicence: "on",
  certificates: "Hygiejnebevis\r\n\r\nTruckcertifikat B ",
  hoursPerWeek: "37",
  availableFrom: "2026-03-01",
  "wishedIndustryCodes[0]": "87",
  "wishedIndustryCodes[1]": "",
  "wishedOccupations[0]": "Social- og sundhedsassistent",
  summary: "Rolig og erfaren, vil gerne arbejde med ældre.",
};

describe("the competence assessment form", () => {
  it("reads a filled form into a profile, leaving empty rows out", () => {
    const s = parseWithZod(form(valid), { schema: competenceSchema });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const p = profileOf(s.value);
    expect(p.educations).toEqual([{ level: "6", field: "Sygepleje", country: "Syrien", year: 2012, recognised: true }]);
    expect(p.experience).toEqual([{ occupation: "Sygeplejerske", industryCode: "86", years: 6, country: "Syrien" }]);
    expect(p.certificates).toEqual(["Hygiejnebevis", "Truckcertifikat B"]);
    expect(p).toMatchObject({
      danishLevel: "du3",
      danishModule: 4,
      hoursPerWeek: 37,
      wishedIndustryCodes: ["87"],
      wishedOccupations: ["Social- og sundhedsassistent"],
    });
  });

  it("refuses a CPR number and health details in every free-text field, next to the field", () => {
    const e = errors(
      form({
        ...valid,
        summary: "Har PTSD efter flugten",
        "experience[0].occupation": "Sygeplejerske 010190-1234",
        certificates: "Diagnose: diabetes",
      }),
      competenceSchema,
    );
    expect(e.summary).toEqual(["companies.form.health"]);
    // The CPR message is this module's, or the shared one of every free-text field where that is in (issue 15).
    const cpr = [expect.stringMatching(/^(companies|common)\.form\.cpr$/)];
    expect(e["experience[0].occupation"]).toEqual(cpr);
    expect(e["certificates[0]"]).toEqual(["companies.form.health"]);
    expect(
      errors(form({ ...valid, "educations[0].field": "0101901234" }), competenceSchema)["educations[0].field"],
    ).toEqual(cpr);
  });

  it("knows its other rules: a module only with a DU course, a year, hours and something to match on", () => {
    expect(errors(form({ ...valid, danishLevel: "pd2" }), competenceSchema).danishModule).toEqual([
      "competence.form.moduleOnlyDu",
    ]);
    expect(
      errors(form({ ...valid, "educations[0].year": "1890" }), competenceSchema)["educations[0].year"],
    ).toBeDefined();
    expect(errors(form({ ...valid, hoursPerWeek: "80" }), competenceSchema).hoursPerWeek).toBeDefined();
    expect(errors(form({ ...valid, "wishedIndustryCodes[1]": "87" }), competenceSchema).wishedIndustryCodes).toEqual([
      "referrals.form.industryTwice",
    ]);
    expect(
      errors(form({ ...valid, "wishedIndustryCodes[0]": "ZZ" }), competenceSchema)["wishedIndustryCodes[0]"],
    ).toEqual(["referrals.form.industryInvalid"]);
    const nothing = { danishLevel: "du1", englishLevel: "none" };
    expect(errors(form(nothing), competenceSchema).wishedIndustryCodes).toEqual(["competence.form.somethingRequired"]);
    expect(
      errors(form({ ...valid, "experience[0].years": "" }), competenceSchema)["experience[0].years"],
    ).toBeDefined();
  });
});

describe("the company forms", () => {
  const company = {
    name: "Herning Stål A/S",
    cvr: "DK 24 25 67 90",
    industryCode: "25",
    municipalityCode: "657",
    postcode: "7400",
    programmes: ["igu", "host_internship"],
  };
  it("store a CVR number without its prefix and refuse one that fails the modulus-11 check", () => {
    const s = parseWithZod(form(company), { schema: companySchema });
    expect(s.status === "success" && s.value.cvr).toBe("24256790");
    expect(errors(form({ ...company, cvr: "24256791" }), companySchema).cvr).toEqual(["companies.form.cvrInvalid"]);
    expect(errors(form({ ...company, cvr: "1234" }), companySchema).cvr).toEqual(["companies.form.cvrDigits"]);
    expect(errors(form({ ...company, cvr: "" }), companySchema).cvr).toEqual(["companies.form.cvrRequired"]);
    expect(errors(form({ ...company, postcode: "123" }), companySchema).postcode).toEqual([
      "companies.form.postcodeInvalid",
    ]);
  });
  it("make the workplace mentor's phone E.164 and refuse a CPR number typed as one", () => {
    const base = {
      intent: "accept",
      proposalId: "3",
      startDate: "2026-03-01",
      workplaceMentorName: "Jens Smed",
      workplaceMentorPhone: "20 30 40 50",
    };
    const s = parseWithZod(form(base), { schema: acceptSchema });
    expect(s.status === "success" && s.value.workplaceMentorPhone).toBe("+4520304050");
    expect(errors(form({ ...base, workplaceMentorPhone: "010190-1234" }), acceptSchema).workplaceMentorPhone).toEqual([
      "common.form.cpr",
    ]);
    expect(errors(form({ ...base, plannedEndDate: "2026-01-01" }), acceptSchema).plannedEndDate).toEqual([
      "companies.form.endBeforeStart",
    ]);
  });
  it("ask for a reason when a placement ends early, and an outcome whenever it ends", () => {
    expect(
      errors(form({ intent: "end_early", endedOn: "2026-03-01", outcomeType: "closer_to_job" }), placementEndSchema)
        .reason,
    ).toEqual(["companies.placement.reasonRequired"]);
    expect(errors(form({ intent: "complete", endedOn: "2026-03-01" }), placementEndSchema).outcomeType).toBeDefined();
    expect(
      parseWithZod(form({ intent: "complete", endedOn: "2026-03-01", outcomeType: "wage_subsidy" }), {
        schema: placementEndSchema,
      }).status,
    ).toBe("success");
  });
  it("check an opening's deadline and a talent-track place's length", () => {
    const o = {
      type: "talent_track",
      industryCode: "25",
      occupation: "Svejser",
      municipalityCode: "657",
      danishLevel: "none",
      places: "2",
      startDate: "2026-03-01",
    };
    expect(parseWithZod(form(o), { schema: openingSchema }).status).toBe("success");
    expect(errors(form({ ...o, deadline: "2026-04-01" }), openingSchema).deadline).toEqual([
      "companies.form.deadlineAfterStart",
    ]);
    expect(errors(form({ ...o, durationWeeks: "60" }), openingSchema).durationWeeks).toEqual([
      "companies.form.talentTrackWeeks",
    ]);
    expect(errors(form({ ...o, places: "0" }), openingSchema).places).toBeDefined();
  });
  it("a mentor's tip with an opening names its type and occupation", () => {
    const { programmes: _p, ...tip } = { ...company, withOpening: "on" };
    const e = errors(form(tip), mentorTipSchema);
    expect(e.openingType).toEqual(["companies.tip.openingTypeRequired"]);
    expect(e.openingOccupation).toEqual(["companies.tip.occupationRequired"]);
  });
});
