import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteWrite, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allow scripts only with the request's nonce, never inline or framed", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });

  it("send HSTS only over https", () => {
    expect(securityHeaders(false)).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(securityHeaders(true)["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it.each([
    ["a form posted from another site", "POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, true],
    ["a same-site but other-origin page", "POST", { "sec-fetch-site": "same-site" }, true],
    ["an older browser naming another origin", "DELETE", { origin: "https://evil.example" }, true],
    ["an opaque origin", "POST", { origin: "null" }, true],
    ["our own page", "POST", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }, false],
    ["our origin without fetch metadata", "PATCH", { origin: "http://127.0.0.1:3000" }, false],
    ["the CLI (no browser headers)", "POST", {}, false],
    ["a cross-site GET (a link)", "GET", { "sec-fetch-site": "cross-site" }, false],
  ])("%s: refused = %s", (_name, method, headers, refused) => {
    expect(isCrossSiteWrite(method, new Headers(headers as Record<string, string>), "127.0.0.1:3000")).toBe(refused);
  });
});
