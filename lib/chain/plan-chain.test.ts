import { describe, expect, it } from "vitest";
import { type PlanStage, planChain } from "./plan-chain";
import type { StageEvidence } from "./stage-evidence";
import { GENERIC_STAGES } from "./stages";

const stages: PlanStage[] = GENERIC_STAGES.map((s, i) => ({ id: s.key, key: s.key, name: s.name, position: i }));

function seen(stageId: string, from: string, to: string): StageEvidence {
  return {
    stageId,
    count: 2,
    directCount: 2,
    failedCount: 0,
    kindCount: 1,
    firstAt: new Date(from),
    lastAt: new Date(to),
    rules: [{ key: `r.${stageId}`, name: stageId, evidence: "direct", count: 2 }],
    sourceIds: ["s1"],
  };
}

const plan = (...evidence: StageEvidence[]) => planChain(stages, new Map(evidence.map((e) => [e.stageId, e])));

describe("an exfiltration carried by the channel to the controller", () => {
  it("is inferred when the channel is seen again after the credentials were taken, bounded by the two", () => {
    const steps = plan(
      seen("command-and-control", "2023-08-18T08:56:50Z", "2023-08-18T09:01:49Z"),
      seen("credential-access", "2023-08-18T09:00:03Z", "2023-08-18T09:00:05Z"),
    );
    const exfiltration = steps.find((s) => s.stageKey === "exfiltration");
    expect(exfiltration).toMatchObject({
      inferred: true,
      confidence: "possible",
      precision: "unknown",
      impliedBy: ["command-and-control"],
      after: ["credential-access"],
      startAt: new Date("2023-08-18T09:00:03Z"),
      endAt: new Date("2023-08-18T09:01:49Z"),
    });
    expect(exfiltration?.rationale).toContain("No record shows data leaving");
  });

  it("is not inferred when the channel was last seen before anything was taken, or when nothing was", () => {
    const closed = plan(
      seen("command-and-control", "2023-08-18T08:56:50Z", "2023-08-18T08:58:14Z"),
      seen("credential-access", "2023-08-18T09:00:03Z", "2023-08-18T09:00:05Z"),
    );
    expect(closed.map((s) => s.stageKey)).not.toContain("exfiltration");
    const nothingTaken = plan(seen("command-and-control", "2023-08-18T08:56:50Z", "2023-08-18T09:01:49Z"));
    expect(nothingTaken.map((s) => s.stageKey)).not.toContain("exfiltration");
  });

  it("gives way to direct evidence of the exfiltration", () => {
    const steps = plan(
      seen("command-and-control", "2023-08-18T08:56:50Z", "2023-08-18T09:01:49Z"),
      seen("collection", "2023-08-18T09:00:03Z", "2023-08-18T09:00:05Z"),
      seen("exfiltration", "2023-08-18T09:01:00Z", "2023-08-18T09:01:30Z"),
    );
    expect(steps.find((s) => s.stageKey === "exfiltration")).toMatchObject({ inferred: false, eventCount: 2 });
  });
});
