import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { timesketchJsonlFormat } from "../formats/timesketch";
import { parseFileForTest } from "../testing-parse-file";
import { plasoJsonLineFormat, plasoSourceFile } from "./plaso-json-line";

// The real psort output, read in place (see ../shared/samples/SOURCES.md).
const SAMPLE = path.resolve(process.cwd(), "..", "shared", "samples", "plaso", "json_line.log");
const tmp = mkdtempSync(path.join(os.tmpdir(), "plaso-json-line-"));
const write = (name: string, lines: string[]) => {
  const file = path.join(tmp, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
};

/** Epoch microseconds → the ISO text parseFileForTest gives, computed with BigInt so nothing rounds. */
function isoOfMicros(us: bigint): string {
  const seconds = new Date(Number(us / 1_000_000n) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${String(us % 1_000_000n).padStart(6, "0")}Z`;
}

describe("plaso-json-line on the real psort sample", () => {
  const lines = readFileSync(SAMPLE, "utf8").trim().split("\n");

  it("detects it from content, above the generic Timesketch reader that used to take it", async () => {
    const sample = { fileName: "x", lines };
    expect(timesketchJsonlFormat.detect(sample)).toBe(80);
    expect(plasoJsonLineFormat.detect(sample)).toBe(90);
    const r = await parseFileForTest(SAMPLE);
    expect(r.format).toBe("plaso-json-line");
  });

  it("reads all 20 events, each at the exact microsecond of its timestamp, raw as written", async () => {
    const r = await parseFileForTest(SAMPLE);
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(20);
    for (const rec of r.records) {
      const src = JSON.parse(lines[rec.line - 1] as string);
      // The last four timestamps are 1.78e15 µs: exact only if nothing went through floating seconds.
      const us = BigInt(/"timestamp": (\d+), "timestamp_desc"/.exec(lines[rec.line - 1] as string)?.[1] as string);
      expect(rec.occurredAt).toBe(isoOfMicros(us));
      expect(rec.assumedZone).toBeNull();
      expect(rec.raw).toEqual(src);
      expect(rec.draft.timestampDesc).toBe(src.timestamp_desc);
      expect(rec.draft.category).toBe(src.data_type);
    }
  });

  it("maps host, actor, source file and keeps non-ASCII text", async () => {
    const r = await parseFileForTest(SAMPLE);
    const first = r.records[0];
    expect(first?.draft).toMatchObject({
      message: "[client, pid: 30840] INFO No new content in ímynd.dd.",
      host: "myhostname.myhost.com",
      category: "syslog:line",
      target: "/tmp/test/test_data/syslog/syslog",
    });
    expect(first?.entities).toEqual([
      { kind: "host", value: "myhostname.myhost.com", role: "host" },
      { kind: "file", value: "/tmp/test/test_data/syslog/syslog", role: "source-file" },
    ]);
    const cron = r.records.find((x) => x.draft.category === "syslog:cron:task_run");
    expect(cron?.draft.actor).toBe("root");
    expect(cron?.entities).toContainEqual({ kind: "account", value: "root", role: "actor" });
    const stat = r.records.find((x) => x.draft.category === "fs:stat");
    expect(stat?.draft.timestampDesc).toBe("Content Modification Time");
    expect(stat?.raw.inode).toBe("351025");
  });
});

describe("plaso-json-line edge cases", () => {
  it("falls back to datetime, composes a missing message, and rejects an event with no time", async () => {
    const file = write("edge.jsonl", [
      '{"__container_type__":"event","data_type":"fs:stat","parser":"filestat","display_name":"TSK:/Windows/System32/config/SAM","datetime":"2023-05-15T03:12:44.123456+00:00","timestamp_desc":"Creation Time","x_unknown":{"a":[1]}}',
      '{"__container_type__":"event","data_type":"fs:stat","parser":"filestat","message":"no time at all","timestamp_desc":"Not a time"}',
      "{broken",
    ]);
    const r = await parseFileForTest(file);
    expect(r.format).toBe("plaso-json-line");
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      occurredAt: "2023-05-15T03:12:44.123456Z",
      draft: { message: "fs:stat TSK:/Windows/System32/config/SAM", target: "/Windows/System32/config/SAM" },
      raw: { x_unknown: { a: [1] } },
    });
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.problems[0]?.reason).toMatch(/no timestamp/);
    expect(r.problems[1]?.reason).toMatch(/invalid JSON/);
  });

  it("recognises psort output without __container_type__ by data_type, parser and timestamp_desc", () => {
    const line =
      '{"data_type":"syslog:line","parser":"syslog","timestamp":1684120364123456,"timestamp_desc":"Content Modification Time","message":"m"}';
    expect(plasoJsonLineFormat.detect({ fileName: "x", lines: [line] })).toBe(86);
    // A plain Timesketch line is not Plaso's.
    const ts = '{"message":"m","datetime":"2023-05-15T03:12:44Z","timestamp_desc":"Event Logged"}';
    expect(plasoJsonLineFormat.detect({ fileName: "x", lines: [ts] })).toBe(0);
  });

  it("takes the file path from filename, else from display_name without its path-spec type", () => {
    expect(plasoSourceFile("/var/log/auth.log", "OS:/x")).toBe("/var/log/auth.log");
    expect(plasoSourceFile(undefined, "OS:/var/log/syslog")).toBe("/var/log/syslog");
    expect(plasoSourceFile(undefined, "C:\\Windows\\x.log")).toBe("C:\\Windows\\x.log");
    expect(plasoSourceFile("-", "-")).toBeUndefined();
  });
});
