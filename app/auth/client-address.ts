/**
 * Who is asking, for rate limits. The address comes from server.mjs (the socket, or the trusted proxies' header when
 * TRUST_PROXY says how many there are): never from a header the client writes, so rotating X-Forwarded-For buys
 * nothing. Pure, so the key rules are unit-tested.
 */
import type { AppLoadContext } from "@remix-run/node";

/** The client address server.mjs put in the load context; "unknown" only when a request did not come through it. */
export function clientAddress(context: AppLoadContext | undefined): string {
  const a = context?.clientAddress;
  return typeof a === "string" && a ? a : "unknown";
}

/**
 * The key an address is limited under: IPv4 as it is (also when written IPv4-mapped, ::ffff:1.2.3.4); IPv6 by its
 * /64 prefix, the block one subscriber gets, so a client cannot walk through the addresses of its own network.
 */
export function addressKey(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (v4) return v4[1];
  if (!a.includes(":")) return a || "unknown";
  const [head, tail = ""] = a.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = a.includes("::")
    ? [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
