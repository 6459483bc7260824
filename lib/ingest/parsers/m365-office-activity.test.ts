import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

import { fixture, sample } from "./ms-test-files";

describe("m365-office-activity: the real OfficeActivity export (266 rows)", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(sample("m365/office_activity.csv"));
  });
  const ip = "175.45.176.99";

  it("is detected and reads every row, none rejected", () => {
    expect(r.format).toBe("m365-office-activity");
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(266);
    expect(r.records.every((x) => typeof x.occurredAt === "string" && x.assumedZone === null)).toBe(true);
  });

  it("counts the attacker's address: 173 exactly in ClientIP, one with a port, two only in Client_IPAddress", () => {
    expect(r.records.filter((x) => x.raw.ClientIP === ip)).toHaveLength(173);
    const withPort = r.records.filter((x) => x.raw.ClientIP === `${ip}:17362`);
    expect(withPort.map((x) => x.draft.action)).toEqual(["New-InboxRule"]);
    const fromIp = r.records.filter((x) => x.entities.some((e) => e.kind === "ip" && e.value === ip && e.role === "src"));
    expect(fromIp).toHaveLength(176);
    expect(fromIp.filter((x) => !x.raw.ClientIP).map((x) => x.draft.action)).toEqual(["MailItemsAccessed", "MailItemsAccessed"]);
  });

  it("the inbox rule: exact time, clean IP, account lower-cased as an entity", () => {
    const rule = r.records.find((x) => x.draft.action === "New-InboxRule");
    expect(rule?.occurredAt).toBe("2021-04-28T14:33:14.000000Z");
    expect(rule?.draft).toMatchObject({
      actor: "AdeleV@M365x816222.OnMicrosoft.com",
      nativeId: "5fe96415-d129-4e4b-64b7-08d90a528ec7",
      outcome: "success",
    });
    expect(rule?.draft.message).toMatch(/^New-InboxRule by AdeleV@M365x816222\.OnMicrosoft\.com from 175\.45\.176\.99 on .* — .*/);
    expect(rule?.entities).toContainEqual({ kind: "account", value: "adelev@m365x816222.onmicrosoft.com", role: "actor" });
    expect(rule?.entities).toContainEqual({ kind: "ip", value: ip, role: "src" });
  });

  it("MailItemsAccessed: access type, apps, mailbox, folders and item counts from the JSON cells", () => {
    const mail = r.records.filter((x) => x.draft.action === "MailItemsAccessed");
    expect(mail.map((x) => x.draft.message)).toEqual([
      "MailItemsAccessed (Bind) on AdeleV@M365x816222.OnMicrosoft.com by app 8a18aa92-0a1e-4e06-abd0-e118fa4787b1 (client 3c8e478f-21ca-493a-b87c-c7366d664d54) from 2603:10b6:5:345::11 (Client=REST;Client=RESTSystem) — 3 items in \\Inbox, \\Sent Items",
      expect.stringMatching(
        /^MailItemsAccessed \(Bind\) on AdeleV@M365x816222\.OnMicrosoft\.com by its owner from 175\.45\.176\.99 \(Client=OWA\) — \d+ items? in /,
      ),
      expect.stringMatching(
        /^MailItemsAccessed \(Bind\) on AdeleV@M365x816222\.OnMicrosoft\.com by app 00000002-0000-0ff1-ce00-000000000000 from 175\.45\.176\.99 \(Client=OWA\) — /,
      ),
    ]);
    expect(mail[0]?.entities).toEqual(
      expect.arrayContaining([
        { kind: "mailbox", value: "adelev@m365x816222.onmicrosoft.com", role: "target" },
        { kind: "app", value: "8a18aa92-0a1e-4e06-abd0-e118fa4787b1", role: "app" },
        { kind: "app", value: "3c8e478f-21ca-493a-b87c-c7366d664d54", role: "client-app" },
      ]),
    );
  });

  it("keeps all 131 columns as read, multi-line JSON cells included", () => {
    expect(r.records.every((x) => Object.keys(x.raw).length === 131)).toBe(true);
    const mail = r.records.find((x) => x.draft.action === "MailItemsAccessed");
    expect(String(mail?.raw.Folders)).toMatch(/^\[\n {2}\{\n {4}"FolderItems": \[/);
    expect(mail?.raw.OperationProperties).toBe('[{"Value":"Bind","Name":"MailAccessType"},{"Value":"False","Name":"IsThrottled"}]');
  });
});

describe("m365-office-activity: small exports", () => {
  it("a few of the table's columns, an unknown one, milliseconds, an IPv6 client with a port", async () => {
    const r = await parseFileForTest(fixture("m365/office-activity-mini.csv"));
    expect(r.format).toBe("m365-office-activity");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.srcIp])).toEqual([
      [2, "2023-05-15T03:12:44.123000Z", "203.0.113.7"],
      [13, "2023-05-15T15:16:30.000000Z", "[2001:db8::7]:17362"],
    ]);
    expect(r.records[0]?.raw.SomeNewColumn).toBe("kept as is");
    expect(r.records[1]?.entities).toContainEqual({ kind: "ip", value: "2001:db8::7", role: "src" });
  });

  it("the same table as JSON lines, with ISO TimeGenerated", async () => {
    const r = await parseFileForTest(fixture("m365/office-activity.jsonl"));
    expect(r.format).toBe("m365-office-activity");
    expect(r.records.map((x) => [x.occurredAt, x.draft.category, x.draft.nativeId])).toEqual([
      ["2023-05-15T03:20:01.500000Z", "OneDrive", "0f0e0d0c-0000-4000-8000-000000000071"],
    ]);
  });
});
