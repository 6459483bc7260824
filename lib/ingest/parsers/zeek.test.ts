import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvFormat } from "../formats/csv";
import { jsonLinesFormat } from "../formats/jsonl";
import { parseFileForTest } from "../testing-parse-file";
import { zeekFormat } from "./zeek";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", "zeek", name);
const tmp = mkdtempSync(path.join(os.tmpdir(), "zeek-"));

describe("zeek TSV", () => {
  it("reads conn.log to the microsecond, values as written, and reports the short row", async () => {
    const r = await parseFileForTest(fixture("conn.log"));
    expect(r.format).toBe("zeek");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone])).toEqual([
      [9, "2023-05-15T03:12:44.123456Z", null],
      [10, "2023-05-15T03:12:45.000001Z", null],
      [11, "2023-05-15T03:12:46.500000Z", null],
    ]);
    expect(r.problems).toEqual([{ line: 12, reason: "row has 5 fields, #fields names 21" }]);
    const [first, , s0] = r.records;
    expect(first?.raw).toMatchObject({ ts: "1684120364.123456", "id.orig_p": "52144", tunnel_parents: "(empty)", _path: "conn" });
    expect(Object.keys(first?.raw ?? {})).toHaveLength(22);
    // "-" (unset) stays in raw as Zeek wrote it, and means nothing in the canonical fields.
    expect(s0?.raw.service).toBe("-");
    expect(s0?.draft.message).toBe("conn tcp 203.0.113.5:52200 → 203.0.113.81:22 S0");
  });

  it("maps endpoints, state and the uid, with uid + ts + path as the record's id", async () => {
    const r = await parseFileForTest(fixture("conn.log"));
    expect(r.records[0]?.draft).toMatchObject({
      message: "conn tcp 203.0.113.5:52144 → 203.0.113.80:443 ssl SF 1.204512s 1234/5678 bytes",
      action: "conn",
      category: "conn",
      outcome: "SF",
      srcIp: "203.0.113.5",
      dstIp: "203.0.113.80",
      nativeId: "conn:CwX1a23bC4dE5fG6h7:1684120364123456",
    });
    expect(r.records[0]?.entities).toContainEqual({ kind: "session", value: "CwX1a23bC4dE5fG6h7", role: "zeek-uid" });
    expect(r.records[1]?.draft.message).toContain("[2001:db8::5]:53211 → [2001:db8::53]:53");
  });

  it("maps dns query and answers", async () => {
    const r = await parseFileForTest(fixture("dns.log"));
    expect(r.records[0]?.draft).toMatchObject({
      message: "dns A login.contoso.test → NOERROR 203.0.113.80,203.0.113.81 ([2001:db8::5]:53211 → [2001:db8::53]:53)",
      action: "dns.query",
      outcome: "NOERROR",
      target: "login.contoso.test",
      nativeId: "dns:C9yZ8x7W6v5U4t3S2r:1684120365000001:4242",
    });
    expect(r.records[0]?.entities).toContainEqual({ kind: "host", value: "login.contoso.test", role: "dns-query" });
    expect(r.records[1]?.draft.outcome).toBe("NXDOMAIN");
  });

  it("follows a new header after #close (logs concatenated) and keeps pipelined requests apart", async () => {
    const r = await parseFileForTest(fixture("http-ssl-concatenated.log"));
    expect(r.problems).toEqual([]);
    const [get, post, ssl] = r.records;
    expect(get?.draft).toMatchObject({
      action: "http.GET",
      outcome: "200",
      target: "www.example.test/login?next=/admin",
      category: "http",
    });
    expect(get?.entities).toContainEqual({ kind: "url", value: "www.example.test/login?next=/admin", role: "request" });
    expect(post?.draft).toMatchObject({ action: "http.POST", actor: "alice" });
    // Same uid and ts: trans_depth tells the two requests apart.
    expect(get?.draft.nativeId).not.toBe(post?.draft.nativeId);
    expect(ssl).toMatchObject({ line: 20, occurredAt: "2023-05-15T03:12:44.223456Z" });
    expect(ssl?.draft).toMatchObject({ action: "ssl.handshake", outcome: "established", target: "login.contoso.test", category: "ssl" });
    expect(ssl?.raw._path).toBe("ssl");
  });

  it("reports rows before a #fields header, and a decoded custom separator", async () => {
    const noHeader = path.join(tmp, "no-header.log");
    writeFileSync(noHeader, "#separator \\x09\n1684120364.1\tC1\n");
    const r1 = await parseFileForTest(noHeader);
    expect(r1.problems).toEqual([{ line: 2, reason: "Zeek row before a #fields header" }]);
    const comma = path.join(tmp, "comma.log");
    writeFileSync(comma, "#separator \\x2c\n#path,weird\n#fields,ts,uid,name\n1684120364.000007,C2,bad_TCP_checksum\n");
    const r2 = await parseFileForTest(comma);
    expect(r2.format).toBe("zeek");
    expect(r2.records[0]).toMatchObject({ occurredAt: "2023-05-15T03:12:44.000007Z", raw: { name: "bad_TCP_checksum", _path: "weird" } });
    expect(r2.records[0]?.draft.action).toBe("bad_TCP_checksum");
  });

  it("is detected from the header alone, and not as CSV", () => {
    const lines = ["#separator \\x09", "#path\tconn", "#fields\tts\tuid"];
    expect(zeekFormat.detect({ fileName: "x", lines })).toBe(100);
    expect(csvFormat.detect({ fileName: "x", lines })).toBeLessThan(100);
  });
});

describe("zeek JSON", () => {
  it("reads float and ISO ts exactly, infers a missing _path, and reports bad lines", async () => {
    const r = await parseFileForTest(fixture("zeek.jsonl"));
    expect(r.format).toBe("zeek");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.category])).toEqual([
      [1, "2023-05-15T03:12:44.123456Z", "conn"],
      [2, "2023-05-15T03:12:45.000001Z", "dns"],
      [3, "2023-05-15T03:13:20.100000Z", "http"],
      [4, "2023-05-15T03:13:21.000000Z", "notice"],
    ]);
    expect(r.problems.map((p) => [p.line, p.reason.slice(0, 20)])).toEqual([
      [5, "no ts in the Zeek re"],
      [6, "invalid JSON: Unexpe"],
    ]);
    expect(r.records[0]?.raw.sensor_site).toBe("lab-1");
    expect(r.records[0]?.entities).toContainEqual({ kind: "session", value: "1:AbCdEfGhIjKlMnOpQrStUvWxYz0=", role: "community-id" });
    expect(r.records[3]?.draft).toMatchObject({ action: "SSH::Password_Guessing", srcIp: "203.0.113.9" });
  });

  it("gives the same record the same id in TSV and in JSON", async () => {
    const tsv = await parseFileForTest(fixture("conn.log"));
    const json = await parseFileForTest(fixture("zeek.jsonl"));
    expect(json.records[0]?.draft.nativeId).toBe(tsv.records[0]?.draft.nativeId);
    const dns = await parseFileForTest(fixture("dns.log"));
    // ISO ts in JSON, epoch text in TSV: the id is in microseconds either way.
    expect(json.records[1]?.draft.nativeId).toBe(dns.records[0]?.draft.nativeId);
  });

  it("scores above generic JSON Lines only for Zeek records", () => {
    const zeekLine = '{"ts":1684120364.123456,"uid":"C1","id.orig_h":"203.0.113.5"}';
    expect(zeekFormat.detect({ fileName: "x", lines: [zeekLine] })).toBe(90);
    expect(jsonLinesFormat.detect({ fileName: "x", lines: [zeekLine] })).toBe(50);
    expect(zeekFormat.detect({ fileName: "x", lines: ['{"ts":"2023-05-15T03:12:44Z","kid":"k","sig_valid":true}'] })).toBe(0);
  });
});
