import { describe, expect, it } from "vitest";
import { expectSafeHints, fakeBase64, fakeBase64url, makeJwt } from "./test-support";
import type { RedactionFinding } from "./types";
import { joinPath, MAX_DEPTH, RedactionDepthError, redactValue } from "./value";

function run(value: unknown, path = "raw") {
  const findings: RedactionFinding[] = [];
  return { out: redactValue(value, path, findings), findings };
}

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const appId = "3c2a71b4-9ef4-4d36-9b4e-5e0f7a2d1c88";
const clientSecret = "Xy78Q~abcDEFghiJKLmnoPQRstuVWXyz0123456789";
const accessToken = makeJwt(
  { typ: "JWT", alg: "RS256", kid: "-KI3Q9nNR7bRofxmeZoXqbHZGew" },
  { aud: "https://graph.microsoft.com", iss: `https://sts.windows.net/${tenant}/`, appid: appId, tid: tenant },
);

// An Entra service-principal sign-in as exported by diagnostic settings, plus the kind of request
// capture a proxy or app log adds: a bearer header and a token request body with the app's secret.
function signInEvent() {
  return {
    time: "2023-07-05T10:22:41.1234567Z",
    resourceId: `/tenants/${tenant}/providers/Microsoft.aadiam`,
    operationName: "Sign-in activity",
    category: "ServicePrincipalSignInLogs",
    correlationId: "0b5a2d7e-3c1f-4a8e-9d6b-2f4e8c1a7b3d",
    properties: {
      id: "8d3e2f1a-6b7c-4d5e-9f0a-1b2c3d4e5f60",
      appId,
      appDisplayName: "backup-automation",
      ipAddress: "203.0.113.7",
      servicePrincipalCredentialKeyId: "5e4d3c2b-1a09-4f8e-7d6c-5b4a39281706",
      servicePrincipalCredentialThumbprint: "",
      uniqueTokenIdentifier: "q1W2e3R4t5Y6u7I8o9P0aA",
      tokenIssuerType: "AzureAD",
      incomingTokenType: "none",
      resourceDisplayName: "Microsoft Graph",
      status: { errorCode: 0 },
      location: { city: "Redmond", state: "Washington", countryOrRegion: "US" },
      authenticationProcessingDetails: [
        { key: "Azure AD App Authentication Library", value: "Family: MSAL Library: MSAL.Python 1.20.0 Platform: Python" },
        { key: "Is CAE Token", value: "False" },
      ],
      request: {
        headers: { Authorization: `Bearer ${accessToken.token}`, "User-Agent": "python-requests/2.31.0" },
        body: {
          grant_type: "client_credentials",
          client_id: appId,
          client_secret: clientSecret,
          scope: "https://graph.microsoft.com/.default",
        },
      },
    },
  };
}

describe("redactValue", () => {
  it("redacts a sign-in event: the bearer JWT keeps its claims, the client secret goes, the rest is shared", () => {
    const event = signInEvent();
    const { out, findings } = run(event);
    expect(findings).toEqual([
      {
        field: "raw.properties.request.headers.Authorization",
        kind: "jwt",
        hint: expect.stringMatching(/ alg=RS256 kid=-KI3Q9nNR7bRofxmeZoXqbHZGew$/),
      },
      { field: "raw.properties.request.body.client_secret", kind: "secret-field", hint: expect.stringMatching(/^sha256:[0-9a-f]{4}$/) },
    ]);
    expectSafeHints(findings, [clientSecret, accessToken.signature]);
    const text = JSON.stringify(out);
    expect(text).not.toContain(clientSecret);
    expect(text).not.toContain(accessToken.signature);
    const props = (out as ReturnType<typeof signInEvent>).properties;
    expect(props.request.headers.Authorization).toBe(`Bearer ${accessToken.header}.${accessToken.payload}.[REDACTED:jwt-signature]`);
    expect(props.request.body).toEqual({ ...event.properties.request.body, client_secret: "[REDACTED:secret-field]" });
    // Unchanged subtrees are the caller's own objects; the input itself is not mutated.
    expect(props.location).toBe(event.properties.location);
    expect(props.authenticationProcessingDetails).toBe(event.properties.authenticationProcessingDetails);
    expect(out).not.toBe(event);
    expect(event.properties.request.body.client_secret).toBe(clientSecret);
  });

  it("returns the identical object for a record without secrets", () => {
    const { request: _request, ...properties } = signInEvent().properties;
    const event = { ...signInEvent(), properties };
    const { out, findings } = run(event);
    expect(out).toBe(event);
    expect(findings).toEqual([]);
  });

  it("leaves hashes, thumbprints, SIDs and base64 of ordinary data in an EDR event alone", () => {
    const script = Buffer.from("Get-ChildItem C:\\Users -Recurse | Select-Object Name, Length, LastWriteTime", "utf16le").toString(
      "base64",
    );
    const event = {
      Timestamp: "2023-07-05T10:22:41.123Z",
      ActionType: "ProcessCreated",
      FileName: "powershell.exe",
      SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      SHA1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
      MD5: "d41d8cd98f00b204e9800998ecf8427e",
      ProcessCommandLine: `powershell.exe -NoProfile -EncodedCommand ${script}`,
      InitiatingProcessAccountSid: "S-1-5-21-3623811015-3361044348-30300820-1013",
      SignerThumbprint: "3b1efd3a66ea28b16697394703a72ca340a05bd5",
      CertificateSerialNumber: "330000023241fb59996dcc4dff000000000232",
      AdditionalFields: { KeyLength: 2048, TokenElevation: "TokenElevationTypeFull", PasswordLastSet: "2023-01-01T00:00:00Z" },
    };
    expect(run(event).out).toBe(event);
  });

  it("uses the name of a name/value pair: Exchange cmdlet parameters", () => {
    const record = {
      AuditData: {
        Operation: "New-MailUser",
        Parameters: [
          { Name: "Name", Value: "svc-sync" },
          { Name: "MicrosoftOnlineServicesID", Value: "svc-sync@contoso.com" },
          { Name: "Password", Value: "Summer2023!" },
          { Name: "ResetPasswordOnNextLogon", Value: "False" },
        ],
      },
    };
    const { out, findings } = run(record);
    expect(findings).toEqual([{ field: "raw.AuditData.Parameters[2].Value", kind: "secret-field", hint: expect.any(String) }]);
    expect(JSON.stringify(out)).not.toContain("Summer2023!");
    expect((out as typeof record).AuditData.Parameters[3]).toBe(record.AuditData.Parameters[3]);
  });

  it("keeps masked parameters and secret metadata of Entra audit events", () => {
    const record = {
      Parameters: [
        { Name: "Password", Value: "********" },
        { Name: "Password", Value: "System.Security.SecureString" },
      ],
      modifiedProperties: [
        {
          displayName: "KeyDescription",
          oldValue: "[]",
          newValue: `["[KeyIdentifier=${appId},KeyType=Password,KeyUsage=Verify,DisplayName=prod]"]`,
        },
        { displayName: "PasswordPolicies", oldValue: null, newValue: '"DisablePasswordExpiration"' },
      ],
    };
    expect(run(record).out).toBe(record);
  });

  it("redacts secret-named fields only when the value looks like a secret", () => {
    const record = {
      password: "hunter2",
      token: "6f1a3b5c-1111-2222-3333-444455556666",
      TokenObjectId: "6f1a3b5c-1111-2222-3333-444455556666",
      api_key: "",
      refresh_token: "***",
      secret: "null",
      apikey: "[REDACTED:secret-field]",
      accountKey: "short",
      passwordRequired: "true",
      pwd: "/var/www",
      nested: { credentials: [fakeBase64url("cred", 24), "false"] },
    };
    const { out, findings } = run(record);
    expect(findings.map((f) => f.field)).toEqual(["raw.password", "raw.nested.credentials[0]"]);
    expect(out).toEqual({ ...record, password: "[REDACTED:secret-field]", nested: { credentials: ["[REDACTED:secret-field]", "false"] } });
  });

  it("uses the refined kinds for AWS secret keys and Azure account keys, and keeps numbers and booleans", () => {
    const aws = fakeBase64("aws", 30);
    const account = fakeBase64("acct", 64);
    const { out, findings } = run({ SecretAccessKey: aws, AccountKey: account, password: 12345678, token: true, sas: null });
    expect(findings.map((f) => f.kind)).toEqual(["aws-secret-key", "azure-storage-key"]);
    expect(out).toEqual({
      SecretAccessKey: "[REDACTED:aws-secret-key]",
      AccountKey: "[REDACTED:azure-storage-key]",
      password: 12345678,
      token: true,
      sas: null,
    });
  });

  it("applies the JWT rule rather than whole-value redaction to tokens under token keys", () => {
    const { out, findings } = run({ access_token: accessToken.token, id_token: `${accessToken.header}.${accessToken.payload}.` });
    expect(findings.map((f) => f.kind)).toEqual(["jwt"]);
    expect(out).toEqual({
      access_token: `${accessToken.header}.${accessToken.payload}.[REDACTED:jwt-signature]`,
      id_token: `${accessToken.header}.${accessToken.payload}.`,
    });
  });

  it("keeps the scheme of an Authorization value the text rules do not know", () => {
    const { out } = run({ headers: { authorization: `SharedKey contoso:${fakeBase64("sk", 32)}` } });
    expect(out).toEqual({ headers: { authorization: "SharedKey [REDACTED:secret-field]" } });
  });

  it("redacts strings embedded in CSV-like flat records and JSON text as plain text", () => {
    const row = {
      Operation: "UserLoggedIn",
      AuditData: '{"UserId":"bob","password":"hunter2"}',
      ClientInfoString: "Client=REST;Client=RESTSystem;;",
    };
    const { out, findings } = run(row);
    expect(out).toEqual({ ...row, AuditData: '{"UserId":"bob","password":"[REDACTED:password-pair]"}' });
    expect(findings).toEqual([{ field: "raw.AuditData", kind: "password-pair", hint: expect.any(String) }]);
  });

  it("handles top-level strings, arrays and scalars", () => {
    expect(run("Bearer 0123456789abcdefghij", "message").findings).toEqual([
      { field: "message", kind: "bearer-token", hint: expect.any(String) },
    ]);
    const list = ["a", { password: "x1" }];
    const { out, findings } = run(list);
    expect(out).toEqual(["a", { password: "[REDACTED:secret-field]" }]);
    expect(findings[0]?.field).toBe("raw[1].password");
    for (const scalar of [1, true, null, undefined]) expect(run(scalar).out).toBe(scalar);
  });

  it("quotes keys that are not plain names in paths", () => {
    const { findings } = run({ "request headers": { "X-Api-Key": fakeBase64url("k", 20) } });
    expect(findings[0]?.field).toBe('raw["request headers"].X-Api-Key');
    expect(run({ "": "password=hunter2" }).findings[0]?.field).toBe('raw[""]');
    expect(joinPath("", "a")).toBe("a");
    expect(joinPath("raw", 3)).toBe("raw[3]");
  });

  it("keeps a __proto__ key as data when copying", () => {
    const record = JSON.parse('{"__proto__": {"x": 1}, "password": "hunter2"}') as Record<string, unknown>;
    const out = run(record).out as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "password"]);
  });

  it("refuses records nested too deep to check instead of storing them unchecked", () => {
    const deep = JSON.parse(`${"[".repeat(MAX_DEPTH + 5)}"x"${"]".repeat(MAX_DEPTH + 5)}`);
    expect(() => run(deep)).toThrow(RedactionDepthError);
    const ok = JSON.parse(`${"[".repeat(MAX_DEPTH)}"x"${"]".repeat(MAX_DEPTH)}`);
    expect(run(ok).out).toBe(ok);
  });
});
