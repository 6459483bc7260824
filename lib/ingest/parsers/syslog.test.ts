import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLinesFormat } from "../formats/jsonl";
import { parseFileForTest } from "../testing-parse-file";
import { createTimestampParser } from "../time/parse-timestamp";
import { syslogFormat } from "./syslog";
import { parseSyslogLine } from "./syslog-line";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", "syslog", name);

describe("syslog: RFC 3164 auth.log", () => {
  it("reads every line, keeps identical lines as two records, and reports the one without a header", async () => {
    const r = await parseFileForTest(fixture("auth.log"));
    expect(r.format).toBe("syslog");
    expect(r.records).toHaveLength(15);
    expect(r.problems).toEqual([{ line: 16, reason: "not a syslog line (RFC 3164 or RFC 5424)" }]);
    const [a, b] = r.records;
    expect(a?.raw).toEqual(b?.raw);
    expect(a?.draft.nativeId).toBeUndefined();
  });

  it("keeps the line's parts and the line itself in raw", async () => {
    const r = await parseFileForTest(fixture("auth.log"));
    expect(r.records[0]?.raw).toEqual({
      timestamp: "Jan 22 07:52:33",
      host: "web01",
      program: "sshd",
      pid: "1234",
      message: "Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
      line: "Jan 22 07:52:33 web01 sshd[1234]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
    });
    // "Jan  2": the padded day of RFC 3164.
    expect(r.records.find((x) => x.line === 14)?.raw.timestamp).toBe("Jan  2 08:00:00");
  });

  it("reads a year-less time in the import's zone, recorded as assumed", async () => {
    const r = await parseFileForTest(fixture("auth.log"), { zone: "Europe/Berlin" });
    const first = r.records[0];
    expect(first?.draft.time).toBe("Jan 22 07:52:33");
    expect(first?.assumedZone).toBe("Europe/Berlin");
    // The year is inferred from the reference date; the wall clock is read in Berlin (UTC+1 in January).
    expect(first?.occurredAt).toMatch(/^\d{4}-01-22T06:52:33\.000000Z$/);
  });

  it("gets its year from --year, or infers it and says so", () => {
    expect(createTimestampParser({ year: 2023 })("Jan 22 07:52:33")).toEqual({
      epochUs: Date.UTC(2023, 0, 22, 7, 52, 33) * 1000,
      assumedZone: "UTC",
      yearSource: "given",
    });
    const inferred = createTimestampParser({ referenceDate: new Date("2023-06-01T00:00:00Z") })("Jan 22 07:52:33");
    expect(inferred).toMatchObject({ epochUs: Date.UTC(2023, 0, 22, 7, 52, 33) * 1000, yearSource: "inferred" });
  });

  it("maps sshd, sudo, su, useradd, passwd and PAM lines", async () => {
    const r = await parseFileForTest(fixture("auth.log"));
    const by = (line: number) => r.records.find((x) => x.line === line)?.draft;
    expect(by(1)).toMatchObject({ action: "ssh.login", outcome: "failure", actor: "admin", srcIp: "203.0.113.9", category: "sshd" });
    expect(by(1)?.message).toBe("sshd[1234]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2");
    expect(by(3)).toMatchObject({ action: "ssh.invalid-user", outcome: "failure", actor: "oracle" });
    expect(by(4)).toMatchObject({ action: "ssh.login", outcome: "success", actor: "alice", srcIp: "2001:db8::7" });
    expect(by(6)).toMatchObject({ action: "sudo", outcome: "success", actor: "alice", target: "root" });
    expect(by(6)?.message).toBe("sudo: alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow");
    expect(by(8)).toMatchObject({ action: "sudo", outcome: "failure", actor: "bob", target: "root" });
    expect(by(9)).toMatchObject({ action: "su", outcome: "success", actor: "alice", target: "root" });
    expect(by(11)).toMatchObject({ action: "user.add", target: "backdoor" });
    expect(by(12)).toMatchObject({ action: "password.change", target: "backdoor" });
    expect(by(13)).toMatchObject({ action: "auth.failure", actor: "root", srcIp: "203.0.113.9" });
    expect(by(14)?.action).toBeUndefined();
    const sudo = r.records.find((x) => x.line === 6);
    expect(sudo?.entities).toEqual([
      { kind: "account", value: "alice", role: "actor" },
      { kind: "host", value: "web01", role: "host" },
      { kind: "process", value: "/usr/bin/cat /etc/shadow", role: "command" },
    ]);
  });
});

describe("syslog: RFC 5424 and rsyslog's precise timestamps", () => {
  it("reads the instant to the microsecond, keeps structured data and reports malformed lines", async () => {
    const r = await parseFileForTest(fixture("rfc5424.log"));
    expect(r.format).toBe("syslog");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone])).toEqual([
      [1, "2023-05-15T03:12:44.123456Z", null],
      [2, "2023-05-15T03:12:45.500000Z", null],
      [3, "2023-05-15T03:12:46.000000Z", null],
      [6, "2023-05-15T03:12:49.000001Z", null],
    ]);
    expect(r.problems).toEqual([
      { line: 4, reason: "RFC 5424 structured data is malformed" },
      { line: 5, reason: "PRI <999> is above 191" },
    ]);
    expect(r.records[0]?.raw).toMatchObject({
      host: "web01.example.test",
      program: "app",
      pid: "1234",
      msgid: "ID47",
      facility: "auth",
      severity: "crit",
      structuredData: '[exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"]',
      message: "An application event log entry",
    });
    // An escaped "]" inside a quoted value does not end the element.
    expect(r.records[1]?.raw.structuredData).toBe('[origin ip="203.0.113.7"][meta sequenceId="1" note="quoted \\"]\\" bracket"]');
    expect(r.records[1]?.draft).toMatchObject({ action: "ssh.login", actor: "bob", srcIp: "203.0.113.8" });
    // Nil host ("-") is left out; the BOM that opens MSG is not text.
    expect(r.records[2]?.raw.host).toBeUndefined();
    expect(r.records[2]?.draft).toMatchObject({ action: "sudo", actor: "carol", target: "root" });
    expect(r.records[3]?.draft.message).toBe("sshd[99]:");
  });

  it("reads rsyslog's ISO variant and a PRI before an RFC 3164 header", async () => {
    const r = await parseFileForTest(fixture("rsyslog-precise.log"));
    expect(r.records.slice(0, 2).map((x) => x.occurredAt)).toEqual(["2023-05-15T03:12:44.123456Z", "2023-05-15T03:12:45.000001Z"]);
    expect(r.records[2]?.raw).toMatchObject({ facility: "auth", severity: "info", program: "sshd" });
    expect(r.records[2]?.draft).toMatchObject({ action: "ssh.logout", actor: "alice" });
  });

  it("is not claimed by the JSON readers, and does not claim JSON or CSV", () => {
    const lines = ["Jan 22 07:52:33 web01 sshd[1]: x", "Jan 22 07:52:34 web01 sshd[1]: y"];
    expect(jsonLinesFormat.detect({ fileName: "x", lines })).toBe(0);
    expect(syslogFormat.detect({ fileName: "x", lines })).toBe(88);
    expect(syslogFormat.detect({ fileName: "x", lines: ['{"ts":"2023-05-15T03:12:44Z"}'] })).toBe(0);
    expect(syslogFormat.detect({ fileName: "x", lines: ["time,user", "2023-05-15T03:12:44Z,alice"] })).toBe(0);
  });

  it("parses a tagless line and a line with no message", () => {
    expect(parseSyslogLine("Jan 22 07:52:33 web01 -- MARK --")).toMatchObject({ host: "web01", message: "-- MARK --" });
    expect(parseSyslogLine("Jan 22 07:52:33 web01")).toMatchObject({ host: "web01", message: "" });
    expect(parseSyslogLine("<191>Jan 22 07:52:33 h p: m")).toMatchObject({ facility: "local7", severity: "debug" });
  });

  it("rejects a line that cannot be decoded, with the reader's reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "syslog-"));
    const file = path.join(dir, "bad.log");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("Jan 22 07:52:33 web01 sshd[1]: ok\nJan 22 07:52:34 web01 sshd[1]: "),
        Buffer.from([0xff, 0xfe]),
        Buffer.from("\n"),
      ]),
    );
    const r = await parseFileForTest(file);
    expect(r.records).toHaveLength(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.line).toBe(2);
  });
});
