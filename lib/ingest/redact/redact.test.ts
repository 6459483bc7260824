import { describe, expect, it } from "vitest";
import { JWT_SIGNATURE_MARKER, marker, type RedactionFinding, redactText, redactValue } from "./redact";
import { expectSafeHints, fakeBase64, fakeBase64url, makeJwt, redact } from "./test-support";

// One secret of every kind, each in a typical context.
const jwt = makeJwt({ alg: "ES256", kid: "key-2023" }, { iss: "https://idp.example/" });
const secrets = {
  pem: fakeBase64("pem", 120),
  opaque: fakeBase64url("bearer", 32),
  basic: Buffer.from("svc:Winter2024!").toString("base64"),
  awsId: "AKIAIOSFODNN7EXAMPLE",
  awsSecret: fakeBase64("aws", 30),
  accountKey: fakeBase64("acct", 64),
  sig: encodeURIComponent(fakeBase64("sig", 32)),
  connPassword: "c0nn-pa55",
  urlPassword: "ur1-pa55",
  password: "hunter2",
  clientSecret: "abc8Q~xyzXYZ0123456789abcd",
};
const corpus = [
  `-----BEGIN RSA PRIVATE KEY-----\n${secrets.pem}\n-----END RSA PRIVATE KEY-----`,
  `Authorization: Bearer ${jwt.token}`,
  `Authorization: Bearer ${secrets.opaque}`,
  `Authorization: Basic ${secrets.basic}`,
  `accessKeyId=${secrets.awsId}`,
  `aws_secret_access_key=${secrets.awsSecret}`,
  `AccountName=a;AccountKey=${secrets.accountKey};EndpointSuffix=core.windows.net`,
  `https://a.blob.core.windows.net/c?sv=2022-11-02&sig=${secrets.sig}&se=2024-01-01`,
  `Server=db;Database=crm;User Id=sa;Password=${secrets.connPassword};`,
  `amqp://guest:${secrets.urlPassword}@mq:5672/`,
  `login failed user=bob password=${secrets.password}`,
  `client_secret=${secrets.clientSecret}`,
];

describe("redaction contract", () => {
  it("finds every kind in one string, in place, and leaves no secret behind", () => {
    const { out, findings } = redact(corpus.join("\n"));
    expect(new Set(findings.map((f) => f.kind))).toEqual(
      new Set([
        "pem-private-key",
        "jwt",
        "bearer-token",
        "basic-auth",
        "aws-access-key-id",
        "aws-secret-key",
        "azure-storage-key",
        "azure-sas-signature",
        "connection-string-password",
        "url-password",
        "password-pair",
        "secret-field",
      ]),
    );
    expect(findings).toHaveLength(corpus.length);
    for (const secret of [...Object.values(secrets), jwt.signature]) expect(out).not.toContain(secret);
    expectSafeHints(findings, [...Object.values(secrets), jwt.signature]);
    expect(out).toContain(`${jwt.header}.${jwt.payload}.${JWT_SIGNATURE_MARKER}`);
  });

  it.each(corpus)("is idempotent: a second pass over %j finds nothing", (text) => {
    const once = redact(text).out;
    const findings: RedactionFinding[] = [];
    expect(redactText(once, "message", findings)).toBe(once);
    expect(findings).toEqual([]);
    expect(redactValue({ v: once }, "raw", findings)).toEqual({ v: once });
    expect(findings).toEqual([]);
  });

  it("returns the same string instance when nothing matched", () => {
    const text = "User bob signed in from 203.0.113.7 using a key fob; token lifetime policy applied";
    expect(redactText(text, "message", [])).toBe(text);
  });

  it("appends to the caller's findings and records the field it was given", () => {
    const findings: RedactionFinding[] = [{ field: "earlier", kind: "jwt", hint: "sha256:0000" }];
    redactText(`password=${secrets.password}`, "raw.CommandLine", findings);
    expect(findings).toEqual([
      { field: "earlier", kind: "jwt", hint: "sha256:0000" },
      { field: "raw.CommandLine", kind: "password-pair", hint: expect.stringMatching(/^sha256:[0-9a-f]{4}$/) },
    ]);
  });

  it("writes markers as [REDACTED:<kind>]", () => {
    expect(marker("url-password")).toBe("[REDACTED:url-password]");
    expect(JWT_SIGNATURE_MARKER).toBe("[REDACTED:jwt-signature]");
  });
});
