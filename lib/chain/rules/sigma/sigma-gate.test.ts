import { describe, expect, it } from "vitest";
import { parseSigma } from "./parse-sigma";
import { eventIdGate, operationGate, requiredEventIds } from "./sigma-gate";

const rule = (detection: string) =>
  parseSigma(
    `title: t
logsource: { product: windows, service: security }
detection:
${detection}`,
    "t.yml",
  ).rules[0];

describe("event-id gates for Windows service rules", () => {
  it("names the ids every way of matching requires, and the actions those ids are recorded with", () => {
    const r = rule(
      "  selection:\n    EventID: [4624, 4625]\n    LogonType: 3\n  filter:\n    TargetUserName|endswith: $\n  condition: selection and not filter",
    );
    expect(r && [...(requiredEventIds(r.detection) ?? [])].sort()).toEqual(["4624", "4625"]);
    expect(r && eventIdGate(r.detection)?.actions).toEqual(expect.arrayContaining(["logon", "4624", "logon-failed", "4625"]));
  });

  it("gives no gate when one way of matching names no id", () => {
    const r = rule("  a:\n    EventID: 4688\n  b:\n    CommandLine|contains: mimikatz\n  condition: a or b");
    expect(r && requiredEventIds(r.detection)).toBeNull();
    expect(r && eventIdGate(r.detection)).toBeNull();
  });
});

const cloudRule = (logsource: string, detection: string) =>
  parseSigma(`title: t\nlogsource: ${logsource}\ndetection:\n${detection}`, "t.yml").rules[0];

describe("operation gates for cloud rules", () => {
  it("names the M365 operations and CloudTrail event names every way of matching requires", () => {
    const m365 = cloudRule(
      "{ product: m365, service: exchange }",
      "  selection:\n    Operation: [New-InboxRule, set-inboxrule]\n    Parameters|contains: ForwardTo\n  condition: selection",
    );
    expect(m365 && operationGate(m365.detection)?.actions?.sort()).toEqual(["New-InboxRule", "set-inboxrule"]);
    const aws = cloudRule(
      "{ product: aws, service: cloudtrail }",
      "  selection:\n    eventSource: iam.amazonaws.com\n    eventName: CreateAccessKey\n  condition: selection",
    );
    expect(aws && operationGate(aws.detection)?.actions).toEqual(["CreateAccessKey"]);
  });

  it("gives no gate to a rule that can match without naming its operation, or names it by a pattern", () => {
    const any = cloudRule(
      "{ product: aws, service: cloudtrail }",
      "  a:\n    eventName: ConsoleLogin\n  b:\n    userIdentity.type: Root\n  condition: a or b",
    );
    expect(any && operationGate(any.detection)).toBeNull();
    const pattern = cloudRule("{ product: aws, service: cloudtrail }", "  a:\n    eventName|startswith: Delete\n  condition: a");
    expect(pattern && operationGate(pattern.detection)).toBeNull();
  });
});
