import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { municipalitySchema, queueFilterSchema, referralSchema, withdrawSchema } from "./referral";
import { CURRENT_CONSENT_VERSION } from "../domain/referrals";
import { today } from "../utils/clock";
import { addDays } from "../domain/dates";

const year = new Date().getUTCFullYear();

function form(over: Record<string, string | string[] | null> = {}): FormData {
  const base: Record<string, string | string[]> = {
    firstName: "Amal",
    lastName: "Haddad",
    birthYear: String(year - 30),
    phone: "+45 20 12 34 56",
    email: "",
    preferredChannel: "sms",
    language: "ar",
    group: "refugee",
    jobReady: "on",
    danishLevel: "du2",
    danishModule: "3",
    englishLevel: "basic",
    educationLevel: "bachelor",
    educationField: "Regnskab",
    educationCountry: "Syrien",
    "experience[0].title": "Bogholder",
    "experience[0].years": "4",
    "experience[0].industryCode": "69",
    "experience[1].title": "",
    "experience[1].years": "",
    "experience[1].industryCode": "",
    "wishedIndustryCodes[0]": "69",
    "wishedIndustryCodes[1]": "",
    "wishedIndustryCodes[2]": "",
    wishedOccupation: "Bogholder",
    goals: ["cv", "network"],
    availability: "Hverdage efter kl. 15",
    mentorGenderPreference: "female",
    consentPurposes: ["participation", "share_with_mentor", "sms"],
    consentVersion: CURRENT_CONSENT_VERSION,
    consentDate: today(),
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...base, ...over })) {
    if (v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  }
  return fd;
}
const parse = (over?: Record<string, string | string[] | null>) => parseWithZod(form(over), { schema: referralSchema });
const errorsOf = (over?: Record<string, string | string[] | null>) => {
  const s = parse(over);
  return s.status === "success" ? {} : (s.reply().error ?? {});
};

describe("referral form schema", () => {
  it("accepts a complete referral and drops empty experience rows and industry slots", () => {
    const s = parse();
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(s.value.experience).toEqual([{ title: "Bogholder", years: 4, industryCode: "69" }]);
    expect(s.value.wishedIndustryCodes).toEqual(["69"]);
    expect(s.value.jobReady).toBe(true);
    expect(s.value.confirmDuplicate).toBe(false);
  });
  it("has no CPR field: a sneaked-in cpr is dropped", () => {
    const s = parse({ cpr: "010190-1234" });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(Object.keys(s.value)).not.toContain("cpr");
    expect(Object.keys(referralSchema.shape ?? {}).some((k) => /cpr/i.test(k))).toBe(false);
  });
  it("requires consent to participation and sharing, and to SMS when SMS is the channel", () => {
    expect(errorsOf({ consentPurposes: null }).consentPurposes).toEqual(["referrals.form.consentRequired"]);
    expect(errorsOf({ consentPurposes: ["participation"] }).consentPurposes).toEqual([
      "referrals.form.consentRequired",
    ]);
    expect(errorsOf({ consentPurposes: ["participation", "share_with_mentor"] }).consentPurposes).toEqual([
      "referrals.form.consentSmsRequired",
    ]);
    expect(
      parse({
        consentPurposes: ["participation", "share_with_mentor"],
        preferredChannel: "email",
        email: "amal@eksempel.dk",
      }).status,
    ).toBe("success");
  });
  it("checks the consent date and version", () => {
    expect(errorsOf({ consentDate: addDays(today(), 1) }).consentDate).toEqual(["referrals.form.consentDateFuture"]);
    expect(errorsOf({ consentDate: addDays(today(), -400) }).consentDate).toEqual(["referrals.form.consentDateOld"]);
    expect(errorsOf({ consentDate: "2026-02-30" }).consentDate).toEqual(["referrals.form.dateInvalid"]);
    expect(errorsOf({ consentDate: null }).consentDate).toEqual(["referrals.form.consentDateRequired"]);
    expect(errorsOf({ consentVersion: "1999-01" }).consentVersion).toBeTruthy();
  });
  it("needs a way to reach the citizen that fits the channel", () => {
    expect(errorsOf({ phone: "", email: "" }).phone).toContain("referrals.form.contactRequired");
    expect(errorsOf({ phone: "", email: "a@b.dk" }).phone).toEqual(["referrals.form.phoneForSms"]);
    expect(errorsOf({ preferredChannel: "email" }).email).toEqual(["referrals.form.emailForEmail"]);
    expect(errorsOf({ phone: "12 34" }).phone).toEqual(["referrals.form.phoneInvalid"]);
    expect(errorsOf({ phone: "<script>" }).phone).toBeTruthy();
    expect(errorsOf({ email: "not-an-email" }).email).toEqual(["common.form.invalidEmail"]);
  });
  it("requires names, a plausible birth year, job-readiness, a goal and 1-3 industries", () => {
    const e = errorsOf({
      firstName: "",
      lastName: " ",
      birthYear: "abc",
      jobReady: null,
      goals: null,
      "wishedIndustryCodes[0]": "",
    });
    expect(e.firstName).toEqual(["common.form.required"]);
    expect(e.lastName).toEqual(["common.form.required"]);
    expect(e.birthYear).toBeTruthy();
    expect(e.jobReady).toEqual(["referrals.form.jobReadyRequired"]);
    expect(e.goals).toEqual(["referrals.form.goalsRequired"]);
    expect(e.wishedIndustryCodes).toEqual(["referrals.form.industryRequired"]);
    expect(errorsOf({ birthYear: String(year - 5) }).birthYear).toEqual(["referrals.form.birthYearRange"]);
    expect(errorsOf({ birthYear: String(year - 90) }).birthYear).toEqual(["referrals.form.birthYearRange"]);
    expect(errorsOf({ "wishedIndustryCodes[1]": "69" }).wishedIndustryCodes).toEqual(["referrals.form.industryTwice"]);
    expect(
      errorsOf({
        wishedIndustryCodes: ["01", "41", "56", "86"],
        "wishedIndustryCodes[0]": null,
        "wishedIndustryCodes[1]": null,
        "wishedIndustryCodes[2]": null,
      }).wishedIndustryCodes,
    ).toBeTruthy();
    expect(
      Object.keys(errorsOf({ "wishedIndustryCodes[0]": "ZZ" })).some((k) => k.startsWith("wishedIndustryCodes")),
    ).toBe(true);
  });
  it("accepts dotted and lower-case-free DB07 codes by their division", () => {
    const s = parse({ "wishedIndustryCodes[0]": "47.11" });
    expect(s.status === "success" && s.value.wishedIndustryCodes).toEqual(["47"]);
  });
  it("rejects enum values that are not in the lists", () => {
    const e = errorsOf({
      language: "xx",
      group: "admin",
      danishLevel: "du9",
      englishLevel: "",
      mentorGenderPreference: "other",
      goals: ["cv", "hack"],
    });
    for (const k of ["language", "group", "danishLevel", "englishLevel", "mentorGenderPreference"])
      expect(e[k], k).toBeTruthy();
    expect(Object.keys(e).some((k) => k.startsWith("goals"))).toBe(true);
  });
  it("allows a module only for DU1-3, and validates experience rows", () => {
    expect(errorsOf({ danishLevel: "pd3" }).danishModule).toEqual(["referrals.form.moduleOnlyDu"]);
    expect(errorsOf({ danishModule: "9" }).danishModule).toEqual(["referrals.form.moduleInvalid"]);
    const e = errorsOf({ "experience[1].years": "3" });
    expect(e["experience[1].title"]).toEqual(["common.form.required"]);
    expect(errorsOf({ "experience[0].years": "-2" })["experience[0].years"]).toEqual(["referrals.form.yearsInvalid"]);
  });
  it("limits free text and refuses markup", () => {
    expect(errorsOf({ availability: "x".repeat(201) }).availability).toEqual(['common.form.tooLong|{"max":200}']);
    expect(errorsOf({ wishedOccupation: "<b>boss</b>" }).wishedOccupation).toEqual(["common.form.invalid"]);
  });
});

describe("other referral forms", () => {
  it("withdrawal needs a reason", () => {
    const fd = new FormData();
    fd.set("intent", "withdraw");
    const s = parseWithZod(fd, { schema: withdrawSchema });
    expect(s.status).toBe("error");
    fd.set("reason", "Flyttet");
    expect(parseWithZod(fd, { schema: withdrawSchema }).status).toBe("success");
  });
  it("a partner municipality needs both agreements", () => {
    const fd = new FormData();
    fd.set("intent", "partner");
    fd.set("isPartner", "on");
    const s = parseWithZod(fd, { schema: municipalitySchema });
    expect(s.status === "error" && Object.keys(s.reply().error ?? {}).sort()).toEqual(["agreementDate", "dpaDate"]);
    fd.set("agreementDate", "2026-01-01");
    fd.set("dpaDate", "2026-01-02");
    fd.set("yearlyQuota", "20");
    const ok = parseWithZod(fd, { schema: municipalitySchema });
    expect(ok.status === "success" && ok.value.yearlyQuota).toBe(20);
  });
  it("queue filters ignore junk", () => {
    expect(queueFilterSchema.parse({ industry: "F", municipality: "751" })).toEqual({
      industry: "F",
      municipality: 751,
    });
    expect(queueFilterSchema.parse({ industry: "<x>", municipality: "abc" })).toEqual({
      industry: undefined,
      municipality: undefined,
    });
  });
});

describe("phone numbers", () => {
  it("are validated for their country and stored in E.164 form, Danish numbers with +45", () => {
    for (const [typed, stored] of [
      ["20 12 34 56", "+4520123456"],
      ["+45 20-12-34-56", "+4520123456"],
      ["0046 70 123 45 67", "+46701234567"],
      ["(+45) 2012 3456", "+4520123456"],
    ]) {
      const s = parse({ phone: typed });
      expect(s.status === "success" && s.value.phone, typed).toBe(stored);
    }
  });
  it("refuses numbers of no country, and says so when it is a CPR number", () => {
    expect(errorsOf({ phone: "00000000" }).phone).toEqual(["referrals.form.phoneInvalid"]);
    expect(errorsOf({ phone: "12345678" }).phone).toEqual(["referrals.form.phoneInvalid"]);
    expect(errorsOf({ phone: "0101901234" }).phone).toEqual(["common.form.cpr"]);
    expect(errorsOf({ phone: "010190-1234" }).phone).toEqual(["common.form.cpr"]);
  });
});

describe("CPR numbers and names", () => {
  const freeText = [
    "educationField",
    "educationCountry",
    "experience[0].title",
    "wishedOccupation",
    "availability",
    "firstName",
    "lastName",
  ];
  for (const cpr of ["010190-1234", "0101901234", "01 01 90 12 34", "320190 1234"]) {
    it(`refuses ${cpr} in every free-text field, with a message that says why`, () => {
      for (const field of freeText) {
        const errors = errorsOf({ [field]: `Tekst ${cpr} tekst` });
        expect(errors[field], field).toContain("common.form.cpr");
      }
    });
  }
  it("refuses names of only invisible characters or with bidi overrides", () => {
    expect(errorsOf({ firstName: "\u200B\u200B" }).firstName).toContain("common.form.nameInvisible");
    expect(errorsOf({ lastName: "\u3164" }).lastName).toContain("common.form.nameInvisible");
    expect(errorsOf({ firstName: "Ali\u202Eassah" }).firstName).toContain("common.form.nameBidi");
    expect(errorsOf({ lastName: "\u2066Haddad\u2069" }).lastName).toContain("common.form.nameBidi");
    expect(parse({ firstName: "أمل", lastName: "حداد" }).status).toBe("success");
  });
});
