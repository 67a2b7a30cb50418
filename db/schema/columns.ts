/** Column helpers shared by the schema's tables (not tables themselves: not re-exported by the index). */
import { text, integer, customType } from "drizzle-orm/sqlite-core";
import { nowIso } from "../../app/utils/clock";

export const id = () => integer("id").primaryKey({ autoIncrement: true });
export const createdAt = () => text("created_at").notNull().$defaultFn(nowIso);
export const updatedAt = () => text("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso);
export const bool = (name: string) => integer(name, { mode: "boolean" });
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/**
 * An instant kept as milliseconds since 1970 (UTC) in an INTEGER column, read and written as ISO-8601 text like every
 * other instant: 6 bytes a row and in each index instead of 24. For the tables that grow by hundreds of thousands of
 * rows (the access log, the outbox, meetings, consents: issue 16); written without a zone, an instant is UTC. Raw SQL on
 * these columns compares numbers (`Date.parse`), never ISO text.
 */
export const epochMs = customType<{ data: string; driverData: number }>({
  dataType: () => "integer",
  toDriver: (iso) => {
    const ms = Date.parse(/T[^Zz+-]*$/.test(iso) ? `${iso}Z` : iso);
    if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
    return ms;
  },
  fromDriver: (ms) => new Date(ms).toISOString(),
});
/** created_at / updated_at of the large history tables, as epoch milliseconds (epochMs). */
export const createdAtMs = () => epochMs("created_at").notNull().$defaultFn(nowIso);
export const updatedAtMs = () => epochMs("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso);
/**
 * A closed list of words kept as its position in the list (an INTEGER column, one byte a row), read and written as the
 * word. Only ever append to such a list: a stored number means the word at its position.
 */
export const coded = <T extends string>(name: string, words: readonly T[]) =>
  customType<{ data: T; driverData: number }>({
    dataType: () => "integer",
    toDriver: (word) => {
      const i = words.indexOf(word);
      if (i < 0) throw new Error(`${name}: unknown value ${word}`);
      return i;
    },
    fromDriver: (i) => words[i],
  })(name);
