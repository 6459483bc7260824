import { describe, expect, it } from "vitest";
import { groupStepEntities, stepEntityLines } from "./group-step-entities";

const e = (kind: string, value: string, events: number, ofKind: number) => ({ entityId: `${kind}-${value}`, kind, value, events, ofKind });

describe("step entities", () => {
  it("group by kind in reading order, with how many more there are", () => {
    const entities = [
      e("ip", "203.0.113.7", 9, 1),
      e("account", "alice@x", 12, 7),
      e("account", "bob@x", 3, 7),
      e("process", "cmd.exe", 1, 1),
    ];
    expect(groupStepEntities(entities).map((g) => [g.label, g.items.map((i) => i.value), g.more])).toEqual([
      ["Accounts", ["alice@x", "bob@x"], 5],
      ["Addresses", ["203.0.113.7"], 0],
    ]);
    expect(stepEntityLines(entities)).toEqual(["accounts: alice@x (12), bob@x (3) +5 more", "addresses: 203.0.113.7 (9)"]);
  });

  it("say nothing for a step with no entities", () => {
    expect(stepEntityLines([])).toEqual([]);
  });
});
