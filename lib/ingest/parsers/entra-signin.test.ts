import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

import { fixture, sample, tempFile } from "./ms-test-files";

describe("entra-signin-la: the real SigninLogs export (56 sign-ins)", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(sample("entra/sign-in_adelete.csv"));
  });

  it("is detected and reads every row at the millisecond it carries", () => {
    expect(r.format).toBe("entra-signin-la");
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(56);
    const times = r.records.map((x) => x.occurredAt as string).sort();
    expect([times[0], times.at(-1)]).toEqual(["2021-04-28T14:08:45.221000Z", "2021-04-28T15:19:08.373000Z"]);
  });

  it("ResultType 0 is success; 16000 and 50058 are failures with their code and reason", () => {
    const counts = new Map<string, number>();
    for (const x of r.records) counts.set(x.draft.outcome ?? "", (counts.get(x.draft.outcome ?? "") ?? 0) + 1);
    expect(counts).toEqual(
      new Map([
        ["success", 53],
        ["failure (16000)", 2],
        ["failure (50058)", 1],
      ]),
    );
    const silent = r.records.find((x) => x.draft.outcome === "failure (50058)");
    expect(silent?.draft.message).toMatch(
      /^Sign-in by adelev@m365x816222\.onmicrosoft\.com to Microsoft Teams Web Client from 175\.45\.176\.99 \(Azor, Tel Aviv, IL\) — failure 50058: The application tried to perform a silent sign in/,
    );
  });

  it("the first sign-in: message, ids and entities", () => {
    const first = r.records[0];
    expect(first?.draft).toMatchObject({
      message:
        "Sign-in by adelev@m365x816222.onmicrosoft.com to Azure Portal (resource Windows Azure Service Management API) from 175.45.176.99 (Azor, Tel Aviv, IL) — success",
      action: "Sign-in",
      category: "SignInLogs",
      actor: "adelev@m365x816222.onmicrosoft.com",
      srcIp: "175.45.176.99",
      target: "Windows Azure Service Management API",
      nativeId: "cfb68155-70f5-4e28-b046-0a3a7086c401|2021-04-28T14:08:45Z",
      timestampDesc: "Sign-in Time",
    });
    expect(first?.entities).toEqual([
      { kind: "account", value: "adelev@m365x816222.onmicrosoft.com", role: "actor" },
      { kind: "ip", value: "175.45.176.99", role: "src" },
      { kind: "app", value: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", role: "app" },
      { kind: "app", value: "797f4846-ba00-4fd7-ba43-dac1f8f63013", role: "resource" },
      { kind: "tenant", value: "2ad3fc79-1859-42fa-9011-6f8df2251b22", role: "tenant" },
    ]);
    expect(Object.keys(first?.raw ?? {})).toHaveLength(71);
  });

  it("the same table as Log Analytics JSON: nested columns as text, the non-interactive category", async () => {
    const j = await parseFileForTest(fixture("entra/signin-la.json"));
    expect(j.format).toBe("entra-signin-la");
    expect(j.records.map((x) => [x.occurredAt, x.draft.action, x.draft.target])).toEqual([
      ["2023-06-14T11:00:01.987000Z", "Non-interactive sign-in", "Microsoft Office"],
    ]);
    expect(j.records[0]?.entities).toEqual(
      expect.arrayContaining([
        { kind: "session", value: "aad5e551-0000-4000-8000-000000000001", role: "aad-session" },
        { kind: "session", value: "Tok3nIdLaJson0000001", role: "token" },
        { kind: "app", value: "00000003-0000-0000-c000-000000000000", role: "resource" },
      ]),
    );
  });
});

describe("entra-signin-json: Graph and portal JSON", () => {
  it("a Graph page: 7-digit fractions cut to the microsecond, failure code and reason, device as host", async () => {
    const r = await parseFileForTest(fixture("entra/signin-graph-page.json"));
    expect(r.format).toBe("entra-signin-json");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.outcome, x.draft.host])).toEqual([
      [4, "2023-06-14T08:01:12.123456Z", "success", "WKS-0042"],
      [67, "2023-06-14T08:00:55.000000Z", "failure (50126)", "WKS-0042"],
    ]);
    expect(r.records[1]?.draft.message).toBe(
      "Sign-in by victim@contoso.test to Office 365 Exchange Online from 203.0.113.7 (Example City, Example State, XX) — failure 50126: Error validating credentials due to invalid username or password.",
    );
    expect(r.records[0]?.entities).toEqual([
      { kind: "account", value: "victim@contoso.test", role: "actor" },
      { kind: "host", value: "wks-0042", role: "host" },
      { kind: "ip", value: "203.0.113.7", role: "src" },
      { kind: "app", value: "00000002-0000-0ff1-ce00-000000000000", role: "app" },
      { kind: "app", value: "00000002-0000-0ff1-ce00-000000000000", role: "resource" },
      { kind: "tenant", value: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", role: "tenant" },
      { kind: "session", value: "aad5e551-0000-4000-8000-000000000001", role: "aad-session" },
      { kind: "session", value: "Tok3nIdAbCdEf0123456781", role: "token" },
    ]);
    const page = JSON.parse(readFileSync(fixture("entra/signin-graph-page.json"), "utf8")) as { value: unknown[] };
    expect(r.records.map((x) => x.raw)).toEqual(page.value);
    expect(r.records[0]?.raw.futureSignInField).toEqual({ kept: true });
  });

  it("a guest's cross-tenant sign-in names both tenants; a service principal is the actor when there is no user", async () => {
    const file = tempFile(
      "guest.jsonl",
      [
        '{"id":"g1","createdDateTime":"2023-06-14T08:01:12Z","userPrincipalName":"guest@example.test","appId":"a1","homeTenantId":"11111111-0000-4000-8000-000000000001","resourceTenantId":"AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE","status":{"errorCode":0}}',
        '{"id":"g2","createdDateTime":"2023-06-14T08:02:00Z","userId":"","servicePrincipalId":"sp1","servicePrincipalName":"Example Sync App","signInEventTypes":["servicePrincipal"],"appId":"a2","ipAddress":"203.0.113.10","status":{"errorCode":7000215,"failureReason":"Invalid client secret provided."}}',
      ].join("\n"),
    );
    const r = await parseFileForTest(file);
    expect(r.format).toBe("entra-signin-json");
    expect(r.records[0]?.entities.filter((e) => e.kind === "tenant")).toEqual([
      { kind: "tenant", value: "11111111-0000-4000-8000-000000000001", role: "tenant" },
      { kind: "tenant", value: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", role: "resource-tenant" },
    ]);
    expect(r.records[1]?.draft).toMatchObject({
      actor: "Example Sync App",
      outcome: "failure (7000215)",
      category: "ServicePrincipalSignInLogs",
      message: "Service principal sign-in by Example Sync App to a2 from 203.0.113.10 — failure 7000215: Invalid client secret provided.",
    });
  });

  it("one per line, non-interactive", async () => {
    const r = await parseFileForTest(fixture("entra/signin-graph.jsonl"));
    expect(r.format).toBe("entra-signin-json");
    expect(r.records.map((x) => [x.occurredAt, x.draft.action, x.draft.category])).toEqual([
      ["2023-06-14T08:05:00.500000Z", "Non-interactive sign-in", "NonInteractiveUserSignInLogs"],
      ["2023-06-14T08:06:00.000000Z", "Non-interactive sign-in", "NonInteractiveUserSignInLogs"],
    ]);
  });

  it("the portal's pretty-printed download, each record longer than the detection sample", async () => {
    const r = await parseFileForTest(fixture("entra/signin-portal.json"));
    expect(r.format).toBe("entra-signin-json");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.outcome])).toEqual([
      [2, "2023-06-14T09:00:00.250000Z", "success"],
      [108, "2023-06-14T09:01:00.000000Z", "failure (50074)"],
    ]);
  });

  it("malformed: a broken element, a non-object, a record without time, a cut-off end", async () => {
    const r = await parseFileForTest(fixture("entra/signin-graph-bad.json"));
    expect(r.format).toBe("entra-signin-json");
    expect(r.records.map((x) => x.line)).toEqual([2]);
    expect(r.problems).toEqual([
      { line: 3, reason: expect.stringMatching(/^invalid JSON/) },
      { line: 4, reason: "not a JSON object" },
      { line: 5, reason: 'no value in time field "createdDateTime"' },
      { line: 6, reason: "the file ends inside this element (truncated?)" },
    ]);
  });
});

describe("entra-signin-csv: the portal's CSV download", () => {
  it("reads the human column names; Interrupted is a failure; a repeated Request ID stays two events", async () => {
    const r = await parseFileForTest(fixture("entra/signin-portal.csv"));
    expect(r.format).toBe("entra-signin-csv");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.occurredAt, x.draft.outcome, x.draft.srcIp, x.draft.nativeId])).toEqual([
      ["2023-06-14T10:00:01.000000Z", "success", "203.0.113.7", "5161a000-0000-4000-8000-0000000000b1|2023-06-14T10:00:01Z"],
      ["2023-06-14T10:00:30.000000Z", "failure (50126)", "2001:db8::7", "5161a000-0000-4000-8000-0000000000b2|2023-06-14T10:00:30Z"],
      ["2023-06-14T10:01:00.000000Z", "failure (50074)", "203.0.113.7", "5161a000-0000-4000-8000-0000000000b3|2023-06-14T10:01:00Z"],
      ["2023-06-14T10:01:30.000000Z", "success", "203.0.113.7", "5161a000-0000-4000-8000-0000000000b3|2023-06-14T10:01:30Z"],
    ]);
    expect(r.records[0]?.draft.message).toBe(
      "Sign-in by victim@contoso.test to Office 365 Exchange Online from 203.0.113.7 (Example City, Example State, XX) — success",
    );
    expect(r.records[3]?.entities).toEqual(
      expect.arrayContaining([
        { kind: "session", value: "aad5e551-0000-4000-8000-000000000001", role: "aad-session" },
        { kind: "session", value: "Tok3nIdPortal000002", role: "token" },
        { kind: "app", value: "00000002-0000-0ff1-ce00-000000000000", role: "app" },
      ]),
    );
  });

  it("malformed rows: a short row, an empty date, an unreadable date", async () => {
    const r = await parseFileForTest(fixture("entra/signin-portal-bad.csv"));
    expect(r.format).toBe("entra-signin-csv");
    expect(r.problems).toEqual([
      { line: 3, reason: "row has 3 cells, the header has 48" },
      { line: 4, reason: 'no value in time field "Date (UTC)"' },
    ]);
    expect(r.records.map((x) => [x.line, x.occurredAt])).toEqual([
      [2, "2023-06-14T10:00:01.000000Z"],
      [5, { error: "unrecognised timestamp" }],
    ]);
  });

  it("each sign-in format can be forced on the others' files", async () => {
    const r = await parseFileForTest(fixture("entra/signin-portal.csv"), { format: "entra-signin-la" });
    expect(r.records).toHaveLength(4);
    expect(r.records[1]?.draft.outcome).toBe("failure (50126)");
  });
});
