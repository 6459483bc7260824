import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLinesFormat } from "../formats/jsonl";
import { timesketchJsonlFormat } from "../formats/timesketch";
import { parseFileForTest } from "../testing-parse-file";
import { suricataEveFormat } from "./suricata";

const EVE = path.join(import.meta.dirname, "fixtures", "suricata", "eve.jsonl");

describe("suricata-eve", () => {
  it("reads every record to the microsecond, +0000 and +0200 offsets alike, and reports bad lines", async () => {
    const r = await parseFileForTest(EVE);
    expect(r.format).toBe("suricata-eve");
    expect(r.records.map((x) => [x.line, x.occurredAt, x.assumedZone, x.draft.category])).toEqual([
      [1, "2023-05-15T03:12:44.123456Z", null, "alert"],
      [2, "2023-05-15T03:12:44.200000Z", null, "dns"],
      [3, "2023-05-15T03:12:44.210000Z", null, "dns"],
      [4, "2023-05-15T03:12:45.000001Z", null, "http"],
      [5, "2023-05-15T03:12:46.500000Z", null, "tls"],
      [6, "2023-05-15T03:13:44.123456Z", null, "flow"],
      [7, "2023-05-15T03:12:45.000002Z", null, "fileinfo"],
      [8, "2023-05-15T03:12:44.123456Z", null, "alert"],
      [9, "2023-05-15T03:14:00.000000Z", null, "stats"],
      [10, "2023-05-15T03:14:01.000000Z", null, "anomaly"],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([11, 12]);
    expect(r.problems[0]?.reason).toMatch(/^invalid JSON/);
    expect(r.problems[1]?.reason).toBe("no timestamp in the EVE record");
  });

  it("reads an alert as its signature, with severity, category, flow and action", async () => {
    const r = await parseFileForTest(EVE);
    const alert = r.records[0];
    expect(alert?.draft).toMatchObject({
      message:
        "[1:2013028:7] ET POLICY curl User-Agent Outbound (severity 2, Attempted Information Leak) TCP 203.0.113.5:52144 → 203.0.113.90:80 — allowed",
      action: "alert",
      outcome: "allowed",
      srcIp: "203.0.113.5",
      dstIp: "203.0.113.90",
      target: "ET POLICY curl User-Agent Outbound",
    });
    expect(alert?.draft.nativeId).toBeUndefined();
    expect(alert?.raw.sensor_note).toBe("kept as is");
    // flow_id ties the alert to its flow record; community_id to other tools' records of the connection.
    const flowIds = r.records
      .filter((x) => x.entities.some((e) => e.kind === "session" && e.value === "1234567890123456"))
      .map((x) => x.line);
    expect(flowIds).toEqual([1, 4, 6, 7, 8]);
    expect(alert?.entities).toContainEqual({ kind: "session", value: "1:AbCdEfGhIjKlMnOpQrStUvWxYz0=", role: "community-id" });
  });

  it("summarises dns, http, tls, flow, fileinfo and other event types", async () => {
    const r = await parseFileForTest(EVE);
    const msg = (line: number) => r.records.find((x) => x.line === line)?.draft.message;
    expect(msg(2)).toBe("dns query A login.contoso.test (UDP [2001:db8::5]:53211 → [2001:db8::53]:53)");
    expect(msg(3)).toBe(
      "dns answer A login.contoso.test → NOERROR 203.0.113.80,203.0.113.81 (UDP [2001:db8::53]:53 → [2001:db8::5]:53211)",
    );
    expect(msg(4)).toBe('http GET www.example.test/login → 200 (TCP 203.0.113.5:52144 → 203.0.113.90:80) UA "curl/8.0.1"');
    expect(msg(5)).toBe('tls TLS 1.3 login.contoso.test subject "CN=login.contoso.test" (TCP 203.0.113.5:52400 → 203.0.113.80:443)');
    expect(msg(6)).toBe("flow TCP 203.0.113.5:52144 → 203.0.113.90:80 http 6/5 pkts 520/1200 bytes closed (timeout)");
    expect(msg(7)).toMatch(/^file "\/payload.bin" ELF 64-bit LSB executable 4096 bytes via www.example.test\/payload.bin /);
    expect(msg(9)).toBe("stats uptime=120");
    expect(msg(10)).toBe("anomaly TCP 203.0.113.5:0 → 203.0.113.90:0 type=decode event=decoder.ipv4.trunc_pkt");
    const file = r.records.find((x) => x.line === 7);
    expect(file?.entities).toContainEqual({ kind: "file", value: "/payload.bin", role: "transferred" });
    const tls = r.records.find((x) => x.line === 5);
    expect(tls?.entities).toContainEqual({ kind: "host", value: "login.contoso.test", role: "tls-sni" });
  });

  it("keeps two identical lines as two records: EVE has no record id", async () => {
    const r = await parseFileForTest(EVE);
    expect(r.records[0]?.raw).toEqual(r.records[7]?.raw);
  });

  it("beats the generic JSON readers only on EVE records", () => {
    const line = '{"timestamp":"2023-05-15T03:12:44.123456+0000","flow_id":1,"event_type":"alert","src_ip":"203.0.113.5"}';
    expect(suricataEveFormat.detect({ fileName: "x", lines: [line] })).toBe(92);
    expect(jsonLinesFormat.detect({ fileName: "x", lines: [line] })).toBe(50);
    expect(timesketchJsonlFormat.detect({ fileName: "x", lines: [line] })).toBe(0);
    const ecs = '{"@timestamp":"2023-05-15T03:12:44Z","event_type":"login","user":"alice"}';
    expect(suricataEveFormat.detect({ fileName: "x", lines: [ecs] })).toBe(0);
  });
});
