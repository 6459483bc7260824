import { describe, expect, it } from "vitest";
import { isUnsignedJwt, parseJwt } from "./jwt";
import { b64url, expectRedacted, expectUntouched, fakeBase64url, makeJwt, redact } from "./test-support";

// The shape of an Entra access token: the claims an investigator pivots on.
const claims = {
  iss: "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
  aud: "https://graph.microsoft.com",
  tid: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  appid: "d3590ed6-52b3-4102-aeff-aad2292ab01c",
};
const signed = makeJwt({ typ: "JWT", alg: "RS256", kid: "-KI3Q9nNR7bRofxmeZoXqbHZGew" }, claims);

describe("JWTs", () => {
  it("keeps header and claims and replaces only the signature", () => {
    const out = expectRedacted(`token accepted: ${signed.token} for mailbox`, signed.signature, "jwt");
    expect(out).toBe(`token accepted: ${signed.header}.${signed.payload}.[REDACTED:jwt-signature] for mailbox`);
  });

  it("puts alg and kid from the header into the hint", () => {
    const { findings } = redact(signed.token);
    expect(findings[0]?.hint).toMatch(/^sha256:[0-9a-f]{4} alg=RS256 kid=-KI3Q9nNR7bRofxmeZoXqbHZGew$/);
  });

  it("gives the same hint for the same token and different hints for different signatures", () => {
    const other = makeJwt({ alg: "RS256", kid: "-KI3Q9nNR7bRofxmeZoXqbHZGew" }, claims, fakeBase64url("other", 256));
    const hint = (t: string) => redact(t).findings[0]?.hint;
    expect(hint(signed.token)).toBe(hint(`again ${signed.token}`));
    expect(hint(signed.token)).not.toBe(hint(other.token));
  });

  it("finds tokens in query strings, fragments and sentences", () => {
    expectRedacted(`GET /cb#access_token=${signed.token}&token_type=Bearer`, signed.signature, "jwt");
    const out = expectRedacted(`It was ${signed.token}.`, signed.signature, "jwt");
    expect(out).toBe(`It was ${signed.header}.${signed.payload}.[REDACTED:jwt-signature].`);
  });

  it("sanitises a hostile kid before it reaches the hint", () => {
    const hostile = makeJwt({ alg: "HS256", kid: "a b<script>\n" }, { sub: "x" });
    expect(redact(hostile.token).findings[0]?.hint).toMatch(/ kid=a_b_script__$/);
  });

  it("leaves unsigned tokens alone: without a signature there is nothing to replay", () => {
    expectUntouched(`${b64url({ alg: "none" })}.${b64url(claims)}.`);
    expectUntouched(`${b64url({ alg: "none" })}.${b64url(claims)}.${fakeBase64url("x", 32)}`);
    expectUntouched(`${b64url({ alg: "RS256" })}.${b64url(claims)}.`);
    expect(isUnsignedJwt(`${b64url({ alg: "none" })}.${b64url(claims)}.`)).toBe(true);
    expect(isUnsignedJwt(signed.token)).toBe(false);
  });

  it("replaces everything after the header of an encrypted token (JWE)", () => {
    const parts = ["key", "iv", "ciphertext", "tag"].map((s) => fakeBase64url(s, 40));
    const jwe = `${b64url({ alg: "RSA-OAEP", enc: "A256GCM", kid: "k1" })}.${parts.join(".")}`;
    const { out, findings } = redact(jwe);
    expect(out).toBe(`${b64url({ alg: "RSA-OAEP", enc: "A256GCM", kid: "k1" })}.[REDACTED:jwt]`);
    expect(findings[0]?.hint).toMatch(/ alg=RSA-OAEP enc=A256GCM kid=k1$/);
    for (const part of parts) expect(out).not.toContain(part);
  });

  it("ignores look-alikes: base64 JSON without alg, non-JSON, dotted identifiers", () => {
    expectUntouched(`${b64url({ foo: 1, bar: "baz" })}.${b64url(claims)}.${fakeBase64url("s", 32)}`);
    expectUntouched(`eyJub3QganNvbg.${b64url(claims)}.${fakeBase64url("s", 32)}`);
    expectUntouched("eyJhbGciOiJIUzI1NiJ9 alone is only a header");
    expectUntouched("Microsoft.Exchange.Data.Directory.Recipient.ADUser key eyJohnson.Smith.Corp");
    expect(parseJwt("abc.def.ghi")).toBeNull();
  });

  it("does not touch a token it already redacted", () => {
    const once = redact(`Authorization: Bearer ${signed.token}`).out;
    expectUntouched(once);
  });
});
