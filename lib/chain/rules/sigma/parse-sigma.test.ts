import { describe, expect, it } from "vitest";
import { col, type FieldRef, type Predicate } from "../predicate";
import { allOf, anyOf } from "./combine";
import { parseSigma, type SigmaRule } from "./parse-sigma";
import { sigmaFieldRefs, windowsDataRefs } from "./sigma-fields";
import { logsourcePredicate } from "./sigma-logsource";

const raw = (...path: string[]): FieldRef => ({ kind: "raw", path });
const FORMAT: FieldRef = { kind: "source-format" };

/** A rule document on CloudTrail (whose filter is one test and whose fields map to themselves). */
function awsRule(detection: string, extra = ""): string {
  return `title: Test rule\n${extra}logsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}`;
}

function only(yaml: string): SigmaRule {
  const { rules, problems } = parseSigma(yaml, "test.yml");
  expect(problems).toEqual([]);
  expect(rules).toHaveLength(1);
  return rules[0] as SigmaRule;
}

/** The detection part of a CloudTrail rule, by comparing with the logsource filter AND'ed in front. */
function expectDetection(detection: string, expected: Predicate): void {
  const rule = only(awsRule(detection));
  expect(rule.predicate).toEqual(allOf([logsourcePredicate({ product: "aws", service: "cloudtrail" }), expected]));
}

function problemsOf(yaml: string) {
  const { rules, problems } = parseSigma(yaml, "bad.yml");
  expect(rules).toEqual([]);
  return problems;
}

describe("parseSigma: rule metadata", () => {
  it("reads id, title, description, level, ATT&CK technique, tactics, tags and the logsource", () => {
    const rule = only(`title: LSASS memory dump via comsvcs
id: 646ea171-0000-4000-8000-000000000001
description: rundll32 calling MiniDump
level: High
tags:
  - attack.credential_access
  - attack.t1003.001
  - attack.t1218
  - attack.s0002
  - attack.defense-evasion
  - car.2013-05-002
logsource:
  product: Windows
  category: process_creation
detection:
  sel:
    CommandLine|contains: MiniDump
  condition: sel
`);
    expect(rule).toMatchObject({
      id: "646ea171-0000-4000-8000-000000000001",
      title: "LSASS memory dump via comsvcs",
      description: "rundll32 calling MiniDump",
      level: "high",
      technique: "T1003.001",
      tactics: ["attack.credential_access", "attack.defense-evasion"],
      tags: ["attack.credential_access", "attack.t1003.001", "attack.t1218", "attack.s0002", "attack.defense-evasion", "car.2013-05-002"],
      logsource: { product: "windows", category: "process_creation" },
    });
  });

  it("gives null for a missing id, level and technique", () => {
    const rule = only(awsRule("  sel:\n    eventName: GetCallerIdentity\n  condition: sel\n"));
    expect(rule).toMatchObject({ id: null, level: null, technique: null, tactics: [], tags: [], description: "" });
  });
});

describe("parseSigma: search identifiers and values", () => {
  it("ANDs the fields of a map and ORs the maps of a list", () => {
    expectDetection(
      "  sel:\n    - eventName: CreateUser\n      eventSource: iam.amazonaws.com\n    - eventName: CreateAccessKey\n  condition: sel\n",
      anyOf([
        allOf([
          { op: "eq", field: raw("eventName"), value: "CreateUser" },
          { op: "eq", field: raw("eventSource"), value: "iam.amazonaws.com" },
        ]),
        { op: "eq", field: raw("eventName"), value: "CreateAccessKey" },
      ]),
    );
  });

  it("ORs a value list, and ANDs it with |all", () => {
    expectDetection("  sel:\n    eventName: [A, B]\n  condition: sel\n", {
      op: "or",
      items: [
        { op: "eq", field: raw("eventName"), value: "A" },
        { op: "eq", field: raw("eventName"), value: "B" },
      ],
    });
    expectDetection("  sel:\n    userAgent|contains|all: [aws-cli, Python]\n  condition: sel\n", {
      op: "and",
      items: [
        { op: "contains", field: raw("userAgent"), value: "aws-cli" },
        { op: "contains", field: raw("userAgent"), value: "Python" },
      ],
    });
  });

  it("reads dotted field names as paths, numbers and booleans as the text they were written as", () => {
    expectDetection(
      "  sel:\n    userIdentity.type: Root\n    errorCode: 403\n    readOnly: false\n    mask: 0x1fffff\n    ratio: 1e3\n  condition: sel\n",
      allOf([
        { op: "eq", field: raw("userIdentity", "type"), value: "Root" },
        { op: "eq", field: raw("errorCode"), value: "403" },
        { op: "eq", field: raw("readOnly"), value: "false" },
        { op: "eq", field: raw("mask"), value: "0x1fffff" },
        { op: "eq", field: raw("ratio"), value: "1e3" },
      ]),
    );
  });

  it("turns contains, startswith and endswith into their operators", () => {
    expectDetection(
      "  sel:\n    a|contains: x%y\n    b|startswith: pre_\n    c|endswith: .exe\n  condition: sel\n",
      allOf([
        { op: "contains", field: raw("a"), value: "x%y" },
        { op: "startswith", field: raw("b"), value: "pre_" },
        { op: "endswith", field: raw("c"), value: ".exe" },
      ]),
    );
  });

  it("turns values with wildcards into anchored wildcard patterns, and escaped wildcards into literals", () => {
    const yaml = String.raw`  sel:
    a: 'C:\Windows\\*\cmd?.exe'
    b|contains: 'mimi*katz'
    c|startswith: 'Get-*'
    d|endswith: '*.ps1'
    e: 'literal\*star'
    f: 'back\\slash\?'
  condition: sel
`;
    expectDetection(
      yaml,
      allOf([
        { op: "wildcard", field: raw("a"), value: String.raw`C:\\Windows\\*\\cmd?.exe` },
        { op: "wildcard", field: raw("b"), value: "*mimi*katz*" },
        { op: "wildcard", field: raw("c"), value: "Get-**" },
        { op: "wildcard", field: raw("d"), value: "**.ps1" },
        { op: "eq", field: raw("e"), value: "literal*star" },
        { op: "eq", field: raw("f"), value: String.raw`back\slash?` },
      ]),
    );
  });

  it("makes cased comparisons case-sensitive", () => {
    expectDetection("  sel:\n    a|cased: Admin\n    b|contains|cased: X*\n  condition: sel\n", {
      op: "and",
      items: [
        { op: "eq", field: raw("a"), value: "Admin", caseSensitive: true },
        { op: "wildcard", field: raw("b"), value: "*X**", caseSensitive: true },
      ],
    });
  });

  it("translates re (with |i and a leading (?i)) to PostgreSQL's dialect", () => {
    const yaml = String.raw`  sel:
    a|re: '\bpowershell\b.*-enc'
    b|re|i: '^get-[a-z]+$'
    c|re: '(?i)invoke'
  condition: sel
`;
    expectDetection(
      yaml,
      allOf([
        { op: "re", field: raw("a"), pattern: String.raw`\ypowershell\y.*-enc` },
        { op: "re", field: raw("b"), pattern: "^get-[a-z]+$", caseInsensitive: true },
        { op: "re", field: raw("c"), pattern: "invoke", caseInsensitive: true },
      ]),
    );
  });

  it("reads cidr values as networks, ORed over a list", () => {
    expectDetection("  sel:\n    sourceIPAddress|cidr: [10.0.0.0/8, '2001:db8::/32']\n  condition: sel\n", {
      op: "or",
      items: ["10.0.0.0/8", "2001:db8::/32"].flatMap((value) => [
        { op: "cidr", field: col("src_ip"), value },
        { op: "cidr", field: raw("sourceIPAddress"), value },
      ]),
    });
  });

  it("reads gt/gte/lt/lte as numeric comparisons", () => {
    expectDetection(
      "  sel:\n    a|gt: 5\n    b|gte: '6'\n    c|lt: 7.5\n    d|lte: -1\n  condition: sel\n",
      allOf([
        { op: "num", field: raw("a"), cmp: ">", value: 5 },
        { op: "num", field: raw("b"), cmp: ">=", value: 6 },
        { op: "num", field: raw("c"), cmp: "<", value: 7.5 },
        { op: "num", field: raw("d"), cmp: "<=", value: -1 },
      ]),
    );
  });

  it("reads null as an absent field and |exists as presence", () => {
    expectDetection(
      "  sel:\n    a: null\n    b|exists: true\n    c|exists: false\n  condition: sel\n",
      allOf([
        { op: "not", item: { op: "exists", field: raw("a") } },
        { op: "exists", field: raw("b") },
        { op: "not", item: { op: "exists", field: raw("c") } },
      ]),
    );
  });

  it("reads a keyword list as text anywhere in the message", () => {
    expectDetection("  keywords:\n    - 'Failed password'\n    - 'invalid * user'\n  condition: keywords\n", {
      op: "or",
      items: [
        { op: "contains", field: col("message"), value: "Failed password" },
        { op: "wildcard", field: col("message"), value: "*invalid * user*" },
      ],
    });
  });
});

describe("parseSigma: conditions", () => {
  const sels = "  sel1:\n    a: '1'\n  sel2:\n    b: '2'\n  other:\n    c: '3'\n  _hidden:\n    d: '4'\n";
  const s1: Predicate = { op: "eq", field: raw("a"), value: "1" };
  const s2: Predicate = { op: "eq", field: raw("b"), value: "2" };
  const o: Predicate = { op: "eq", field: raw("c"), value: "3" };
  const h: Predicate = { op: "eq", field: raw("d"), value: "4" };
  const cond = (c: string, expected: Predicate) => expectDetection(`${sels}  condition: ${c}\n`, expected);

  it("gives not precedence over and, and over or", () => {
    cond("sel1 or sel2 and not other", { op: "or", items: [s1, { op: "and", items: [s2, { op: "not", item: o }] }] });
    cond("not sel1 and sel2", { op: "and", items: [{ op: "not", item: s1 }, s2] });
  });

  it("follows parentheses", () => {
    cond("(sel1 or sel2) and not (other or _hidden)", {
      op: "and",
      items: [
        { op: "or", items: [s1, s2] },
        { op: "not", item: { op: "or", items: [o, h] } },
      ],
    });
  });

  it("expands 1 of / all of an identifier pattern", () => {
    cond("1 of sel*", { op: "or", items: [s1, s2] });
    cond("all of sel*", { op: "and", items: [s1, s2] });
    cond("all of sel* and not 1 of oth*", { op: "and", items: [s1, s2, { op: "not", item: o }] });
  });

  it("expands them to every identifier not starting with an underscore", () => {
    cond("1 of them", { op: "or", items: [s1, s2, o] });
    cond("all of them", { op: "and", items: [s1, s2, o] });
  });

  it("ORs a list of conditions", () => {
    expectDetection(`${sels}  condition:\n    - sel1\n    - sel2 and other\n`, { op: "or", items: [s1, { op: "and", items: [s2, o] }] });
  });
});

describe("parseSigma: field mapping and logsource", () => {
  it("reads Windows fields from every Windows format's place", () => {
    const rule = only(`title: t
logsource: { product: windows, service: security }
detection:
  sel:
    EventID: 4624
    Computer: DC01
    IpAddress: 203.0.113.7
    LogonType: 3
  condition: sel
`);
    const ids = sigmaFieldRefs("EventID");
    expect(ids).toEqual(
      expect.arrayContaining([raw("EventID"), raw("winlog", "event_id"), raw("System", "EventID"), raw("Event", "System", "EventID")]),
    );
    expect(sigmaFieldRefs("CommandLine", { product: "windows" })).toEqual(windowsDataRefs("CommandLine"));
    expect(windowsDataRefs("CommandLine")).toEqual(
      expect.arrayContaining([raw("CommandLine"), raw("winlog", "event_data", "CommandLine"), raw("EventData", "CommandLine")]),
    );
    const detection = allOf([
      anyOf(ids.map((field) => ({ op: "eq", field, value: "4624" }))),
      { op: "eq", field: col("host"), value: "DC01" },
      anyOf([col("src_ip"), ...windowsDataRefs("IpAddress")].map((field) => ({ op: "eq", field, value: "203.0.113.7" }))),
      anyOf(windowsDataRefs("LogonType").map((field) => ({ op: "eq", field, value: "3" }))),
    ]);
    expect(rule.predicate).toEqual(allOf([logsourcePredicate({ product: "windows", service: "security" }), detection]));
  });

  it("maps the well-known names to columns and raw places", () => {
    expect(sigmaFieldRefs("User")).toContainEqual(col("actor"));
    expect(sigmaFieldRefs("User")).toContainEqual(raw("winlog", "event_data", "User"));
    expect(sigmaFieldRefs("SubjectUserName")).toContainEqual(raw("winlog", "event_data", "SubjectUserName"));
    expect(sigmaFieldRefs("ClientIP")).toEqual([col("src_ip"), raw("ClientIP"), raw("AuditData_parsed", "ClientIP")]);
    expect(sigmaFieldRefs("Operations")).toEqual(sigmaFieldRefs("Operation"));
    expect(sigmaFieldRefs("Operation")).toEqual(expect.arrayContaining([raw("Operation"), raw("Operations")]));
    expect(sigmaFieldRefs("eventName")).toEqual([raw("eventName")]);
    expect(sigmaFieldRefs("src_ip")).toContainEqual(col("src_ip"));
    expect(sigmaFieldRefs("constructor")).toEqual([raw("constructor")]);
    // Security 4688 names the process NewProcessName; only process_creation rules read it there.
    expect(sigmaFieldRefs("Image", { product: "windows", category: "process_creation" })).toContainEqual(raw("NewProcessName"));
    expect(sigmaFieldRefs("Image", { product: "windows", category: "process_access" })).not.toContainEqual(raw("NewProcessName"));
  });

  it("filters on the formats, channels and event ids of the logsource", () => {
    const windows = logsourcePredicate({ product: "windows" });
    expect(windows).toEqual({
      op: "or",
      items: ["windows", "winlogbeat", "evtx"].map((value) => ({ op: "startswith", field: FORMAT, value, caseSensitive: true })),
    });
    expect(JSON.stringify(logsourcePredicate({ product: "windows", service: "sysmon" }))).toContain("Microsoft-Windows-Sysmon/Operational");
    const access = JSON.stringify(logsourcePredicate({ product: "windows", category: "process_access" }));
    expect(access).toContain("Microsoft-Windows-Sysmon/Operational");
    expect(access).toContain('"value":"10"');
    expect(JSON.stringify(logsourcePredicate({ product: "m365", service: "exchange" }))).toContain('"value":"m365-"');
    expect(logsourcePredicate({ product: "azure", service: "signinlogs" })).toEqual({
      op: "or",
      items: [{ op: "startswith", field: FORMAT, value: "entra-signin-", caseSensitive: true }],
    });
    expect(logsourcePredicate({ product: "aws", service: "cloudtrail" })).toEqual({
      op: "eq",
      field: FORMAT,
      value: "cloudtrail",
      caseSensitive: true,
    });
    expect(JSON.stringify(logsourcePredicate({ product: "linux", service: "sshd" }))).toContain('"value":"sshd"');
  });

  it("reports a logsource no format carries, naming it", () => {
    const yaml = (ls: string) => `title: t\nlogsource: ${ls}\ndetection:\n  sel:\n    a: b\n  condition: sel\n`;
    expect(problemsOf(yaml("{ product: macos, category: process_creation }"))[0]?.message).toMatch(
      /logsource \(product: macos, category: process_creation\)/,
    );
    expect(problemsOf(yaml("{ product: windows, service: nosuchlog }"))[0]?.message).toMatch(/windows service "nosuchlog"/);
    expect(problemsOf(yaml("{ product: linux, category: registry_set }"))[0]?.message).toMatch(/linux category "registry_set"/);
    // Sysmon for Linux and auditd arrive inside SyslogMessage; their parsed fields carry the rule.
    for (const ls of ["{ product: linux, category: process_creation }", "{ product: linux, service: auditd }"])
      expect(parseSigma(yaml(ls), "ok.yml").problems).toEqual([]);
    expect(problemsOf(yaml("{ category: proxy }"))[0]?.message).toMatch(/logsource \(category: proxy\)/);
  });
});

describe("parseSigma: unsupported constructs", () => {
  const withSel = (sel: string, condition = "sel") =>
    `title: Unsupported\nlogsource: { product: windows }\ndetection:\n  sel:\n${sel}\n  condition: ${condition}\n`;

  it.each([
    ["base64", "    CommandLine|base64: whoami"],
    ["base64offset", "    CommandLine|base64offset|contains: whoami"],
    ["windash", "    CommandLine|windash|contains: -enc"],
    ["utf16le", "    CommandLine|utf16le|base64offset|contains: x"],
    ["wide", "    CommandLine|wide|base64offset|contains: x"],
    ["expand", "    CommandLine|expand: '%var%'"],
    ["fieldref", "    CommandLine|fieldref: Image"],
    ["frobnicate", "    CommandLine|frobnicate: x"],
    ["re|m", "    CommandLine|re|m: '^x$'"],
  ])("refuses the %s modifier, naming it", (name, sel) => {
    const problems = problemsOf(withSel(sel));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "Unsupported", line: 5 });
    expect(problems[0]?.message).toContain(`"${name}"`);
  });

  it.each([
    ["aggregation", "    EventID: 4625", "sel | count() by IpAddress > 10", /aggregation/],
    ["near", "    EventID: 4625", "sel near sel", /near/],
    ["N of", "    EventID: 4625", "2 of sel*", /"2 of" is not supported/],
    ["unknown identifier", "    EventID: 4625", "sel and filter", /unknown search identifier "filter"/],
    ["pattern matching nothing", "    EventID: 4625", "1 of filter*", /matches no search identifier/],
    ["unbalanced parentheses", "    EventID: 4625", "(sel", /ends too early|unbalanced/],
    ["named regex group", "    CommandLine|re: '(?P<x>a)'", "sel", /named group/],
    ["bad regex", "    CommandLine|re: '(a'", "sel", /invalid regular expression/],
    ["bad network", "    IpAddress|cidr: 10.0.0.0/33", "sel", /not an IP network/],
    ["modifier conflict", "    CommandLine|contains|re: x", "sel", /cannot be combined/],
    ["null with a modifier", "    CommandLine|contains: null", "sel", /null cannot be combined/],
    ["nested values", "    CommandLine:\n      a: b", "sel", /nested/],
  ])("refuses %s, saying what", (_name, sel, condition, message) => {
    const problems = problemsOf(withSel(sel, condition));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.rule).toBe("Unsupported");
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.line).not.toBeNull();
  });

  it("refuses timeframe, correlation rules and rule collections", () => {
    expect(
      problemsOf(`title: T\nlogsource: { product: windows }\ndetection:\n  sel: { EventID: 1 }\n  timeframe: 5m\n  condition: sel\n`)[0],
    ).toMatchObject({
      rule: "T",
      line: 5,
      message: expect.stringContaining("timeframe"),
    });
    expect(problemsOf(`title: C\ncorrelation:\n  type: event_count\n  rules: [a]\n`)[0]?.message).toMatch(/correlation rules/);
    expect(problemsOf(`action: global\ntitle: G\nlogsource: { product: windows }\n`)[0]?.message).toMatch(/rule collections/);
  });

  it("refuses an unsupported identifier even when the condition does not use it", () => {
    expect(problemsOf(withSel("    EventID: 1\n  unused:\n    CommandLine|base64: x"))[0]?.message).toContain('"base64"');
  });
});

describe("parseSigma: files", () => {
  it("loads the good rules of a multi-document file and reports the bad one by title and line", () => {
    const yaml = `title: First
logsource: { product: aws, service: cloudtrail }
detection:
  sel: { eventName: A }
  condition: sel
---
title: Second
logsource: { product: windows }
detection:
  sel:
    CommandLine|windash|contains: -enc
  condition: sel
---
title: Third
logsource: { product: aws }
detection:
  sel: { eventName: C }
  condition: sel
---
`;
    const { rules, problems } = parseSigma(yaml, "mixed.yml");
    expect(rules.map((r) => r.title)).toEqual(["First", "Third"]);
    expect(problems).toEqual([{ rule: "Second", line: 11, message: 'modifier "windash" is not supported' }]);
    expect(rules[0]?.source).toMatchObject({ title: "First", detection: { condition: "sel" } });
  });

  it("reports a YAML error in one document and keeps the others", () => {
    const yaml = `title: Good\nlogsource: { product: aws }\ndetection:\n  sel: { eventName: A }\n  condition: sel\n---\ntitle: Broken\ndetection: [unclosed\n`;
    const { rules, problems } = parseSigma(yaml, "broken.yml");
    expect(rules.map((r) => r.title)).toEqual(["Good"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.rule).toBe("broken.yml (document 2)");
    expect(problems[0]?.message).toMatch(/^YAML: /);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(7);
  });

  it("reports a file without rules, and rules without detection or logsource", () => {
    expect(parseSigma("", "empty.yml").problems).toEqual([{ rule: "empty.yml", line: null, message: "the file holds no Sigma rule" }]);
    expect(problemsOf("title: NoDetection\nlogsource: { product: aws }\n")[0]).toMatchObject({
      rule: "NoDetection",
      message: "the rule has no detection map",
    });
    expect(problemsOf("title: NoLogsource\ndetection:\n  sel: { a: b }\n  condition: sel\n")[0]?.message).toBe("the rule has no logsource");
    expect(problemsOf("- just\n- a list\n")[0]?.message).toBe("a Sigma rule must be a YAML mapping");
  });
});
