import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

import { AUDIT_DATA_PARSED } from "./m365-ual-csv";
import { fixture, tempFile } from "./ms-test-files";

describe("m365-ual-csv: Purview's classic export (CreationDate, UserIds, Operations, AuditData)", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("m365/purview-classic.csv"));
  });
  const byOp = (op: string) => r.records.filter((x) => x.draft.action === op);

  it("is detected from its header and reads every row", () => {
    expect(r.format).toBe("m365-ual-csv");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("takes the record's CreationTime as UTC, to the second it carries", () => {
    expect(r.records.map((x) => x.occurredAt)).toEqual([
      "2023-05-15T03:12:44.000000Z",
      "2023-05-15T03:14:02.000000Z",
      "2023-05-15T03:16:30.000000Z",
      "2023-05-15T03:20:01.000000Z",
      "2023-05-15T03:05:59.000000Z",
    ]);
    expect(new Set(r.records.map((x) => x.assumedZone))).toEqual(new Set([null]));
  });

  it("summarises a MailItemsAccessed bind: mailbox, app, client IP without its port, items and folders", () => {
    const [bind] = byOp("MailItemsAccessed");
    expect(bind?.draft).toMatchObject({
      message:
        "MailItemsAccessed (Bind) on victim@contoso.test by app 11111111-2222-4333-8444-555555555555 (client 66666666-7777-4888-9999-aaaaaaaaaaaa) from 203.0.113.7 (Client=REST;Client=RESTSystem) — 2 items in \\Inbox",
      action: "MailItemsAccessed",
      category: "Exchange",
      outcome: "success",
      actor: "victim@contoso.test",
      srcIp: "203.0.113.7:51234",
      target: "victim@contoso.test",
      nativeId: "0f0e0d0c-0000-4000-8000-000000000001",
      timestampDesc: "Creation Time",
    });
    expect(bind?.entities).toEqual([
      { kind: "account", value: "victim@contoso.test", role: "actor" },
      { kind: "ip", value: "203.0.113.7", role: "src" },
      { kind: "mailbox", value: "victim@contoso.test", role: "target" },
      { kind: "app", value: "11111111-2222-4333-8444-555555555555", role: "app" },
      { kind: "app", value: "66666666-7777-4888-9999-aaaaaaaaaaaa", role: "client-app" },
      { kind: "session", value: "5e55a1d0-0000-4000-8000-00000000c0de", role: "session" },
      { kind: "session", value: "aad5e551-0000-4000-8000-000000000001", role: "aad-session" },
      { kind: "session", value: "Tok3nIdAbCdEf0123456789", role: "token" },
    ]);
  });

  it("a throttled sync, an IPv6 client with brackets and port", () => {
    const [, sync] = byOp("MailItemsAccessed");
    expect(sync?.draft.message).toBe(
      "MailItemsAccessed (Sync) on victim@contoso.test by app 00000002-0000-0ff1-ce00-000000000000 from 2001:db8::7 (Client=OWA) — \\Sent Items; throttled: further binds not logged for 24 h",
    );
    expect(sync?.entities).toContainEqual({ kind: "ip", value: "2001:db8::7", role: "src" });
  });

  it("an inbox rule shows its parameters; a failed logon its error", () => {
    expect(byOp("New-InboxRule")[0]?.draft).toMatchObject({
      message:
        "New-InboxRule by victim@contoso.test from 203.0.113.7 on victim@contoso.test\\Archive — ForwardTo=drop@example.test, Name=Archive, SubjectContainsWords=invoice;payment, MarkAsRead=True",
      outcome: "success",
    });
    expect(byOp("UserLoginFailed")[0]?.draft).toMatchObject({
      message:
        "UserLoginFailed by victim@contoso.test from 203.0.113.8 on 00000002-0000-0000-c000-000000000000 — failed: InvalidUserNameOrPassword",
      outcome: "failure",
      category: "AzureActiveDirectory",
    });
    const file = byOp("FileDownloaded")[0];
    expect(file?.entities).toContainEqual({ kind: "file", value: "Budget 2023.xlsx", role: "target" });
    expect(file?.entities).toContainEqual({
      kind: "url",
      value: "https://contoso-my.sharepoint.test/personal/victim_contoso_test/Documents/Budget 2023.xlsx",
      role: "target",
    });
  });

  it("keeps every cell as read, AuditData as its text, and the parsed record beside it with unknown fields", () => {
    const text = readFileSync(fixture("m365/purview-classic.csv"), "utf8");
    const first = r.records[0];
    expect(Object.keys(first?.raw ?? {})).toEqual(["CreationDate", "UserIds", "Operations", "AuditData", AUDIT_DATA_PARSED]);
    expect(text).toContain(String(first?.raw.AuditData).replaceAll('"', '""'));
    const parsed = first?.raw[AUDIT_DATA_PARSED] as Record<string, unknown>;
    expect(parsed).toEqual(JSON.parse(String(first?.raw.AuditData)));
    expect(parsed.FutureField).toEqual({ nested: [1, 2, 3], note: "not in any schema" });
    expect(parsed.SessionId).toBe("5e55a1d0-0000-4000-8000-00000000c0de");
  });
});

describe("m365-ual-csv: the other export shapes", () => {
  it("Purview's newer export (RecordId, …, AssociatedAdminUnits) with US-style CreationDate", async () => {
    const r = await parseFileForTest(fixture("m365/purview-new.csv"));
    expect(r.format).toBe("m365-ual-csv");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.occurredAt, x.draft.nativeId, x.raw.RecordType])).toEqual([
      ["2023-05-15T15:12:44.000000Z", "0f0e0d0c-0000-4000-8000-000000000011", "ExchangeItemAggregated"],
      ["2023-05-15T15:20:01.000000Z", "0f0e0d0c-0000-4000-8000-000000000014", "SharePointFileOperation"],
    ]);
  });

  it("Search-UnifiedAuditLog | Export-Csv: the #TYPE line is skipped, every quoted cell read", async () => {
    const r = await parseFileForTest(fixture("m365/search-unifiedauditlog.csv"));
    expect(r.format).toBe("m365-ual-csv");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.action, x.raw.Identity, x.raw.ResultIndex])).toEqual([
      [3, "2023-05-15T03:12:44.000000Z", "MailItemsAccessed", "0f0e0d0c-0000-4000-8000-000000000021", "1"],
      [4, "2023-05-15T03:16:30.000000Z", "New-InboxRule", "0f0e0d0c-0000-4000-8000-000000000023", "2"],
    ]);
  });

  it("falls back to CreationDate (UTC, US or ISO) when AuditData has no CreationTime", async () => {
    const file = tempFile(
      "no-creation-time.csv",
      'CreationDate,UserIds,Operations,AuditData\n5/15/2023 3:12:44 PM,a@contoso.test,FileAccessed,"{""Id"":""x1"",""Operation"":""FileAccessed""}"\n2023-05-15T03:12:44.1234567Z,a@contoso.test,FileAccessed,"{""Id"":""x2""}"\n',
    );
    const r = await parseFileForTest(file, { zone: "Europe/Berlin" });
    expect(r.records.map((x) => [x.occurredAt, x.assumedZone, x.draft.nativeId])).toEqual([
      ["2023-05-15T15:12:44.000000Z", null, "x1"],
      ["2023-05-15T03:12:44.123456Z", null, "x2"],
    ]);
  });
});

describe("m365-ual-csv: malformed rows", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("m365/malformed-ual.csv"));
  });

  it("reports each bad row with its line and reason", () => {
    expect(r.format).toBe("m365-ual-csv");
    expect(r.problems).toEqual([
      { line: 3, reason: "row has 3 cells, the header has 4" },
      { line: 5, reason: 'no value in time field "CreationDate"' },
      { line: 7, reason: "unterminated quoted cell starting on line 7" },
    ]);
  });

  it("imports a row whose AuditData is cut, from its envelope, and says so", () => {
    const cut = r.records.find((x) => x.line === 4);
    expect(cut?.draft).toMatchObject({
      message: "FileAccessed by victim@contoso.test [AuditData is not valid JSON]",
      actor: "victim@contoso.test",
    });
    expect(cut?.occurredAt).toBe("2023-05-15T03:22:00.000000Z");
    expect(cut?.raw).not.toHaveProperty(AUDIT_DATA_PARSED);
  });

  it("leaves an unreadable date to the timestamp parser, which rejects it", () => {
    expect(r.records.find((x) => x.line === 6)?.occurredAt).toEqual({ error: "unrecognised timestamp" });
  });
});

describe("m365-ual-csv: forced and mapped", () => {
  it("--format reads the file even when detection would not (no UserIds column)", async () => {
    const file = tempFile(
      "bare.csv",
      'When,AuditData\n2023-05-15 03:12:44,"{""Id"":""y1"",""CreationTime"":""2023-05-15T03:12:44"",""Operation"":""Send"",""UserId"":""a@contoso.test""}"\n',
    );
    const r = await parseFileForTest(file, { format: "m365-ual-csv" });
    expect(r.records[0]?.draft).toMatchObject({ action: "Send", actor: "a@contoso.test", nativeId: "y1" });
  });

  it("--map overrides a field and the time", async () => {
    const r = await parseFileForTest(fixture("m365/purview-classic.csv"), { mapping: { actor: "Operations", time: "CreationDate" } });
    expect(r.records[0]?.draft).toMatchObject({ actor: "MailItemsAccessed", time: "2023-05-15T03:12:44.0000000Z", isZoneStated: false });
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:44.000000Z");
  });
});
