/**
 * The whole domain schema. SQLite through drizzle; instants are ISO-8601 UTC text, calendar dates YYYY-MM-DD text,
 * lists are JSON text. Enumerations come from app/domain/enums.ts so schema, forms and UI share one definition.
 * Every list a page shows has an index here.
 */
export * from "./reference";
export * from "./people";
export * from "./citizens";
export * from "./courses";
export * from "./matching";
export * from "./company";
export * from "./facts";
export * from "./guidance";
export * from "./audit";
export * from "./messaging";
export * from "./jobs";
