import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("client address", () => {
  it("comes from the load context server.mjs fills, never from a header", () => {
    expect(clientAddress({ clientAddress: "192.0.2.7" })).toBe("192.0.2.7");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });

  /** What each address is limited by: [why, address, key]. */
  const keys: [string, string, string][] = [
    ["IPv4 per address", "192.0.2.7", "192.0.2.7"],
    ["IPv4 also when written IPv4-mapped", "::ffff:192.0.2.7", "192.0.2.7"],
    ["IPv4-mapped in capitals", "::FFFF:127.0.0.1", "127.0.0.1"],
    [
      "IPv6 per /64, so one subscriber's addresses share a limit",
      "2001:db8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:db8:1:2::/64",
    ],
    ["IPv6 shortened", "2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["IPv6 in brackets with leading zeros", "[2001:0db8:0001:0002:ffff::9]", "2001:db8:1:2::/64"],
    ["IPv6 with a gap inside the /64", "2001:db8::1", "2001:db8:0:0::/64"],
    ["IPv6 with a zone", "fe80::1%eth0", "fe80:0:0:0::/64"],
    ["IPv6 loopback", "::1", "0:0:0:0::/64"],
    ["anything else as it is", "unknown", "unknown"],
    ["nothing as unknown", "", "unknown"],
  ];
  it.each(keys)("limits %s", (_why, address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
