import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("believes the socket's address, not a header the client wrote", () => {
    expect(clientIp(new Headers({ "x-chainline-peer": "::ffff:192.0.2.10", "x-forwarded-for": "203.0.113.99" }))).toBe("192.0.2.10");
  });

  it("behind N proxies, takes the entry the nearest proxy appended", () => {
    const h = new Headers({ "x-chainline-peer": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4" });
    expect(clientIp(h, 1)).toBe("198.51.100.4");
    expect(clientIp(h, 2)).toBe("6.6.6.6");
    expect(clientIp(new Headers({ "x-chainline-peer": "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
