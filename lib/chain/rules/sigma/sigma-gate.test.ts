import { describe, expect, it } from "vitest";
import { parseSigma } from "./parse-sigma";
import { eventIdGate, requiredEventIds } from "./sigma-gate";

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
