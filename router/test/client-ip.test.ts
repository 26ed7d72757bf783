import { describe, expect, it } from "vitest";
import { clientIp } from "../src/http/client-ip.js";

const req = (peer: string, xff?: string) => ({
  socket: { remoteAddress: peer },
  headers: xff === undefined ? {} : { "x-forwarded-for": xff },
});

describe("clientIp", () => {
  it("uses the direct peer when it is not a trusted proxy, ignoring x-forwarded-for", () => {
    expect(clientIp(req("203.0.113.9", "1.2.3.4"), ["10.0.0.1"])).toBe("203.0.113.9");
  });
  it("unwraps IPv4-mapped IPv6 peers", () => {
    expect(clientIp(req("::ffff:127.0.0.1"), [])).toBe("127.0.0.1");
  });
  it("believes x-forwarded-for from a trusted proxy, taking the rightmost untrusted hop", () => {
    expect(clientIp(req("10.0.0.1", "6.6.6.6, 198.51.100.7"), ["10.0.0.1"])).toBe("198.51.100.7");
    expect(clientIp(req("10.0.0.1", "198.51.100.7, 10.0.0.2"), ["10.0.0.1", "10.0.0.2"])).toBe("198.51.100.7");
  });
  it("falls back to the peer when a trusted proxy sends no or malformed x-forwarded-for", () => {
    expect(clientIp(req("10.0.0.1"), ["10.0.0.1"])).toBe("10.0.0.1");
    expect(clientIp(req("10.0.0.1", "not-an-ip"), ["10.0.0.1"])).toBe("10.0.0.1");
  });
});
