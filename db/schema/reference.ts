/**
 * Reference data: municipalities, the DB07 industries and the applied reference version.
 */
import { sqliteTable, text, integer, real, index } from "drizzle-orm/sqlite-core";
import { nowIso } from "../../app/utils/clock";
import { updatedAt, bool } from "./columns";

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: integer("code").primaryKey(),
    name: text("name").notNull(),
    regionCode: integer("region_code").notNull(),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    isPartner: bool("is_partner").notNull().default(false),
    partnerSince: text("partner_since"),
    agreementDate: text("agreement_date"),
    dpaDate: text("dpa_date"),
    yearlyQuota: integer("yearly_quota"),
    updatedAt: updatedAt(),
  },
  (t) => [index("municipalities_partner_idx").on(t.isPartner, t.name)],
);

/** DB07 (Danish NACE rev. 2): sections (A-U) and two-digit divisions (01-99) in one table. */
export const industries = sqliteTable(
  "industries",
  {
    code: text("code").primaryKey(),
    level: text("level", { enum: ["section", "division"] }).notNull(),
    section: text("section").notNull(),
    labelDa: text("label_da").notNull(),
    labelEn: text("label_en").notNull(),
  },
  (t) => [index("industries_section_idx").on(t.section, t.level)],
);

/** Which reference data version has been applied (idempotent upserts run again when the version changes). */
export const referenceVersions = sqliteTable("reference_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
  appliedAt: text("applied_at").notNull().$defaultFn(nowIso),
});
