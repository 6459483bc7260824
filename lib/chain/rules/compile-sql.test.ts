import { beforeAll, describe, expect, it } from "vitest";
import { SqlParams } from "@/lib/db/sql-params";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { compilePredicate } from "./compile-sql";
import { col, type FieldRef, not, type Predicate, raw } from "./predicate";
import { parseSigma } from "./sigma/parse-sigma";

const FORMAT: FieldRef = { kind: "source-format" };

// Generic JSON Lines: `user` and `src_ip` become the actor and src_ip columns; the rest stays in raw.
const RECORDS = [
  { user: "Alice", src_ip: "10.1.2.3", addr: "10.1.2.3", name: "100%_done", n: 5, obj: { deep: { k: "Value" } } },
  { user: "bob", src_ip: "192.168.1.10", addr: "999.1.1.1", name: "100x_done", n: "12.5" },
  { addr: "not an ip", name: "a\\b", n: "n/a" },
  { src_ip: "2001:db8::1", addr: "2001:db8::ff", name: "ALICE", n: -3, empty: "" },
  { addr: "::ffff:10.0.0.1", name: "under_score", n: "1e3" },
  { addr: "10.9.9.9:443", name: "C:\\Windows\\System32\\cmd.exe", n: " 7 " },
  { addr: "", name: "100%xdone", n: "0x10" },
];
const JSONL = RECORDS.map((r, i) => JSON.stringify({ ts: `2023-05-15T03:0${i}:00Z`, msg: `record ${i + 1}`, ...r })).join("\n");
const ALL = RECORDS.map((_, i) => i + 1);

// Windows events as flattened JSON (NXLog / Security-Datasets) and as Winlogbeat: the same Sigma rule reads both.
const FLAT = [
  {
    EventID: 1,
    Channel: "Microsoft-Windows-Sysmon/Operational",
    Image: "C:\\Windows\\System32\\rundll32.exe",
    CommandLine: "rundll32.exe C:\\windows\\System32\\comsvcs.dll MiniDump 756 C:\\Users\\alice\\out.dmp full",
    ParentImage: "C:\\Windows\\explorer.exe",
    User: "CONTOSO\\alice",
  },
  {
    EventID: 1,
    Channel: "Microsoft-Windows-Sysmon/Operational",
    Image: "C:\\Windows\\System32\\rundll32.exe",
    CommandLine: "rundll32.exe shell32.dll,Control_RunDLL",
    User: "CONTOSO\\bob",
  },
  {
    EventID: 10,
    Channel: "Microsoft-Windows-Sysmon/Operational",
    SourceImage: "C:\\Tools\\procdump64.exe",
    TargetImage: "C:\\Windows\\system32\\lsass.exe",
    GrantedAccess: "0x1FFFFF",
  },
  { EventID: 4624, Channel: "Security", TargetUserName: "alice", IpAddress: "10.0.0.5", LogonType: "3" },
  { EventID: 4624, Channel: "Security", TargetUserName: "bob", IpAddress: "203.0.113.7", LogonType: "10" },
  { EventID: 4625, Channel: "Security", TargetUserName: "admin", IpAddress: "-", LogonType: "3" },
  {
    EventID: 1,
    Channel: "Microsoft-Windows-Sysmon/Operational",
    Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    CommandLine: "powershell.exe -nop -enc SQBFAFgA",
    ParentImage: "C:\\Windows\\System32\\cmd.exe",
  },
];
const FLAT_JSONL = FLAT.map((r, i) =>
  JSON.stringify({ TimeCreated: `2023-05-15 03:1${i}:00.000`, Hostname: "ws01.contoso.test", SourceName: "test", ...r }),
).join("\n");
const WINLOGBEAT_JSONL = [
  { event_id: "4624", data: { TargetUserName: "carol", IpAddress: "10.0.0.9", LogonType: "3" } },
  { event_id: "4624", data: { TargetUserName: "dave", IpAddress: "198.51.100.1", LogonType: "3" } },
]
  .map((e, i) =>
    JSON.stringify({
      "@timestamp": `2023-05-15T03:2${i}:00Z`,
      winlog: { channel: "Security", computer_name: "dc01.contoso.test", event_id: e.event_id, record_id: i + 1, event_data: e.data },
    }),
  )
  .join("\n");

describeEachDatabase("compilePredicate", (kind) => {
  const t = useTestDatabase(kind);
  let generic = "";
  let windows = "";

  beforeAll(async () => {
    const a = await newIncident(t.db, "Predicates");
    generic = a.incidentId;
    const imported = await importFile(a.ctx, { incidentId: generic, filePath: writeFixture("mixed.jsonl", JSONL) });
    expect(imported).toMatchObject({ format: "jsonl", imported: RECORDS.length });

    const w = await newIncident(t.db, "Sigma");
    windows = w.incidentId;
    const flat = await importFile(w.ctx, { incidentId: windows, filePath: writeFixture("flat.jsonl", FLAT_JSONL) });
    expect(flat).toMatchObject({ format: "windows-flat-json", imported: FLAT.length });
    const beat = await importFile(w.ctx, { incidentId: windows, filePath: writeFixture("beat.jsonl", WINLOGBEAT_JSONL) });
    expect(beat).toMatchObject({ format: "winlogbeat-json", imported: 2 });
  });

  /** Line numbers of the generic fixture's events the predicate matches. */
  async function lines(p: Predicate, incidentId = generic): Promise<number[]> {
    const params = new SqlParams(2);
    const where = compilePredicate(p, params);
    const rows = await t.db.sql.query<{ line_number: number }>(
      `SELECT e.line_number FROM events e JOIN sources s ON s.id = e.source_id WHERE e.incident_id = $1 AND (${where}) ORDER BY 1`,
      [incidentId, ...params.values()],
    );
    return rows.map((r) => r.line_number);
  }

  describe("operators", () => {
    it("eq compares case-insensitively unless caseSensitive", async () => {
      expect(await lines({ op: "eq", field: raw("name"), value: "alice" })).toEqual([4]);
      expect(await lines({ op: "eq", field: raw("name"), value: "ALICE", caseSensitive: true })).toEqual([4]);
      expect(await lines({ op: "eq", field: raw("name"), value: "alice", caseSensitive: true })).toEqual([]);
      expect(await lines({ op: "eq", field: col("actor"), value: "ALICE" })).toEqual([1]);
      expect(await lines({ op: "eq", field: raw("obj.deep.k"), value: "value" })).toEqual([1]);
      expect(await lines({ op: "eq", field: raw("n"), value: "5" })).toEqual([1]);
      expect(await lines({ op: "eq", field: FORMAT, value: "JSONL" })).toEqual(ALL);
    });

    it("contains, startswith and endswith take % and _ literally", async () => {
      expect(await lines({ op: "contains", field: raw("name"), value: "%_" })).toEqual([1]);
      expect(await lines({ op: "contains", field: raw("name"), value: "0%" })).toEqual([1, 7]);
      expect(await lines({ op: "startswith", field: raw("name"), value: "100%" })).toEqual([1, 7]);
      expect(await lines({ op: "endswith", field: raw("name"), value: "_done" })).toEqual([1, 2]);
      expect(await lines({ op: "contains", field: raw("name"), value: "_" })).toEqual([1, 2, 5]);
      expect(await lines({ op: "contains", field: raw("name"), value: "\\" })).toEqual([3, 6]);
      expect(await lines({ op: "contains", field: raw("name"), value: "DONE" })).toEqual([1, 2, 7]);
      expect(await lines({ op: "contains", field: raw("name"), value: "DONE", caseSensitive: true })).toEqual([]);
      expect(await lines({ op: "contains", field: col("message"), value: "RECORD 3" })).toEqual([3]);
    });

    it("wildcard reads * and ? with Sigma's escapes", async () => {
      expect(await lines({ op: "wildcard", field: raw("name"), value: "100?_*" })).toEqual([1, 2]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "*_*" })).toEqual([1, 2, 5]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "*%*" })).toEqual([1, 7]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "a\\\\b" })).toEqual([3]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "C:\\\\windows\\\\*\\\\cmd.exe" })).toEqual([6]);
      // A lone backslash before other characters is itself, as in Sigma paths.
      expect(await lines({ op: "wildcard", field: raw("name"), value: "C:\\Windows\\System32\\c?d.exe" })).toEqual([6]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "*\\*" })).toEqual([]);
      expect(await lines({ op: "wildcard", field: raw("name"), value: "alice", caseSensitive: true })).toEqual([]);
    });

    it("re uses PostgreSQL's ~ and ~*", async () => {
      expect(await lines({ op: "re", field: raw("name"), pattern: "^[0-9]+%" })).toEqual([1, 7]);
      expect(await lines({ op: "re", field: raw("name"), pattern: "^alice$" })).toEqual([]);
      expect(await lines({ op: "re", field: raw("name"), pattern: "^alice$", caseInsensitive: true })).toEqual([4]);
      // \y is ARE's word boundary: "100%xdone" has none before "done", "ALICE" has them around it.
      expect(await lines({ op: "re", field: raw("name"), pattern: "\\ydone$" })).toEqual([]);
      expect(await lines({ op: "re", field: raw("name"), pattern: "\\yalice\\y", caseInsensitive: true })).toEqual([4]);
    });

    it("cidr matches addresses inside the network and never fails on text that is not one", async () => {
      expect(await lines({ op: "cidr", field: raw("addr"), value: "10.0.0.0/8" })).toEqual([1]);
      expect(await lines({ op: "cidr", field: raw("addr"), value: "0.0.0.0/0" })).toEqual([1]);
      expect(await lines({ op: "cidr", field: raw("addr"), value: "2001:db8::/32" })).toEqual([4]);
      expect(await lines({ op: "cidr", field: raw("addr"), value: "::/0" })).toEqual([4, 5]);
      expect(await lines({ op: "cidr", field: raw("addr"), value: "10.1.2.3" })).toEqual([1]);
      expect(await lines({ op: "cidr", field: col("src_ip"), value: "10.0.0.0/8" })).toEqual([1]);
      expect(await lines({ op: "cidr", field: col("src_ip"), value: "192.168.0.0/16" })).toEqual([2]);
      expect(await lines({ op: "cidr", field: col("src_ip"), value: "2001:db8::/32" })).toEqual([4]);
      expect(await lines({ op: "cidr", field: raw("name"), value: "10.0.0.0/8" })).toEqual([]);
      expect(await lines(not({ op: "cidr", field: raw("addr"), value: "10.0.0.0/8" }))).toEqual([2, 3, 4, 5, 6, 7]);
      expect(() => compilePredicate({ op: "cidr", field: raw("addr"), value: "10.0.0.0/33" }, new SqlParams())).toThrow(/not an IP/);
    });

    it("num compares numbers and skips text that is not one", async () => {
      expect(await lines({ op: "num", field: raw("n"), cmp: ">", value: 4 })).toEqual([1, 2, 5, 6]);
      expect(await lines({ op: "num", field: raw("n"), cmp: "<", value: 0 })).toEqual([4]);
      expect(await lines({ op: "num", field: raw("n"), cmp: "=", value: 5 })).toEqual([1]);
      expect(await lines({ op: "num", field: raw("n"), cmp: ">=", value: 12.5 })).toEqual([2, 5]);
      expect(await lines({ op: "num", field: raw("n"), cmp: "<=", value: -3 })).toEqual([4]);
      expect(await lines(not({ op: "num", field: raw("n"), cmp: ">", value: 4 }))).toEqual([3, 4, 7]);
      expect(() => compilePredicate({ op: "num", field: raw("n"), cmp: ">", value: Number.NaN }, new SqlParams())).toThrow(/finite/);
    });

    it("exists means present and not empty", async () => {
      expect(await lines({ op: "exists", field: col("actor") })).toEqual([1, 2]);
      expect(await lines({ op: "exists", field: col("src_ip") })).toEqual([1, 2, 4]);
      expect(await lines({ op: "exists", field: raw("addr") })).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await lines({ op: "exists", field: raw("empty") })).toEqual([]);
      expect(await lines({ op: "exists", field: raw("obj") })).toEqual([1]);
      expect(await lines(not({ op: "exists", field: raw("user") }))).toEqual([3, 4, 5, 6, 7]);
    });

    it("compares inet columns as address text", async () => {
      expect(await lines({ op: "eq", field: col("src_ip"), value: "2001:DB8::1" })).toEqual([4]);
      expect(await lines({ op: "startswith", field: col("src_ip"), value: "192.168." })).toEqual([2]);
    });
  });

  describe("logic", () => {
    it("and/or of nothing are TRUE/FALSE, true/false are constants", async () => {
      expect(await lines({ op: "and", items: [] })).toEqual(ALL);
      expect(await lines({ op: "or", items: [] })).toEqual([]);
      expect(await lines({ op: "true" })).toEqual(ALL);
      expect(await lines({ op: "false" })).toEqual([]);
      expect(await lines(not({ op: "or", items: [] }))).toEqual(ALL);
    });

    it("a missing field never matches, and its negation always does", async () => {
      const bob: Predicate = { op: "eq", field: raw("user"), value: "bob" };
      expect(await lines(bob)).toEqual([2]);
      expect(await lines(not(bob))).toEqual([1, 3, 4, 5, 6, 7]);
      expect(await lines(not(not(bob)))).toEqual([2]);
      expect(await lines({ op: "eq", field: raw("nope"), value: "x" })).toEqual([]);
      expect(await lines(not({ op: "eq", field: raw("nope"), value: "x" }))).toEqual(ALL);
      // NULL OR FALSE under NOT: NOT(user = bob OR name = zzz) for events without a user.
      expect(await lines(not({ op: "or", items: [bob, { op: "eq", field: raw("name"), value: "zzz" }] }))).toEqual([1, 3, 4, 5, 6, 7]);
      expect(await lines(not({ op: "and", items: [bob, { op: "exists", field: raw("addr") }] }))).toEqual([1, 3, 4, 5, 6, 7]);
    });

    it("combines and, or and not", async () => {
      const p: Predicate = {
        op: "and",
        items: [
          {
            op: "or",
            items: [
              { op: "contains", field: raw("name"), value: "done" },
              { op: "cidr", field: raw("addr"), value: "::/0" },
            ],
          },
          not({ op: "eq", field: col("actor"), value: "bob" }),
        ],
      };
      expect(await lines(p)).toEqual([1, 4, 5, 7]);
    });

    it("numbers its parameters from startAt and puts every value in them", () => {
      const params = new SqlParams(5);
      const sql = compilePredicate({ op: "eq", field: raw("a.b"), value: "x'; DROP TABLE events; --" }, params);
      expect(sql).toContain("$5::text[]");
      expect(sql).toContain("$6::text");
      expect(sql).not.toContain("DROP");
      expect(params.values()).toEqual([["a", "b"], "x'; DROP TABLE events; --"]);
    });
  });

  describe("Sigma end to end", () => {
    /** "format:line" of the Sigma incident's events the (only) rule of the YAML matches. */
    async function sigmaMatches(yaml: string): Promise<string[]> {
      const { rules, problems } = parseSigma(yaml, "rule.yml");
      expect(problems).toEqual([]);
      const rule = rules[0];
      if (!rule) throw new Error("no rule");
      const params = new SqlParams(2);
      const rows = await t.db.sql.query<{ hit: string }>(
        `SELECT s.format || ':' || e.line_number AS hit FROM events e JOIN sources s ON s.id = e.source_id
         WHERE e.incident_id = $1 AND (${compilePredicate(rule.predicate, params)}) ORDER BY s.format, e.line_number`,
        [windows, ...params.values()],
      );
      return rows.map((r) => r.hit);
    }
    const rule = (logsource: string, detection: string) => `title: test\nlogsource: ${logsource}\ndetection:\n${detection}`;
    const PROC = "{ product: windows, category: process_creation }";

    it("endswith and contains|all under all of selection*", async () => {
      const yaml = rule(
        PROC,
        String.raw`  selection_img:
    Image|endswith: '\rundll32.exe'
  selection_cli:
    CommandLine|contains|all: [comsvcs, minidump]
  condition: all of selection_*
`,
      );
      expect(await sigmaMatches(yaml)).toEqual(["windows-flat-json:1"]);
    });

    it("startswith and contains under 1 of selection*", async () => {
      const yaml = rule(
        PROC,
        "  selection_a:\n    CommandLine|contains: MiniDump\n  selection_b:\n    CommandLine|startswith: POWERSHELL\n  condition: 1 of selection*\n",
      );
      expect(await sigmaMatches(yaml)).toEqual(["windows-flat-json:1", "windows-flat-json:7"]);
    });

    it("re, with word boundaries and |i", async () => {
      expect(
        await sigmaMatches(
          rule(
            PROC,
            String.raw`  sel:
    CommandLine|re: '\s-enc\b'
  condition: sel
`,
          ),
        ),
      ).toEqual(["windows-flat-json:7"]);
      expect(
        await sigmaMatches(
          rule(
            PROC,
            String.raw`  sel:
    CommandLine|re|i: 'MINIDUMP \d+'
  condition: sel
`,
          ),
        ),
      ).toEqual(["windows-flat-json:1"]);
    });

    it("cidr and not, across Windows formats", async () => {
      const yaml = rule(
        "{ product: windows, service: security }",
        "  logon:\n    EventID: [4624, 4625]\n  internal:\n    IpAddress|cidr: [10.0.0.0/8, 192.168.0.0/16]\n  condition: logon and not internal\n",
      );
      expect(await sigmaMatches(yaml)).toEqual(["windows-flat-json:5", "windows-flat-json:6", "winlogbeat-json:2"]);
    });

    it("all of them, or, and a null field", async () => {
      const access = "{ product: windows, category: process_access }";
      const yaml = rule(
        access,
        "  target:\n    TargetImage|endswith: '\\lsass.exe'\n  access:\n    GrantedAccess: [0x1fffff, 0x1010]\n  condition: all of them\n",
      );
      expect(await sigmaMatches(yaml)).toEqual(["windows-flat-json:3"]);
      const noParent = rule(PROC, "  proc:\n    Image|endswith: .exe\n  parent:\n    ParentImage: null\n  condition: proc and parent\n");
      expect(await sigmaMatches(noParent)).toEqual(["windows-flat-json:2"]);
      const either = rule("{ product: windows }", "  a:\n    TargetUserName: bob\n  b:\n    User|endswith: '\\bob'\n  condition: a or b\n");
      expect(await sigmaMatches(either)).toEqual(["windows-flat-json:2", "windows-flat-json:5"]);
    });

    it("keywords and the logsource filter", async () => {
      expect(await sigmaMatches(rule("{ product: windows }", "  keywords:\n    - comsvcs\n  condition: keywords\n"))).toEqual([
        "windows-flat-json:1",
      ]);
      // The same detection on another product's logsource reads none of these events.
      expect(await sigmaMatches(rule("{ product: aws, service: cloudtrail }", "  sel:\n    EventID: 4624\n  condition: sel\n"))).toEqual(
        [],
      );
      expect(await sigmaMatches(rule("{ product: windows, service: sysmon }", "  sel:\n    EventID: 4624\n  condition: sel\n"))).toEqual(
        [],
      );
    });
  });
});
