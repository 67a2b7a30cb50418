import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as reportsMain from "../../app/services/reports.server";
import * as reportSql from "../../app/services/report-sql.server";
import * as exp from "../../app/services/report-export.server";
import * as tables from "../../app/domain/report-tables";
import { addDays, addMonths } from "../../app/domain/dates";
import { today } from "../../app/utils/clock";
import { loadReportInput } from "../support/report-reference";
import { PassThrough } from "node:stream";
import { testDb } from "../support/test-db";

const reports = { ...reportsMain, ...reportSql };

const courseList = (...a: Parameters<typeof reports.courseListChunks>) => [...reports.courseListChunks(...a)].flat();
/** What a streamed export writes, collected. */
async function collect(write: (out: import("node:stream").Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (b: Buffer) => parts.push(b));
  await write(out);
  return Buffer.concat(parts);
}
const toCsv = async (t: { columns: string[]; rows: (string | number)[][] }) =>
  (await collect((out) => exp.writeCsv(out, t.columns, [t.rows]))).toString("utf8");

const rng = f.createRng(8);

/** n completed courses in a municipality, all ended a month ago, the first `positive` with a job. */
function completed(code: number, n: number, positive: number) {
  const d = db();
  for (let i = 0; i < n; i++) {
    const mentor = f.insertMentor(d, rng, [code], { status: "active", industryCode: "41" });
    const mentee = f.insertMentee(d, rng, code, {
      status: "completed",
      referredAt: addMonths(today(), -9) + "T09:00:00.000Z",
      matchedAt: addMonths(today(), -8) + "T09:00:00.000Z",
    });
    const start = addMonths(today(), -7);
    const course = f.insertCourse(d, {
      menteeId: mentee.id,
      mentorId: mentor.id,
      status: "completed",
      startDate: start,
      plannedEndDate: addMonths(start, 6),
      endedOn: addMonths(today(), -1),
      approvedAt: addMonths(today(), -8) + "T10:00:00.000Z",
    });
    d.insert(schema.meetings).values({ courseId: course.id, date: start, minutes: 120, form: "in_person" }).run();
    d.insert(schema.outcomes)
      .values({
        courseId: course.id,
        type: i < positive ? "job_full_time" : "closer_to_job",
        outcomeDate: addMonths(today(), -1),
      })
      .run();
  }
}

beforeAll(() => {
  testDb();
  completed(751, 10, 6); // Aarhus: 10 completed, 6 positive
  completed(621, 3, 3); // Kolding: 3 completed (too few)
});

const aarhus = { kind: "municipality", code: 751 } as const;
const all = { kind: "all" } as const;

describe("report use cases", () => {
  it("a caseworker's report reads their municipality only, whatever the filter asks", () => {
    const filter = reports.resolveFilter(aarhus, { municipality: 621 });
    expect(filter.municipality).toBe(751);
    const input = loadReportInput(db(), aarhus, filter.municipality);
    expect(new Set(input.mentees.map((m) => m.municipalityCode))).toEqual(new Set([751]));
    expect(input.courses).toHaveLength(10);
    expect(input.outcomes).toHaveLength(10);
    const r = reports.buildReport(aarhus, filter);
    expect(r.outcomes.rate).toEqual({ kind: "value", value: 6 / 10, n: 10 });
    expect(r.breakdowns.municipality.map((b) => b.key)).toEqual(["751"]);
  });

  it("a coordinator sees all, or narrows to one municipality", () => {
    const r = reports.buildReport(all, reports.resolveFilter(all, {}));
    expect(r.counts.completed).toEqual({ kind: "value", value: 13, n: 13 });
    expect(r.breakdowns.municipality.find((b) => b.key === "621")!.completed).toEqual({ kind: "too_few" });
    const kolding = reports.buildReport(all, reports.resolveFilter(all, { municipality: 621 }));
    expect(kolding.outcomes.rate).toEqual({ kind: "too_few" });
  });

  it("filters: a quarter wins, from/to are swapped when reversed, defaults cover eight quarters", () => {
    expect(reports.resolveFilter(all, { quarter: "2026-Q2", from: "2020-01-01" })).toMatchObject({
      from: "2026-04-01",
      to: "2026-06-30",
    });
    expect(reports.resolveFilter(all, { from: "2026-05-01", to: "2026-01-01" })).toMatchObject({
      from: "2026-01-01",
      to: "2026-05-01",
    });
    const d = reports.resolveFilter(all, {}, "2026-11-23");
    expect(d).toMatchObject({ from: "2025-01-01", to: "2026-11-23", quarter: null, municipality: null });
  });

  it("the course list has no names or contact details", () => {
    const rows = courseList(aarhus, reports.resolveFilter(aarhus, {}), reports.reportLabels("da"));
    expect(rows).toHaveLength(10);
    expect(Object.keys(rows[0])).toEqual([...tables.courseColumns]);
    expect(rows[0]).toMatchObject({
      municipality_code: 751,
      municipality: "Aarhus",
      industry_section: "F",
      industry_division: "41",
      status: "completed",
      hours_delivered: 2,
    });
    const mentees = db().select().from(schema.mentees).all();
    const text = JSON.stringify(rows);
    for (const m of mentees) {
      expect(text).not.toContain(m.lastName);
      if (m.phone) expect(text).not.toContain(m.phone);
    }
  });
});

describe("exports", () => {
  it("CSV: header row, too-few as <5, a BOM for Excel", async () => {
    const r = reports.buildReport(all, reports.resolveFilter(all, {}));
    const t = tables.reportTables(r, reports.reportLabels("da"));
    expect(t.map((x) => x.name)).toEqual([...tables.reportTableNames]);
    const csv = await toCsv(t.find((x) => x.name === "municipalities")!);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "municipality_code,municipality,referred,completed,positive_outcomes,outcome_rate,outcome_rate_3m",
    );
    expect(lines).toContain("621,Kolding,<5,<5,<5,<5,");
    // Aarhus alone beside a too-few Kolding: total minus Aarhus would give Kolding away, so Aarhus is hidden too
    expect(lines).toContain("751,Aarhus,hidden,hidden,hidden,hidden,");
    const summary = await toCsv(t.find((x) => x.name === "summary")!);
    expect(summary).toContain("\r\ncompleted,13,13\r\n");
    expect(summary).toContain("\r\noutcome_rate,0.6923,13\r\n");
    // 4 of the 13 had no positive outcome at the end... but no type of outcome is 1-4 people in the export.
    const outcomes = (await toCsv(t.find((x) => x.name === "outcomes")!))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    for (const line of outcomes.slice(1)) expect(line.split(",")[2], line).toMatch(/^(0|[5-9]|\d\d+|<5|hidden|)$/);
  });

  it("XLSX: every table a sheet with its header", async () => {
    const r = reports.buildReport(all, reports.resolveFilter(all, {}));
    const labels = reports.reportLabels("da");
    const courses = courseList(all, reports.resolveFilter(all, {}), labels).map((c) =>
      tables.courseColumns.map((k) => c[k]),
    );
    const buf = await collect((out) => exp.writeXlsx(out, tables.reportTables(r, labels), [courses]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...tables.reportTableNames, "courses"]);
    expect((wb.getWorksheet("courses")!.getRow(1).values as unknown[]).slice(1)).toEqual([...tables.courseColumns]);
    expect(wb.getWorksheet("courses")!.rowCount).toBe(14);
  });
});

describe("on track: one definition for the course page and the export", () => {
  it("a course the page calls on track is never on_track=no in the export, and a course behind always is", async () => {
    const { commitmentOf } = await import("../../app/services/course-reads.server");
    const { eq } = await import("drizzle-orm");
    const d = db();
    // Three course months done with 3 hours each: 75 % of the 4-hour target, so the course page says "on track".
    const start = addMonths(today(), -3);
    const make = (hoursPerMonth: number) => {
      const mentor = f.insertMentor(d, rng, [751], { status: "active", industryCode: "41" });
      const mentee = f.insertMentee(d, rng, 751, { status: "in_course" });
      const course = f.insertCourse(d, {
        menteeId: mentee.id,
        mentorId: mentor.id,
        status: "active",
        startDate: start,
        plannedEndDate: addMonths(start, 6),
        approvedAt: start + "T10:00:00.000Z",
      });
      for (let m = 0; m < 3; m++)
        d.insert(schema.meetings)
          .values({
            courseId: course.id,
            date: addDays(addMonths(start, m), 20),
            minutes: hoursPerMonth * 60,
            form: "in_person",
          })
          .run();
      return course.id;
    };
    const steady = make(3);
    const behind = make(1);
    const rows = courseList(aarhus, reports.resolveFilter(aarhus, {}), reports.reportLabels("da"));
    for (const id of [steady, behind]) {
      const c = d.select().from(schema.courses).where(eq(schema.courses.id, id)).get()!;
      const page = commitmentOf(
        c,
        d.select().from(schema.meetings).where(eq(schema.meetings.courseId, id)).all(),
        [],
      )!.status;
      const exported = rows.find((r) => r.course_id === id)!.on_track;
      expect([id === steady ? "on_track" : "behind", id === steady ? "yes" : "no"]).toEqual([page, exported]);
    }
  });
});
