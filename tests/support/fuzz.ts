/** Generated bad input for form fuzzing: types, lengths, unicode, injection strings. Deterministic per seed. */
import { createRng, type Rng } from "../../db/factories";

const CORPUS = [
  "",
  " ",
  "\t\n",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "3.14",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "2026-02-30",
  "31-12-2026",
  "0000-00-00",
  "+45",
  "+45 12",
  "+4512345678901234",
  "a@b",
  "@@",
  "x".repeat(10_000),
  "æøå".repeat(3000),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE mentees; --",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\u202Eevil",
  "مرحبا بالعالم",
  "ሰላም",
  "Привіт",
  "👩🏽‍💼🧕🏿",
  "\uD800",
  "\uFFFF",
  "javascript:alert(1)",
  "http://evil.example",
  "on",
  "off",
  "yes",
  "no",
  "sms",
  "email",
  "da",
  "ar",
  "waiting",
  "admin",
  "__proto__",
  "constructor",
];

function randomUnicode(rng: Rng, len: number): string {
  let s = "";
  for (let i = 0; i < len; i++) {
    const r = rng();
    const cp =
      r < 0.5
        ? 32 + Math.floor(rng() * 95)
        : r < 0.8
          ? 0xa0 + Math.floor(rng() * 0x5ff)
          : 0x600 + Math.floor(rng() * 0x1a00);
    s += String.fromCodePoint(cp);
  }
  return s;
}

export function* badInputs(fields: string[], count: number, seed = 1): Generator<[string, string][]> {
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) {
    const pairs: [string, string][] = [];
    for (const f of fields) {
      const r = rng();
      if (r < 0.15) continue; // missing
      const value =
        r < 0.6
          ? CORPUS[Math.floor(rng() * CORPUS.length)]
          : randomUnicode(rng, Math.floor(rng() * (rng() < 0.1 ? 5000 : 60)));
      pairs.push([f, value]);
      if (rng() < 0.1) pairs.push([f, CORPUS[Math.floor(rng() * CORPUS.length)]]); // duplicate key
    }
    if (rng() < 0.2) pairs.push([`${fields[0] ?? "x"}[0].__proto__`, "polluted"]);
    if (rng() < 0.2) pairs.push(["unexpected", randomUnicode(rng, 20)]);
    yield pairs;
  }
}

/** Form-encodes; a lone surrogate becomes raw invalid UTF-8 bytes (%ED%A0%80), which servers must survive too. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    }).join("");
  }
}

export function toBody(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
}
