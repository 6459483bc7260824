import { describe, expect, it } from "vitest";
import { type IncidentRole, isVisibility, PERMISSIONS, type Permission, roleAllows } from "./permissions";

// The roles table from the README, row by row: what each role may do on an incident.
const TABLE: Record<IncidentRole, Permission[]> = {
  owner: [
    "incident.view",
    "chain.view",
    "evidence.view",
    "rules.view",
    "evidence.annotate",
    "evidence.edit",
    "stories.view",
    "stories.edit",
    "stories.review",
    "members.manage",
    "incident.manage",
  ],
  analyst: [
    "incident.view",
    "chain.view",
    "evidence.view",
    "rules.view",
    "evidence.annotate",
    "evidence.edit",
    "stories.view",
    "stories.edit",
    "stories.review",
  ],
  viewer: ["incident.view", "chain.view", "evidence.view", "rules.view", "stories.view"],
  executive: ["incident.view", "chain.view"],
  instructor: ["incident.view", "chain.view", "evidence.view", "rules.view", "evidence.annotate", "evidence.edit", "stories.view"],
  // A trainee works on evidence stripped of answers: no chain, rules, stories or assessments.
  trainee: ["incident.view", "evidence.view", "evidence.annotate"],
};

describe("permissions", () => {
  for (const [role, allowed] of Object.entries(TABLE) as [IncidentRole, Permission[]][]) {
    it(`${role} may do exactly: ${allowed.join(", ") || "nothing on an incident"}`, () => {
      const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleAllows(role, p));
      expect(granted).toEqual(allowed);
    });
  }

  it("treats .view permissions as visibility (404) and the rest as actions (403)", () => {
    expect(isVisibility("evidence.view")).toBe(true);
    expect(isVisibility("evidence.edit")).toBe(false);
    expect(isVisibility("members.manage")).toBe(false);
  });
});
