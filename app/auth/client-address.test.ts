import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("client address", () => {
  it("comes from the load context server.mjs fills, never from a header", () => {
    expect(clientAddress({ clientAddress: "192.0.2.7" })).toBe("192.0.2.7");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
  it("limits IPv4 per address, also when written IPv4-mapped", () => {
    expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::FFFF:127.0.0.1")).toBe("127.0.0.1");
  });
  it("limits IPv6 per /64, so one subscriber's addresses share a limit", () => {
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:0db8:0001:0002:ffff::9]")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
  it("keeps anything else as it is", () => {
    expect(addressKey("unknown")).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
  });
});
