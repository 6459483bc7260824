import { describe, expect, it } from "vitest";
import { expectRedacted, expectUntouched, fakeBase64url, makeJwt, redact } from "./test-support";

const opaque = fakeBase64url("opaque-token", 32);
const basic = (userPass: string) => Buffer.from(userPass).toString("base64");

describe("Bearer tokens", () => {
  it("keeps the scheme word and replaces an opaque token", () => {
    const out = expectRedacted(`Authorization: Bearer ${opaque}`, opaque, "bearer-token");
    expect(out).toBe("Authorization: Bearer [REDACTED:bearer-token]");
  });

  it("matches the scheme in any case and inside JSON text", () => {
    expect(expectRedacted(`authorization=bearer ${opaque}`, opaque, "bearer-token")).toBe("authorization=bearer [REDACTED:bearer-token]");
    const out = expectRedacted(JSON.stringify({ headers: { Authorization: `Bearer ${opaque}` } }), opaque, "bearer-token");
    expect(JSON.parse(out)).toEqual({ headers: { Authorization: "Bearer [REDACTED:bearer-token]" } });
  });

  it("applies the JWT rule to a bearer JWT and reports it as a jwt", () => {
    const jwt = makeJwt({ alg: "RS256", kid: "abc" }, { iss: "https://sts.windows.net/t/" });
    const out = expectRedacted(`Authorization: Bearer ${jwt.token}`, jwt.signature, "jwt");
    expect(out).toBe(`Authorization: Bearer ${jwt.header}.${jwt.payload}.[REDACTED:jwt-signature]`);
  });

  it("leaves the word bearer in prose and short or word-like values alone", () => {
    expectUntouched("Bearer authentication is required for this endpoint");
    expectUntouched('{"token_type":"Bearer","expires_in":3599}');
    expectUntouched("the bearer of this certificate");
    expectUntouched("Authorization: Bearer abc123");
    expectUntouched("WWW-Authenticate: Bearer realm=graph, error=invalid_token");
    expectUntouched("Bearer AuthenticationRequiredError");
  });

  it("does not redact its own marker again", () => {
    expectUntouched(redact(`Bearer ${opaque}`).out);
  });
});

describe("Basic credentials", () => {
  it("keeps the scheme word and replaces the base64 user:password", () => {
    const value = basic("svc-backup:Winter2024!");
    const out = expectRedacted(`Authorization: Basic ${value}`, value, "basic-auth");
    expect(out).toBe("Authorization: Basic [REDACTED:basic-auth]");
  });

  it("handles the scheme in lower case and padding", () => {
    const value = basic("ab:cd");
    expect(value.endsWith("=")).toBe(true);
    expectRedacted(`authorization: basic ${value}, next`, value, "basic-auth");
  });

  it("ignores 'basic' followed by words or base64 that is not user:password", () => {
    expectUntouched("Basic authentication failed for user bob");
    expectUntouched('WWW-Authenticate: Basic realm="corp"');
    expectUntouched(`Basic ${basic("no colon in here")}`);
    expectUntouched("BasicConstraints: CA=false");
    expectUntouched(`Basic ${Buffer.from([0, 1, 2, 58, 200, 201]).toString("base64")}`);
  });
});
