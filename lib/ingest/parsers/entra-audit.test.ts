import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

import { fixture, tempFile } from "./ms-test-files";

describe("entra-audit-json: Graph directoryAudit", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("entra/audit-graph.json"));
  });

  it("is detected and reads every record, time to the microsecond", () => {
    expect(r.format).toBe("entra-audit-json");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.occurredAt, x.draft.action, x.draft.category, x.draft.outcome])).toEqual([
      ["2023-06-14T08:10:00.123456Z", "Add member to role", "RoleManagement", "success"],
      ["2023-06-14T08:11:00.000000Z", "Consent to application", "ApplicationManagement", "success"],
      ["2023-06-14T08:12:00.000000Z", "Update user", "UserManagement", "failure"],
    ]);
  });

  it("a user initiator with an IP; the target user and the changed properties", () => {
    expect(r.records[0]?.draft).toMatchObject({
      message: "Add member to role by admin@contoso.test from 203.0.113.9 on victim@contoso.test (changed: Role.DisplayName)",
      actor: "admin@contoso.test",
      srcIp: "203.0.113.9",
      target: "victim@contoso.test",
      nativeId: "Directory_0b5e0000-0000-4000-8000-000000000001",
      timestampDesc: "Activity Time",
    });
    expect(r.records[0]?.entities).toEqual([
      { kind: "account", value: "admin@contoso.test", role: "actor" },
      { kind: "ip", value: "203.0.113.9", role: "src" },
      { kind: "account", value: "victim@contoso.test", role: "target" },
    ]);
  });

  it("consent to an app: the app by the AppId of additionalDetails", () => {
    expect(r.records[1]?.entities).toContainEqual({ kind: "app", value: "66666666-7777-4888-9999-aaaaaaaaaaaa", role: "target" });
  });

  it("an app initiator; several targets; a failure with its reason", () => {
    expect(r.records[2]?.draft.message).toBe(
      "Update user by Example Sync App on other@contoso.test and 1 more — failure: Insufficient privileges",
    );
    expect(r.records[2]?.entities).toEqual([
      { kind: "account", value: "example sync app", role: "actor" },
      { kind: "app", value: "11111111-2222-4333-8444-555555555555", role: "actor" },
      { kind: "account", value: "other@contoso.test", role: "target" },
      { kind: "host", value: "wks-0042", role: "target" },
    ]);
  });

  it("missing time and broken JSON, one per line", async () => {
    const file = tempFile(
      "audit.jsonl",
      '{"id":"a1","activityDateTime":"2023-06-14T08:10:00Z","activityDisplayName":"Reset password","initiatedBy":{},"targetResources":[]}\n{"id":"a2","activityDisplayName":"Reset password","initiatedBy":{}}\n{"id":\n',
    );
    const j = await parseFileForTest(file);
    expect(j.format).toBe("entra-audit-json");
    expect(j.records.map((x) => x.draft.message)).toEqual(["Reset password by (unknown)"]);
    expect(j.problems).toEqual([
      { line: 2, reason: 'no value in time field "activityDateTime"' },
      { line: 3, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
  });
});

describe("entra-audit-la: the AuditLogs table exported as CSV", () => {
  it("reads the JSON text columns; ActivityDateTime [UTC] is UTC", async () => {
    const r = await parseFileForTest(fixture("entra/audit-la.csv"), { zone: "America/New_York" });
    expect(r.format).toBe("entra-audit-la");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone, x.draft.message])).toEqual([
      [
        2,
        "2023-06-14T08:10:00.123000Z",
        null,
        "Add member to role by admin@contoso.test from 203.0.113.9 on victim@contoso.test (changed: Role.DisplayName)",
      ],
      [26, "2023-06-14T08:11:00.000000Z", null, "Add service principal by Example Sync App on Mail Reader (example)"],
    ]);
    expect(r.records[1]?.entities).toEqual(
      expect.arrayContaining([
        { kind: "app", value: "66666666-7777-4888-9999-aaaaaaaaaaaa", role: "target" },
        { kind: "tenant", value: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", role: "tenant" },
      ]),
    );
    expect(r.records[0]?.raw.InitiatedBy).toMatch(/^\{\n {2}"app": null,/);
  });
});
