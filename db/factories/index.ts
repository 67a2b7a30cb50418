/**
 * Factories for people and courses: the demo seed and the tests build data the same way. Deterministic given a seed.
 */
export * from "./random";
export * from "./names";
export * from "./people";
export * from "./courses";
