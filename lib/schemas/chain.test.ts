import { describe, expect, it } from "vitest";
import { ZUpdateChainStep } from "./chain";

describe("an assessment's citation", () => {
  const base = { confidence: "possible", confidenceScore: 35, reason: "not proven", effectiveAt: "2024-03-12T00:00:00Z" } as const;

  it("may cite a document dated on or before the day it takes effect", () => {
    expect(ZUpdateChainStep.safeParse({ ...base, citedOn: "2024-03-12", attributedTo: "MSRC" }).success).toBe(true);
  });

  it("may not cite a document dated after it (the CSRB report, released 2 April 2024, on 12 March)", () => {
    const r = ZUpdateChainStep.safeParse({ ...base, citedOn: "2024-04-02" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["citedOn", "an assessment cannot cite a document dated after the assessment itself takes effect"],
    ]);
  });
});
