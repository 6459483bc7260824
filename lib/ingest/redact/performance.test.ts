import { describe, expect, it } from "vitest";
import { redactText } from "./text";
import type { RedactionFinding } from "./types";
import { redactValue } from "./value";

// Ordinary lines from the sources Chainline imports. Several carry trigger words (key, token,
// pass, sig, Basic, ://) without a secret, so the slower path is exercised too.
const templates: ((i: number) => string)[] = [
  (i) => `Accepted publickey for deploy from 10.0.${i % 256}.${(i * 7) % 256} port ${40_000 + (i % 20_000)} ssh2: ED25519 SHA256:q${i}Zb8x`,
  (i) => `An account was successfully logged on. Logon Type: 3 Account Name: user${i % 97} Logon ID: 0x${(i * 4099).toString(16)}`,
  (i) =>
    `203.0.113.${i % 256} - - [05/Jul/2023:10:22:${String(i % 60).padStart(2, "0")} +0000] "GET /api/v1/items/${i} HTTP/1.1" 200 512 "https://app.contoso.com/" "Mozilla/5.0"`,
  (i) => `Registry key modified: HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater${i % 13}`,
  (i) => `Kerberos TGT requested for user${i % 50}@CORP.CONTOSO.COM, ticket encryption type 0x12, pre-auth type 2`,
  (i) => `Token issued for app ${(i * 2654435761).toString(16)} to user${i % 31}@contoso.com (uniqueTokenIdentifier AbC${i}dEf)`,
  (i) => `Password change requested for user${i % 211}; policy check passed`,
  (i) => `firewall: allow tcp 10.1.${i % 256}.4:443 -> 172.16.0.${i % 200}:${1024 + (i % 60_000)} rule=web-in sig=none`,
  (i) => `Basic authentication disabled for tenant t${i % 9} by policy`,
  (i) =>
    `Downloaded https://cdn.contoso.com/pkg/agent-${i % 40}.msi sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
];

describe("performance", () => {
  it("passes 100,000 ordinary log messages through unchanged, the same string instances", () => {
    const findings: RedactionFinding[] = [];
    let unchanged = 0;
    for (let i = 0; i < 100_000; i++) {
      const message = templates[i % templates.length]?.(i) ?? "";
      if (redactText(message, "message", findings) === message) unchanged++;
    }
    expect(findings).toEqual([]);
    expect(unchanged).toBe(100_000);
  });

  it("returns 20,000 ordinary records as the very same objects", () => {
    const findings: RedactionFinding[] = [];
    for (let i = 0; i < 20_000; i++) {
      const record = {
        TimeCreated: "2023-07-05T10:22:41.123Z",
        EventID: 4624,
        Computer: `WS${i % 300}.corp.contoso.com`,
        EventData: {
          TargetUserName: `user${i % 97}`,
          LogonType: "3",
          IpAddress: `10.0.${i % 256}.9`,
          KeyLength: 0,
          TokenElevationType: "%%1936",
        },
        Tags: ["auth", "windows"],
        Message: templates[i % templates.length]?.(i),
      };
      expect(redactValue(record, "raw", findings)).toBe(record);
    }
    expect(findings).toEqual([]);
  });
});

describe("hostile input", () => {
  const MB = 1 << 20;
  const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  // Near-matches for every rule: each would be quadratic or worse with a naive pattern.
  const inputs: [string, string][] = [
    ["JWT starts", repeat("eyJ")],
    ["JWT-like segments", repeat("eyJabcd.efgh.")],
    ["undecodable JWT headers", repeat("eyJhbGciOi.")],
    ["bearer words", repeat("Bearer ")],
    ["one endless bearer token", `Bearer ${repeat("a")}`],
    ["basic words", repeat("basic ")],
    ["PEM begins without end", repeat("-----BEGIN PRIVATE KEY-----")],
    ["certificate begins", repeat("-----BEGIN CERTIFICATE-----")],
    ["PEM begin and endless label", `-----BEGIN ${repeat("A")}`],
    ["URL schemes", repeat("a://")],
    ["URL user info without @", `x://${repeat("a:")}`],
    ["URL-ish runs", repeat("http://u:p")],
    ["AWS prefixes", repeat("AKIA")],
    ["password words", repeat("password ")],
    ["password separators", repeat("password=")],
    ["quoted keys", repeat('"password":"')],
    ["unclosed quoted token", `token="${repeat("token ")}`],
    ["token values that are URLs", repeat("token=http://")],
    ["escaped JSON keys", repeat('\\"password\\":\\"')],
    ["connection string separators", `Server=x;${repeat(";Password=")}`],
    ["XML elements", repeat("<password>")],
    ["CLI switches", repeat("--password ")],
    ["authorization headers", repeat("Authorization: Negotiate ")],
    ["everything at once", repeat("pwd: token: secret= key: sig= Bearer eyJ AKIA :// -----BEGIN ")],
  ];

  it.each(inputs)("finishes quickly on 1 MB of %s", (_name, text) => {
    const findings: RedactionFinding[] = [];
    const started = performance.now();
    const out = redactText(text, "message", findings);
    const elapsed = performance.now() - started;
    expect(typeof out).toBe("string");
    // Linear scans take well under half a second here; a backtracking blow-up takes minutes.
    expect(elapsed).toBeLessThan(3000);
  });

  it("redacts every secret in a 1 MB string of repeated real secrets", () => {
    const text = repeat("user=bob password=hunter2 ");
    const findings: RedactionFinding[] = [];
    const out = redactText(text, "message", findings);
    expect(out).not.toContain("hunter2");
    expect(findings.length).toBeGreaterThan(30_000);
  });
});
