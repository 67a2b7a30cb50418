import { notFound } from "../auth/guards.server";

/** A record id from the URL: a positive 32-bit integer, or the page does not exist (404). */
export function idParam(v: string | undefined | null): number {
  const id = Number(v);
  if (!v || !/^\d{1,10}$/.test(v) || !Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound();
  return id;
}
