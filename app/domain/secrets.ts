/**
 * Live secrets in messages. A password-reset, invitation, verification, survey or opt-out link is a key to an account
 * or to a person's choices: only its recipient may ever see it. A message's data therefore holds such a link only
 * masked (`https://…/nulstil-adgangskode/•••`); the real value lives apart (the outbox row's `secrets`), is read only
 * by the real send, and is dropped once the message is final. Pages, exports and logs see the masked form.
 */

/** What a hidden secret looks like wherever staff may look. */
export const SECRET_MASK = "•••";

/** The paths whose last segment is a live token (each is the recipient's key to something). */
export const TOKEN_PATHS = [
  "/nulstil-adgangskode/",
  "/invitation/",
  "/bliv-mentor/bekraeft/",
  "/s/",
  "/afmeld/",
  "/mig/",
] as const;

const LIVE_LINK = new RegExp(`(${TOKEN_PATHS.map((p) => p.replace(/\//g, "\\/")).join("|")})[A-Za-z0-9_-]{16,}`);

/** True when the text holds a link with a live token. */
export function containsLiveLink(text: string): boolean {
  return LIVE_LINK.test(text);
}

/**
 * A secret value as staff may see it: a link keeps its address up to the last path segment (so one can tell which
 * kind of link it was), the token becomes •••; anything else becomes ••• entirely.
 */
export function maskSecret(value: unknown): string {
  if (typeof value !== "string") return SECRET_MASK;
  const cut = value.lastIndexOf("/");
  if (/^https?:\/\//.test(value) && cut > value.indexOf("//") + 1) return `${value.slice(0, cut + 1)}${SECRET_MASK}`;
  return SECRET_MASK;
}

export type SplitData = { data: Record<string, unknown>; secrets: Record<string, unknown> | null };

/**
 * Splits a message's data into what may be kept and shown (the secret fields masked) and the secrets themselves.
 * Throws when a field that is not declared secret still carries a live link: a template that forgot to declare it
 * must fail loudly in development, not leak the link to staff in production.
 */
export function splitSecrets(
  data: Record<string, unknown>,
  secretFields: readonly string[],
  template: string,
): SplitData {
  const open: Record<string, unknown> = { ...data };
  const secrets: Record<string, unknown> = {};
  for (const f of secretFields) {
    if (data[f] == null) continue;
    secrets[f] = data[f];
    open[f] = maskSecret(data[f]);
  }
  const leak = findLiveLink(open);
  if (leak)
    throw new Error(`Message ${template}: field "${leak}" carries a live link; declare it in the template's secrets`);
  return { data: open, secrets: Object.keys(secrets).length ? secrets : null };
}

/** The path (e.g. `mentor.url`) of the first value holding a live link, or null. */
export function findLiveLink(value: unknown, path = ""): string | null {
  if (typeof value === "string") return containsLiveLink(value) ? path || "(value)" : null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findLiveLink(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}
