import { describe, expect, it } from "vitest";
import { expectRedacted, expectUntouched, redact } from "./test-support";

describe("passwords in URLs", () => {
  it("keeps scheme, user and host and replaces the password", () => {
    const out = expectRedacted(
      "connecting to postgres://app:Tr0ub4dor&3@db.internal:5432/prod?sslmode=require",
      "Tr0ub4dor&3",
      "url-password",
    );
    expect(out).toBe("connecting to postgres://app:[REDACTED:url-password]@db.internal:5432/prod?sslmode=require");
  });

  it("takes a raw @ inside the password up to the last @ before the host", () => {
    const out = expectRedacted("mongodb+srv://admin:p@ss@word@cluster0.mongodb.net/db", "p@ss@word", "url-password");
    expect(out).toBe("mongodb+srv://admin:[REDACTED:url-password]@cluster0.mongodb.net/db");
  });

  it("handles an empty user and URLs inside JSON text", () => {
    expect(expectRedacted("redis://:s3cr3tRedis@cache:6379/0", "s3cr3tRedis", "url-password")).toBe(
      "redis://:[REDACTED:url-password]@cache:6379/0",
    );
    const out = expectRedacted(JSON.stringify({ proxy: "http://bob:hunter22@proxy.corp:3128" }), "hunter22", "url-password");
    expect(JSON.parse(out)).toEqual({ proxy: "http://bob:[REDACTED:url-password]@proxy.corp:3128" });
  });

  it("leaves URLs without a password alone", () => {
    expectUntouched("https://login.microsoftonline.com:443/common/oauth2/v2.0/token");
    expectUntouched("ssh://git@github.com:22/org/repo.git");
    expectUntouched("https://bob@example.com/profile");
    expectUntouched("http://[::1]:8080/health");
    expectUntouched("see https://example.com:8443/a@b and mail bob@example.com");
    expectUntouched("ftp://anonymous:****@files.example.com/");
  });
});

describe("AWS access key ids", () => {
  it("replaces long-term (AKIA) and temporary (ASIA) key ids, hinting which", () => {
    const id = "AKIAIOSFODNN7EXAMPLE";
    expect(expectRedacted(`"accessKeyId": "${id}"`, id, "aws-access-key-id")).toBe('"accessKeyId": "[REDACTED:aws-access-key-id]"');
    expect(redact(id).findings[0]?.hint).toMatch(/ prefix=AKIA$/);
    const temp = "ASIAY34FZKBOKMUTVV7A";
    expect(redact(`key=${temp}`).findings[0]?.hint).toMatch(/ prefix=ASIA$/);
    expectRedacted(`userIdentity.accessKeyId=${temp}, region=us-east-1`, temp, "aws-access-key-id");
  });

  it("leaves principal ids, lower case, embedded and short look-alikes alone", () => {
    expectUntouched("principalId AIDAJQABLZS4A3QDU576Q and role AROAJQABLZS4A3QDU576Q");
    expectUntouched("akiaiosfodnn7example");
    expectUntouched("XAKIAIOSFODNN7EXAMPLE1");
    expectUntouched("AKIAIOSFODNN7EXAMPL");
    expectUntouched("Asia/Tokyo");
  });
});
