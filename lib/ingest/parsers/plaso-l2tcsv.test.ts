import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvFormat } from "../formats/csv";
import { parseFileForTest } from "../testing-parse-file";
import { L2TCSV_COLUMNS, plasoL2tCsvFormat } from "./plaso-l2tcsv";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "plaso", "l2tcsv.csv");

describe("plaso-l2tcsv", () => {
  it("is detected by its 17-column header, above the generic CSV reader", async () => {
    const sample = { fileName: "x.csv", lines: readFileSync(FIXTURE, "utf8").split("\n") };
    expect(plasoL2tCsvFormat.detect(sample)).toBe(95);
    expect(csvFormat.detect(sample)).toBe(30);
    expect((await parseFileForTest(FIXTURE)).format).toBe("plaso-l2tcsv");
  });

  it("reads UTC rows as stated, a named zone at its offset then, and rejects an unknown zone and a short row", async () => {
    const r = await parseFileForTest(FIXTURE, { zone: "Europe/Berlin" });
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone, x.draft.time])).toEqual([
      [2, "2023-05-15T03:12:44.000000Z", null, "05/15/2023 03:12:44"],
      // 05:12:45 in Berlin in May is UTC+2; the offset is written next to the text so the event says what was used.
      [3, "2023-05-15T03:12:45.000000Z", null, "05/15/2023 05:12:45 +02:00"],
      [4, "2022-12-31T23:59:59.000000Z", null, "12/31/2022 23:59:59"],
      // "-": the row states no zone, so the import's zone is assumed and recorded.
      [7, "2023-05-15T01:12:48.000000Z", "Europe/Berlin", "05/15/2023 03:12:48"],
    ]);
    expect(r.problems).toEqual([
      { line: 5, reason: 'unknown timezone "Mars/Olympus_Mons" in the l2tcsv row' },
      { line: 6, reason: "row has 10 cells, the header has 17" },
    ]);
  });

  it("maps type, desc, user, host and the source file, and keeps every column in raw", async () => {
    const r = await parseFileForTest(FIXTURE);
    const [ssh, access, reg] = r.records;
    expect(ssh?.draft).toMatchObject({
      timestampDesc: "Content Modification Time",
      message: "[sshd; pid: 812] Accepted publickey for alice from 203.0.113.7 port 52144 ssh2",
      category: "Log File",
      host: "web01.example.test",
      target: "/var/log/auth.log",
    });
    // "-" is l2tcsv's empty cell: no actor then.
    expect(ssh?.draft.actor).toBeUndefined();
    expect(access?.draft.actor).toBe("alice");
    expect(access?.entities).toContainEqual({ kind: "account", value: "alice", role: "actor" });
    expect(reg?.entities).toContainEqual({ kind: "file", value: "/Users/bob/NTUSER.DAT", role: "source-file" });
    expect(Object.keys(reg?.raw ?? {})).toEqual([...L2TCSV_COLUMNS]);
    expect(reg?.raw.extra).toBe("-");
    expect(reg?.raw.inode).toBe("4242");
  });
});
