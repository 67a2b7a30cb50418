/**
 * The company side's use cases on a real database: versioned competence profiles (and the access log), companies by
 * CVR, openings, ranking and proposing within scope, the company's answer making a placement, ending it with an
 * outcome that the report counts, and labour demand by industry and municipality for issue 19's page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as competence from "../../app/services/competence.server";
import * as companiesSvc from "../../app/services/companies.server";
import * as openingsOnly from "../../app/services/openings.server";
import * as openingCandidates from "../../app/services/opening-candidates.server";
import * as openingProposals from "../../app/services/opening-proposals.server";
import * as placementsOnly from "../../app/services/placements.server";
import * as placementChanges from "../../app/services/placement-changes.server";
import * as reportsSvc from "../../app/services/company-reports.server";
import { resolveFilter } from "../../app/services/reports.server";
import { completeCvr } from "../../app/domain/cvr";
import { addDays } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { testDb } from "../support/test-db";

const openingsSvc = { ...openingsOnly, ...openingCandidates, ...openingProposals };
const placementsSvc = { ...placementsOnly, ...placementChanges };

const rng = f.createRng(20);
const all = { kind: "all" } as const;
const aarhus = { kind: "municipality", code: 751 } as const;
const kolding = { kind: "municipality", code: 621 } as const;
let coordinator: { id: number; role: string };
let caseworkerA: { id: number; role: string };
let caseworkerK: { id: number; role: string };

const nurseProfile = {
  educations: [{ level: "6" as const, field: "Sygepleje", country: "Syrien", year: 2012, recognised: false }],
  experience: [{ occupation: "Sygeplejerske", industryCode: "86", years: 6, country: "Syrien" }],
  danishLevel: "du3" as const,
  danishModule: 4,
  englishLevel: "basic" as const,
  drivingLicence: false,
  certificates: ["Hygiejnebevis"],
  hoursPerWeek: 37,
  availableFrom: null,
  wishedIndustryCodes: ["87"],
  wishedOccupations: ["Social- og sundhedshjælper"],
  summary: "Rolig og erfaren.",
};

beforeAll(() => {
  testDb();
  coordinator = f.insertUser(db(), { role: "coordinator" });
  caseworkerA = f.insertUser(db(), { role: "caseworker", municipalityCode: 751 });
  caseworkerK = f.insertUser(db(), { role: "caseworker", municipalityCode: 621 });
});

const cvr = (seed: string) => completeCvr(seed) ?? completeCvr(String(Number(seed) + 1))!;

describe("competence profiles", () => {
  it("save new versions, keep one current, follow into the citizen's matching fields and log reads and changes", () => {
    const m = f.insertMentee(db(), rng, 751, { wishedIndustryCodes: ["41"], danishLevel: "du1" });
    expect(competence.getCompetence(kolding, m.id, caseworkerK)).toBeNull();
    expect(competence.saveCompetence(kolding, m.id, nurseProfile, caseworkerK)).toBeNull();

    const first = competence.getCompetence(aarhus, m.id, caseworkerA)!;
    expect(first.assessed).toBe(false);
    expect(first.profile.wishedIndustryCodes).toEqual(["41"]);

    expect(competence.saveCompetence(aarhus, m.id, nurseProfile, caseworkerA)).toMatchObject({
      ok: true,
      value: { version: 1 },
    });
    expect(competence.saveCompetence(aarhus, m.id, nurseProfile, caseworkerA)).toEqual({
      ok: false,
      formErrors: ["competence.form.unchanged"],
      fieldErrors: {},
    });
    expect(competence.saveCompetence(all, m.id, { ...nurseProfile, hoursPerWeek: 30 }, coordinator)).toEqual({
      ok: true,
      value: { version: 2, changed: ["hoursPerWeek"] },
    });

    const rows = db()
      .select()
      .from(schema.competenceProfiles)
      .where(eq(schema.competenceProfiles.menteeId, m.id))
      .all();
    expect(rows.map((r) => [r.version, r.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
    const mentee = db().select().from(schema.mentees).where(eq(schema.mentees.id, m.id)).get()!;
    expect(mentee).toMatchObject({
      wishedIndustryCodes: ["87"],
      danishLevel: "du3",
      educationLevel: "bachelor",
      wishedOccupation: "Social- og sundhedshjælper",
    });

    const view = competence.getCompetence(aarhus, m.id, caseworkerA)!;
    expect(view.version).toBe(2);
    expect(view.history.map((h) => [h.version, h.changed])).toEqual([
      [2, ["hoursPerWeek"]],
      [1, expect.arrayContaining(["educations", "experience"])],
    ]);
    const log = db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, "mentee"), eq(schema.auditLog.entityId, m.id)))
      .all();
    expect(log.map((l) => [l.actorUserId, l.action])).toEqual([
      [caseworkerA.id, "view"],
      [caseworkerA.id, "create"],
      [coordinator.id, "update"],
      [caseworkerA.id, "view"],
    ]);
    // the log names the fields that changed, never their values
    expect(JSON.stringify(log)).not.toContain("Sygepleje");
  });
});

describe("companies, openings, proposals and placements", () => {
  it("walks from a company to a placement ended with wage subsidy, within scope, and the report counts it", () => {
    const company = companiesSvc.createCompany(
      {
        name: "Omsorg Aarhus ApS",
        cvr: cvr("3412345"),
        industryCode: "87",
        municipalityCode: 751,
        programmes: ["igu"],
      },
      coordinator,
    );
    expect(company.ok).toBe(true);
    if (!company.ok) return;
    expect(
      companiesSvc.createCompany(
        { name: "Kopi", cvr: cvr("3412345"), industryCode: "87", municipalityCode: 751 },
        coordinator,
      ),
    ).toEqual({ ok: false, formErrors: [], fieldErrors: { cvr: ["companies.form.cvrTaken"] } });
    expect(companiesSvc.companyByCvr(cvr("3412345"))).toEqual({ id: company.value.id, name: "Omsorg Aarhus ApS" });

    const opening = openingsSvc.createOpening(
      company.value.id,
      {
        type: "internship",
        industryCode: "87",
        occupation: "Social- og sundhedshjælper",
        municipalityCode: 751,
        danishLevel: "du2",
        places: 1,
        weeklyHours: 30,
        durationWeeks: 13,
      },
      coordinator,
    );
    expect(opening).not.toBeNull();
    if (!opening) return;

    const nurse = f.insertMentee(db(), rng, 751, { status: "waiting" });
    competence.saveCompetence(aarhus, nurse.id, nurseProfile, caseworkerA);
    const other = f.insertMentee(db(), rng, 751, {
      status: "waiting",
      wishedIndustryCodes: ["49"],
      danishLevel: "du3",
    });
    const koldingCitizen = f.insertMentee(db(), rng, 621, {
      status: "waiting",
      wishedIndustryCodes: ["87"],
      danishLevel: "du3",
    });
    void other;

    // A coordinator ranks everyone in commuting distance; the nurse first, with reasons from her profile.
    const ranked = openingsSvc.candidatesForOpening(all, opening.id, coordinator)!;
    const hers = ranked.candidates.find((c) => c.citizenId === nurse.id)!;
    expect(hers.score).toBe(ranked.candidates[0].score);
    expect(hers.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(["industry_wish", "occupation_wish_exact"]));
    expect(ranked.total).toBeGreaterThanOrEqual(ranked.candidates.length);
    // Kolding's caseworker sees the opening but only Kolding's citizens in its ranking (Kolding–Aarhus is within reach).
    const koldingView = openingsSvc.candidatesForOpening(kolding, opening.id, caseworkerK)!;
    expect(koldingView.candidates.map((c) => c.citizenId)).toContain(koldingCitizen.id);
    expect(koldingView.candidates.every((c) => c.municipalityName === "Kolding")).toBe(true);
    // ...and cannot propose an Aarhus citizen.
    expect(openingsSvc.proposeCitizen(kolding, opening.id, nurse.id, caseworkerK)).toBeNull();

    const proposal = openingsSvc.proposeCitizen(aarhus, opening.id, nurse.id, caseworkerA);
    expect(proposal?.ok).toBe(true);
    if (!proposal?.ok) return;
    expect(openingsSvc.proposeCitizen(all, opening.id, nurse.id, coordinator)).toEqual({
      ok: false,
      formErrors: ["companies.errors.already_proposed"],
      fieldErrors: {},
    });
    expect(openingsSvc.getOpening(kolding, opening.id)!.proposals).toEqual([]);
    expect(openingsSvc.getOpening(aarhus, opening.id)!.proposals.map((p) => p.menteeId)).toEqual([nurse.id]);

    // Kolding cannot answer for it; Aarhus records the company's yes.
    const accept = {
      intent: "accept" as const,
      startDate: addDays(today(), -14),
      workplaceMentorName: "Jette Hansen",
      workplaceMentorPhone: "+4520304050",
    };
    expect(openingsSvc.answerProposal(kolding, opening.id, proposal.value.id, accept, caseworkerK)).toBeNull();
    const answered = openingsSvc.answerProposal(aarhus, opening.id, proposal.value.id, accept, caseworkerA);
    expect(answered?.ok && answered.value.placementId).toBeTruthy();
    if (!answered?.ok || !answered.value.placementId) return;
    const o = db().select().from(schema.openings).where(eq(schema.openings.id, opening.id)).get()!;
    expect(o.status).toBe("filled");
    const p = db().select().from(schema.placements).where(eq(schema.placements.id, answered.value.placementId)).get()!;
    expect(p).toMatchObject({
      status: "active",
      menteeId: nurse.id,
      companyId: company.value.id,
      type: "internship",
      plannedEndDate: addDays(accept.startDate, 13 * 7 - 1),
    });
    // The citizen is placed now: the ranking excludes her elsewhere.
    const second = openingsSvc.createOpening(
      company.value.id,
      {
        type: "igu",
        industryCode: "87",
        occupation: "Social- og sundhedshjælper",
        municipalityCode: 751,
        danishLevel: "none",
        places: 2,
      },
      coordinator,
    );
    if (!second) throw new Error("opening");
    expect(
      openingsSvc.candidatesForOpening(all, second.id, coordinator)!.candidates.map((c) => c.citizenId),
    ).not.toContain(nurse.id);
    expect(openingsSvc.proposeCitizen(all, second.id, nurse.id, coordinator)).toEqual({
      ok: false,
      formErrors: ['companies.errors.rule|{"rules":"already_placed"}'],
      fieldErrors: {},
    });

    // Follow up, then end with wage subsidy.
    expect(
      placementsSvc.changePlacement(kolding, p.id, { intent: "follow_up", date: today(), onTrack: "yes" }, caseworkerK),
    ).toBeNull();
    expect(
      placementsSvc.changePlacement(
        aarhus,
        p.id,
        { intent: "follow_up", date: today(), onTrack: "yes", note: "Går godt" },
        caseworkerA,
      ),
    ).toEqual({ ok: true });
    expect(
      placementsSvc.changePlacement(
        all,
        p.id,
        { intent: "school", kind: "amu", fromDate: today(), weeks: 2 },
        coordinator,
      ),
    ).toEqual({ ok: false, formErrors: ["companies.placement.schoolOnlyIgu"], fieldErrors: {} });
    expect(
      placementsSvc.changePlacement(
        all,
        p.id,
        { intent: "complete", endedOn: addDays(today(), 1), outcomeType: "wage_subsidy" },
        coordinator,
      ),
    ).toEqual({ ok: false, formErrors: [], fieldErrors: { endedOn: ["companies.placement.endInFuture"] } });
    expect(
      placementsSvc.changePlacement(
        all,
        p.id,
        { intent: "complete", endedOn: today(), outcomeType: "wage_subsidy" },
        coordinator,
      ),
    ).toEqual({ ok: true });
    expect(
      placementsSvc.changePlacement(
        all,
        p.id,
        { intent: "complete", endedOn: today(), outcomeType: "wage_subsidy" },
        coordinator,
      ),
    ).toEqual({ ok: false, formErrors: ["companies.placement.notAllowed"], fieldErrors: {} });

    const history = placementsSvc.citizenHistory(aarhus, nurse.id);
    expect(history.map((h) => [h.kind, h.outcome])).toEqual([["placement", "wage_subsidy"]]);
    expect(placementsSvc.citizenHistory(kolding, nurse.id)).toEqual([]);

    const filter = resolveFilter(aarhus, {});
    const report = reportsSvc.buildCompanyReport(aarhus, filter);
    expect(report.totals.ended).toEqual({ kind: "too_few" });
    expect(report.placements.byType.find((r) => r.key === "internship")!.ended).toEqual({ kind: "too_few" });
    const list = reportsSvc.placementList(aarhus, filter);
    expect(list.find((r) => r.placement_id === p.id)).toMatchObject({
      outcome_type: "wage_subsidy",
      job_or_education: "yes",
      status: "completed",
      citizen_municipality_code: 751,
    });
    // Kolding's report knows nothing of it.
    expect(
      reportsSvc
        .placementList(kolding, resolveFilter(kolding, { municipality: 751 }))
        .find((r) => r.placement_id === p.id),
    ).toBeUndefined();
    expect(reportsSvc.buildCompanyReport(kolding, resolveFilter(all, {})).totals.ended).toEqual({
      kind: "value",
      value: 0,
      n: 0,
    });
  });

  it("reports five wage-subsidy endings as a figure, and their share of job or education", () => {
    const company = companiesSvc.createCompany(
      { name: "Stål Herning A/S", cvr: cvr("3498765"), industryCode: "25", municipalityCode: 657 },
      coordinator,
    );
    if (!company.ok) throw new Error("company");
    const opening = openingsSvc.createOpening(
      company.value.id,
      {
        type: "internship",
        industryCode: "25",
        occupation: "Svejser",
        municipalityCode: 657,
        danishLevel: "none",
        places: 6,
      },
      coordinator,
    );
    if (!opening) throw new Error("opening");
    for (let i = 0; i < 6; i++) {
      const m = f.insertMentee(db(), rng, 657, { status: "waiting", wishedIndustryCodes: ["25"] });
      const pr = openingsSvc.proposeCitizen(all, opening.id, m.id, coordinator);
      if (!pr?.ok) throw new Error(`propose ${pr?.formErrors}`);
      const a = openingsSvc.answerProposal(
        all,
        opening.id,
        pr.value.id,
        {
          intent: "accept",
          startDate: addDays(today(), -30),
          workplaceMentorName: "Ole Smed",
          workplaceMentorPhone: "+4520304050",
        },
        coordinator,
      );
      if (!a?.ok || !a.value.placementId) throw new Error("accept");
      placementsSvc.changePlacement(
        all,
        a.value.placementId,
        {
          intent: i < 5 ? "complete" : "end_early",
          endedOn: today(),
          outcomeType: i < 5 ? "wage_subsidy" : "closer_to_job",
          reason: i < 5 ? undefined : "citizen_stopped",
        },
        coordinator,
      );
    }
    const herning = resolveFilter(all, { municipality: 657 });
    const r = reportsSvc.buildCompanyReport(all, herning);
    expect(r.totals.ended).toEqual({ kind: "value", value: 6, n: 6 });
    expect(r.totals.movedOnShare).toEqual({ kind: "value", value: 5 / 6, n: 6 });
    expect(r.outcomes.find((o) => o.type === "wage_subsidy")!.count).toEqual({ kind: "value", value: 5, n: 6 });
    expect(r.companies.find((c) => c.companyId === company.value.id)).toMatchObject({
      openings: 1,
      places: 6,
      taken: { kind: "value", value: 6, n: 6 },
    });
    expect(r.engagement.repeat).toBe(1);
    // Places are held at the same time: the six have ended, so the six places are open again.
    expect(r.totals.openPlaces).toBe(6);
  });
});

describe("the opening's status follows its machine and its places", () => {
  it("closes and reopens through changeStatus; a full opening reopened is filled again; every step is in the history", () => {
    const company = companiesSvc.createCompany(
      { name: "Vejle Bageri ApS", cvr: cvr("3471234"), industryCode: "10", municipalityCode: 630 },
      coordinator,
    );
    if (!company.ok) throw new Error("company");
    const opening = openingsSvc.createOpening(
      company.value.id,
      {
        type: "internship",
        industryCode: "10",
        occupation: "Bager",
        municipalityCode: 630,
        danishLevel: "none",
        places: 1,
      },
      coordinator,
    );
    if (!opening) throw new Error("opening");
    const m = f.insertMentee(db(), rng, 630, { status: "waiting", wishedIndustryCodes: ["10"] });
    const pr = openingsSvc.proposeCitizen(all, opening.id, m.id, coordinator);
    if (!pr?.ok) throw new Error("propose");
    const a = openingsSvc.answerProposal(
      all,
      opening.id,
      pr.value.id,
      {
        intent: "accept",
        startDate: addDays(today(), 7),
        workplaceMentorName: "Bo Bager",
        workplaceMentorPhone: "+4520304050",
      },
      coordinator,
    );
    if (!a?.ok || !a.value.placementId) throw new Error("accept");
    expect(openingsSvc.changeOpeningStatus(opening.id, "confirm", coordinator)).toEqual({
      ok: false,
      formErrors: ["companies.errors.notAllowed"],
      fieldErrors: {},
    });
    expect(openingsSvc.changeOpeningStatus(opening.id, "close", coordinator)?.ok).toBe(true);
    expect(openingsSvc.changeOpeningStatus(opening.id, "reopen", coordinator)?.ok).toBe(true);
    // Cancelling the planned placement frees the place: the opening opens again.
    expect(placementsSvc.changePlacement(all, a.value.placementId, { intent: "cancel" }, coordinator)?.ok).toBe(true);
    const history = (type: "opening" | "proposal" | "placement", id: number) =>
      db()
        .select()
        .from(schema.statusChanges)
        .where(and(eq(schema.statusChanges.entityType, type), eq(schema.statusChanges.entityId, id)))
        .orderBy(schema.statusChanges.id)
        .all()
        .map((h) => [h.fromStatus, h.toStatus, h.reason]);
    expect(history("opening", opening.id)).toEqual([
      [null, "open", null],
      ["open", "filled", "places"],
      ["filled", "closed", "close"],
      ["closed", "open", "reopen"],
      ["open", "filled", "places"],
      ["filled", "open", "places"],
    ]);
    expect(history("proposal", pr.value.id)).toEqual([
      [null, "proposed", null],
      ["proposed", "accepted", null],
    ]);
    expect(history("placement", a.value.placementId)).toEqual([
      [null, "planned", null],
      ["planned", "cancelled", null],
    ]);
    expect(openingsSvc.getOpening(all, opening.id)!.status).toBe("open");
  });
});

describe("labour demand beside supply", () => {
  it("counts open places of open openings by DB07 section and municipality, a caseworker's own only", () => {
    const company = companiesSvc.createCompany(
      { name: "Kolding Transport A/S", cvr: cvr("3455555"), industryCode: "49", municipalityCode: 621 },
      coordinator,
    );
    if (!company.ok) throw new Error("company");
    openingsSvc.createOpening(
      company.value.id,
      {
        type: "ordinary_job",
        industryCode: "49",
        occupation: "Chauffør",
        municipalityCode: 621,
        danishLevel: "none",
        places: 3,
      },
      coordinator,
    );
    openingsSvc.createOpening(
      company.value.id,
      {
        type: "wage_subsidy",
        industryCode: "52",
        occupation: "Lagermedarbejder",
        municipalityCode: 621,
        danishLevel: "none",
        places: 2,
      },
      coordinator,
    );
    const closed = openingsSvc.createOpening(
      company.value.id,
      {
        type: "internship",
        industryCode: "49",
        occupation: "Chauffør",
        municipalityCode: 621,
        danishLevel: "none",
        places: 4,
      },
      coordinator,
    );
    if (!closed) throw new Error("opening");
    openingsSvc.changeOpeningStatus(closed.id, "close", coordinator);

    const mine = openingsSvc.openPlacesBySectionAndMunicipality(kolding, { municipality: 751 });
    expect(mine).toEqual([{ section: "H", municipalityCode: 621, openings: 2, places: 5, taken: 0, openPlaces: 5 }]);
    const everywhere = openingsSvc.openPlacesBySectionAndMunicipality(all);
    expect(everywhere.find((r) => r.section === "H" && r.municipalityCode === 621)!.openPlaces).toBe(5);
    // In Aarhus: the care internship (its one place free again since the placement ended) and the IGU with two.
    expect(everywhere.find((r) => r.section === "Q" && r.municipalityCode === 751)).toEqual({
      section: "Q",
      municipalityCode: 751,
      openings: 2,
      places: 3,
      taken: 0,
      openPlaces: 3,
    });
    expect(openingsSvc.openPlacesBySectionAndMunicipality(all, { municipality: 657 })).toEqual([
      { section: "C", municipalityCode: 657, openings: 1, places: 6, taken: 0, openPlaces: 6 },
    ]);
    expect(openingsSvc.openPlacesBySectionAndMunicipality(all, { municipality: 101 })).toEqual([]);
  });
});

describe("privacy on the company side", () => {
  it("export has every assessment version and placement; erasure removes the assessment and ends a live placement; retention waits for it", async () => {
    const privacy = {
      ...(await import("../../app/services/privacy.server")),
      ...(await import("../../app/services/privacy-export.server")),
      ...(await import("../../app/services/privacy-erasure.server")),
      ...(await import("../../app/services/privacy-consents.server")),
      ...(await import("../../app/services/retention.server")),
    };
    const company = companiesSvc.createCompany(
      { name: "Retention ApS", cvr: cvr("3466666"), industryCode: "47", municipalityCode: 751 },
      coordinator,
    );
    if (!company.ok) throw new Error("company");
    const opening = openingsSvc.createOpening(
      company.value.id,
      {
        type: "igu",
        industryCode: "47",
        occupation: "Butiksassistent",
        municipalityCode: 751,
        danishLevel: "none",
        places: 1,
      },
      coordinator,
    );
    if (!opening) throw new Error("opening");
    // A citizen whose mentor course ended long ago, but who is in a two-year IGU now.
    const m = f.insertMentee(db(), rng, 751, { status: "completed", referredAt: "2020-01-01T09:00:00.000Z" });
    competence.saveCompetence(all, m.id, nurseProfile, coordinator);
    competence.saveCompetence(all, m.id, { ...nurseProfile, hoursPerWeek: 20 }, coordinator);
    const pr = openingsSvc.proposeCitizen(all, opening.id, m.id, coordinator);
    if (!pr?.ok) throw new Error("propose");
    const a = openingsSvc.answerProposal(
      all,
      opening.id,
      pr.value.id,
      {
        intent: "accept",
        startDate: addDays(today(), -400),
        workplaceMentorName: "Ib Butik",
        workplaceMentorPhone: "+4520304050",
      },
      coordinator,
    );
    if (!a?.ok || !a.value.placementId) throw new Error("accept");
    placementsSvc.changePlacement(
      all,
      a.value.placementId,
      { intent: "follow_up", date: today(), onTrack: "yes", note: "Trives i butikken" },
      coordinator,
    );

    const data = privacy.exportPerson("mentee", m.id, all, coordinator)!;
    expect(data.competenceProfiles?.map((p) => p.version)).toEqual([1, 2]);
    expect(data.placements?.map((p) => p.id)).toEqual([a.value.placementId]);
    expect(data.placementFollowUps?.[0].note).toBe("Trives i butikken");

    // Retention leaves a citizen in a running placement alone, whatever their mentor course says.
    expect(privacy.dueForRetention(addDays(today(), 3650)).menteeIds).not.toContain(m.id);

    expect(privacy.erasePerson("mentee", m.id, all, coordinator)).toBe(true);
    expect(
      db().select().from(schema.competenceProfiles).where(eq(schema.competenceProfiles.menteeId, m.id)).all(),
    ).toEqual([]);
    const p = db().select().from(schema.placements).where(eq(schema.placements.id, a.value.placementId)).get()!;
    expect(p).toMatchObject({
      status: "ended_early",
      workplaceMentorName: null,
      workplaceMentorPhone: null,
      type: "igu",
      companyId: company.value.id,
    });
    expect(
      db()
        .select()
        .from(schema.placementFollowUps)
        .where(eq(schema.placementFollowUps.placementId, a.value.placementId))
        .get()!.note,
    ).toBeNull();
    expect(
      db().select().from(schema.openingProposals).where(eq(schema.openingProposals.id, pr.value.id)).get()!.reasons,
    ).toBeNull();
  });
});
