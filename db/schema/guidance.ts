/**
 * Guidance for mentors: the pages coordinators maintain and who read which version.
 */
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { guidanceKinds } from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, createdAt, updatedAt, bool } from "./columns";
import { mentors, users } from "./people";

/** Guidance for mentors, maintained by coordinators: the introduction's pages and tips per course month, Danish and English. */
export const guidancePages = sqliteTable(
  "guidance_pages",
  {
    id: id(),
    kind: text("kind", { enum: guidanceKinds }).notNull(),
    /** For a tip: the course month it fits (1, 2, …); null = any month. */
    courseMonth: integer("course_month"),
    sort: integer("sort").notNull().default(0),
    titleDa: text("title_da").notNull(),
    bodyDa: text("body_da").notNull(),
    titleEn: text("title_en").notNull(),
    bodyEn: text("body_en").notNull(),
    /** Goes up with every edit, so "read" means read at a version. */
    version: integer("version").notNull().default(1),
    active: bool("active").notNull().default(true),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("guidance_pages_kind_idx").on(t.kind, t.active, t.sort)],
);

/** Which mentor read which guidance page at which version, and when. */
export const guidanceReads = sqliteTable(
  "guidance_reads",
  {
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    pageId: integer("page_id")
      .notNull()
      .references(() => guidancePages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    readAt: text("read_at").notNull().$defaultFn(nowIso),
  },
  (t) => [primaryKey({ columns: [t.mentorId, t.pageId, t.version] })],
);
