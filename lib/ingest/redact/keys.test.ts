import { describe, expect, it } from "vitest";
import { classifyKey, kindForKey } from "./keys";
import { isPlausibleSecret } from "./plausible";
import { b64url } from "./test-support";

const familyOf = (key: string) => classifyKey(key)?.family ?? null;

describe("classifyKey", () => {
  it.each([
    ["password", "password"],
    ["Password", "password"],
    ["AdminPassword", "password"],
    ["MYSQL_ROOT_PASSWORD", "password"],
    ["passwd", "password"],
    ["pwd", "password"],
    ["passphrase", "password"],
    ["client_secret", "secret"],
    ["ClientSecret", "secret"],
    ["secretText", "secret"],
    ["api_key", "key"],
    ["x-api-key", "key"],
    ["apikey", "key"],
    ["private_key", "key"],
    ["SharedKey", "key"],
    ["access_token", "token"],
    ["refresh_token", "token"],
    ["X-Amz-Security-Token", "token"],
    ["token", "token"],
    ["credential", "credential"],
    ["passwordCredentials", "credential"],
    ["SecretAccessKey", "aws-secret"],
    ["aws_secret_access_key", "aws-secret"],
    ["AccountKey", "account-key"],
    ["SharedAccessKey", "shared-access-key"],
    ["sas", "sas"],
    ["sig", "sas"],
    ["Authorization", "authorization"],
  ])("%s names a secret (%s)", (key, family) => {
    expect(familyOf(key)).toBe(family);
  });

  it.each([
    "key",
    "Key",
    "keyId",
    "publicKey",
    "primaryKey",
    "accessKeyId",
    "SharedAccessKeyName",
    "PasswordLastSet",
    "passwordPolicies",
    "ResetPasswordOnNextLogon",
    "uniqueTokenIdentifier",
    "TokenObjectId",
    "tokenIssuerType",
    "incomingTokenType",
    "token_type",
    "nextToken",
    "NextPageToken",
    "continuationToken",
    "ClientRequestToken",
    "secretName",
    "signature",
    "bypass",
    "cwd",
    "x".repeat(70),
  ])("%s does not", (key) => {
    expect(familyOf(key)).toBeNull();
  });
});

describe("isPlausibleSecret", () => {
  const password = classifyKey("password");
  const token = classifyKey("access_token");
  const secret = classifyKey("client_secret");
  const pwd = classifyKey("PWD");
  if (!password || !token || !secret || !pwd) throw new Error("rules missing");

  it("takes any real value under a password key, short ones included", () => {
    for (const v of ["hunter2", "a1", "correct horse battery staple", "P@ss;w0rd", "12345678"])
      expect(isPlausibleSecret(v, password)).toBe(true);
  });

  it("wants at least 8 characters and a single word under generic names", () => {
    expect(isPlausibleSecret("abc123", token)).toBe(false);
    expect(isPlausibleSecret("abc12345", token)).toBe(true);
    expect(isPlausibleSecret("see the attached file", token)).toBe(false);
  });

  it.each([
    "",
    "   ",
    "***",
    "********",
    "xxxxxxxx",
    "null",
    "undefined",
    "True",
    "false",
    "N/A",
    "<redacted>",
    "[hidden]",
    "{masked}",
    "[REDACTED:secret-field]",
    "System.Security.SecureString",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${VAR} reference is the input under test
    "${DB_PASSWORD}",
    "{{ vault.db }}",
    "%PASSWORD%",
    "$(cat /run/secret)",
    "2023-05-15T03:12:44Z",
    "2023-05-15",
    "https://vault.azure.net/secrets/db",
  ])("%j is not a secret", (v) => {
    expect(isPlausibleSecret(v, password)).toBe(false);
    expect(isPlausibleSecret(v, token)).toBe(false);
  });

  it("treats a GUID as an identifier under token-like keys but not under password or secret keys", () => {
    const guid = "6f1a3b5c-1111-2222-3333-444455556666";
    expect(isPlausibleSecret(guid, token)).toBe(false);
    expect(isPlausibleSecret(`{${guid}}`, token)).toBe(false);
    expect(isPlausibleSecret(guid, password)).toBe(true);
    expect(isPlausibleSecret(guid, secret)).toBe(true);
  });

  it("treats absolute paths under PWD as directories", () => {
    expect(isPlausibleSecret("/home/alice", pwd)).toBe(false);
    expect(isPlausibleSecret("C:\\Users\\alice", pwd)).toBe(false);
    expect(isPlausibleSecret("hunter2", pwd)).toBe(true);
  });

  it("leaves unsigned JWTs to the JWT rule, which keeps them", () => {
    expect(isPlausibleSecret(`${b64url({ alg: "none" })}.${b64url({ sub: "x" })}.`, token)).toBe(false);
  });
});

describe("kindForKey", () => {
  it("refines kinds where the key says exactly what the value is", () => {
    const aws = classifyKey("SecretAccessKey");
    const password = classifyKey("password");
    if (!aws || !password) throw new Error("rules missing");
    expect(kindForKey(aws, "a".repeat(40), "json")).toBe("aws-secret-key");
    expect(kindForKey(aws, "a".repeat(39), "json")).toBe("secret-field");
    expect(kindForKey(password, "x", "json")).toBe("secret-field");
    expect(kindForKey(password, "x", "text")).toBe("password-pair");
    expect(kindForKey(password, "x", "connection-string")).toBe("connection-string-password");
  });
});
