import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { cloudTrailFormat } from "./cloudtrail";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", "cloudtrail", name);
const RECORDS: Record<string, unknown>[] = JSON.parse(readFileSync(fixture("records.json"), "utf8")).Records;
const IDS = RECORDS.map((r) => r.eventID);

describe("cloudtrail: the delivered {Records:[…]} file", () => {
  it.each([
    ["records.json", "pretty-printed"],
    ["records-minified.json.gz", "one minified line, gzipped as S3 delivers it"],
    ["concatenated.jsonl", "two files concatenated, one wrapper a line"],
  ])("%s (%s): every record, raw as written, eventID as the id", async (name) => {
    const r = await parseFileForTest(fixture(name));
    expect(r.format).toBe("cloudtrail");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.draft.nativeId)).toEqual(IDS);
    expect(r.records.map((x) => x.raw)).toEqual(RECORDS);
  });

  it("maps name, source, actor, IP, outcome and time exactly", async () => {
    const r = await parseFileForTest(fixture("records.json"));
    const [create, login, denied, service] = r.records;
    expect(create).toMatchObject({
      line: 3,
      occurredAt: "2023-05-15T03:12:44.000000Z",
      assumedZone: null,
      draft: {
        action: "CreateAccessKey",
        category: "iam.amazonaws.com",
        outcome: "success",
        actor: "arn:aws:iam::111122223333:user/alice",
        srcIp: "203.0.113.7",
        message: "CreateAccessKey by alice from 203.0.113.7 (iam.amazonaws.com, us-east-1)",
      },
    });
    expect(create?.entities).toEqual([
      { kind: "account", value: "arn:aws:iam::111122223333:user/alice", role: "actor" },
      { kind: "ip", value: "203.0.113.7", role: "src" },
      { kind: "key", value: "AKIAEXAMPLEKEY000001", role: "access-key" },
      { kind: "tenant", value: "111122223333", role: "recipient-account" },
      { kind: "account", value: "alice", role: "user-name" },
    ]);
    // ConsoleLogin says its failure in responseElements, not errorCode.
    expect(login?.draft).toMatchObject({ actor: "bob", outcome: "failure" });
    expect(login?.draft.message).toBe(
      "ConsoleLogin by bob from 203.0.113.9 (signin.amazonaws.com, us-east-1) — failure: Failed authentication",
    );
    expect(denied?.draft).toMatchObject({ outcome: "AccessDenied", srcIp: "2001:db8::9", target: "arn:aws:s3:::finance-example/q2.xlsx" });
    expect(denied?.entities).toContainEqual({ kind: "tenant", value: "444455556666", role: "actor-account" });
    expect(denied?.raw.unknownFutureField).toEqual({ kept: [1, 2, 3] });
    // An AWS service calling: its name stands where the IP would be, and is no IP.
    expect(service?.draft.actor).toBe("ec2.amazonaws.com");
    expect(service?.entities).toContainEqual({ kind: "app", value: "ec2.amazonaws.com", role: "caller-service" });
    expect(service?.entities.some((e) => e.kind === "ip")).toBe(false);
  });

  it("reports a broken element of a minified file and still reads the others", async () => {
    const text = gunzipSync(readFileSync(fixture("records-minified.json.gz"))).toString("utf8");
    const broken = text.replace('"eventName":"ConsoleLogin",', '"eventName":"ConsoleLogin",,,');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "cloudtrail-")), "broken.json");
    writeFileSync(file, broken);
    const r = await parseFileForTest(file);
    expect(r.format).toBe("cloudtrail");
    expect(r.records.map((x) => x.draft.nativeId)).toEqual([IDS[0], IDS[2], IDS[3]]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.line).toBe(1);
  });
});

describe("cloudtrail: one record a line", () => {
  it("reads the records and reports the broken line and the record without a time", async () => {
    const r = await parseFileForTest(fixture("records.jsonl"));
    expect(r.format).toBe("cloudtrail");
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(r.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(r.problems[0]?.reason).toMatch(/^invalid JSON/);
    expect(r.problems[1]?.reason).toBe("no eventTime (or EventTime / @timestamp) in the CloudTrail record");
  });
});

describe("cloudtrail: aws cloudtrail lookup-events output", () => {
  it("reads the record inside CloudTrailEvent and keeps the string in raw as read", async () => {
    const r = await parseFileForTest(fixture("lookup-events.json"));
    expect(r.format).toBe("cloudtrail");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.draft.nativeId)).toEqual([...IDS.slice(0, 3), "6f1c6a0e-0000-4000-8000-000000000006"]);
    const first = r.records[0];
    expect(typeof first?.raw.CloudTrailEvent).toBe("string");
    expect(JSON.parse(first?.raw.CloudTrailEvent as string)).toEqual(RECORDS[0]);
    expect(first?.draft).toMatchObject({
      action: "CreateAccessKey",
      actor: "arn:aws:iam::111122223333:user/alice",
      target: "AKIAEXAMPLEKEY000002",
    });
    expect(first?.occurredAt).toBe("2023-05-15T03:12:44.000000Z");
  });

  it("falls back to the outer fields when CloudTrailEvent is not JSON, epoch EventTime included", async () => {
    const r = await parseFileForTest(fixture("lookup-events.json"));
    const last = r.records[3];
    expect(last?.raw.CloudTrailEvent).toBe("{not json");
    expect(last?.occurredAt).toBe("2023-05-15T03:15:45.000000Z");
    expect(last?.draft).toMatchObject({ action: "DescribeInstances", category: "ec2.amazonaws.com", actor: "alice" });
  });
});

describe("cloudtrail: Logstash and Elastic copies", () => {
  it("reads @timestamp and the fields nested or flattened under aws.cloudtrail, or ECS names", async () => {
    const r = await parseFileForTest(fixture("logstash.jsonl"));
    expect(r.format).toBe("cloudtrail");
    expect(r.problems).toEqual([]);
    const [nested, flat, codec] = r.records;
    expect(nested?.draft).toMatchObject({
      nativeId: IDS[0],
      action: "CreateAccessKey",
      category: "iam.amazonaws.com",
      actor: "arn:aws:iam::111122223333:user/alice",
      srcIp: "203.0.113.7",
      outcome: "success",
    });
    expect(nested?.entities).toContainEqual({ kind: "key", value: "AKIAEXAMPLEKEY000001", role: "access-key" });
    expect(flat?.draft).toMatchObject({
      nativeId: IDS[2],
      outcome: "AccessDenied",
      actor: "arn:aws:sts::444455556666:assumed-role/Audit/session-eve",
    });
    expect(flat?.occurredAt).toBe("2023-05-15T03:14:10.000000Z");
    expect(codec?.draft).toMatchObject({ nativeId: IDS[1], action: "ConsoleLogin", outcome: "failure" });
    expect(codec?.raw["@version"]).toBe("1");
  });
});

describe("cloudtrail detection", () => {
  const sample = (lines: string[]) => ({ fileName: "x.json", lines });

  it("does not take S3 event notifications, which share the Records wrapper", () => {
    const s3 =
      '{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put","eventTime":"2023-05-15T03:12:44.000Z","s3":{}}]}';
    expect(cloudTrailFormat.detect(sample([s3]))).toBe(0);
  });

  it("does not take M365 audit or Windows JSON", () => {
    const ual = '{"CreationTime":"2023-05-15T03:12:44","Id":"x","Operation":"MailItemsAccessed","RecordType":50,"Workload":"Exchange"}';
    const win =
      '{"@timestamp":"2023-05-15T03:12:44Z","winlog":{"event_id":4624,"channel":"Security"},"event":{"provider":"Microsoft-Windows-Security-Auditing"}}';
    expect(cloudTrailFormat.detect(sample([ual]))).toBe(0);
    expect(cloudTrailFormat.detect(sample([win]))).toBe(0);
  });

  it("recognises a wrapper whose first record is longer than the sample", () => {
    expect(cloudTrailFormat.detect(sample(["{", '  "Records": [', "    {", '      "eventSource": "iam.amazonaws.com",']))).toBe(95);
  });
});
