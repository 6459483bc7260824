import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { saveBriefAssessment } from "./brief-assessment";
import { composeBrief } from "./compose-brief";

describeEachDatabase("the executive brief", (kind) => {
  const t = useTestDatabase(kind);

  it("tells the Storm-0558 chain in seven boxes and four sentences, and says what was believed in October 2023 and in April 2024", async () => {
    const ctx = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(ctx, { dir: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-brief-")), "s") });
    const now = await composeBrief(ctx, incidentId);
    expect(now.asOf).toBeNull();
    expect(now.sentences).toHaveLength(4);
    expect(now.sentences[0]).toBe(
      "The attack ran in 9 steps, from key material exposure on 2021-04-20 to response and remediation on 2023-07-04.",
    );
    expect(now.sentences[1]).toMatch(/^The evidence names \d+ mailboxes in \d+ organisations, \d+ accounts and \d+ hosts\.$/);
    expect(now.boxes.length).toBeLessThanOrEqual(7);
    expect(now.boxes.filter((b) => b.inferred).map((b) => b.stages)).toEqual([
      ["Key material exposure"],
      ["Key acquisition / exfiltration"],
    ]);
    expect(now.unknown).toContain("Key acquisition / exfiltration is inferred, not seen: possible (35/100, CSRB 2024-04-02).");
    expect(
      now.unknown.some((u) => /^No records from debug-share-security\.jsonl between 2021-08-01 and 2023-07-\d\d \(retention\)\.$/.test(u)),
    ).toBe(true);
    expect(now.unknown).toContain("5 other explanations remain open.");
    expect(now.changed[0]).toBe("Response and remediation: 2023-06-26 to 2023-07-04.");

    // As the public record went: "most probable" in September 2023, "not proven" by March 2024.
    const october = await composeBrief(ctx, incidentId, new Date("2023-10-01T23:59:59.999Z"));
    expect(october.asOf).toBe("2023-10-01");
    expect(october.unknown).toContain("Key acquisition / exfiltration is inferred, not seen: likely (70/100, MSRC 2023-09-06).");
    expect(october.beliefChanges).toContain(
      "Key acquisition / exfiltration: likely (70/100, MSRC 2023-09-06) on 2023-10-01; possible (35/100, CSRB 2024-04-02) now.",
    );
    const april = await composeBrief(ctx, incidentId, new Date("2024-04-01T23:59:59.999Z"));
    expect(april.unknown).toContain("Key acquisition / exfiltration is inferred, not seen: possible (35/100, MSRC 2024-03-12).");
    expect(april.unknown).not.toEqual(october.unknown);

    // An analyst's judgements on CISA's scale, each from its date: the brief as of a date shows the one in effect.
    await saveBriefAssessment(ctx, incidentId, {
      effectiveAt: "2023-07-12",
      priority: "high",
      informationImpact: "proprietary",
      recoverability: "extended",
      decisions: [{ text: "Disclose to affected customers?", owner: "General counsel" }],
    });
    await saveBriefAssessment(ctx, incidentId, {
      effectiveAt: "2024-03-15",
      priority: "severe",
      informationImpact: "core_credentials",
      summary: "A consumer signing key forged tokens for 25 organisations.\nHow the key left is not proven.",
    });
    expect((await composeBrief(ctx, incidentId, new Date("2023-06-01T23:59:59Z"))).assessment).toBeNull();
    const judgedOctober = await composeBrief(ctx, incidentId, new Date("2023-10-01T23:59:59.999Z"));
    expect(judgedOctober.assessment).toMatchObject({ priority: "high", informationImpact: "proprietary", recoverability: "extended" });
    expect(judgedOctober.decisions[0]).toEqual({ text: "Disclose to affected customers?", owner: "General counsel" });
    expect(judgedOctober.sentences).toEqual(judgedOctober.drafted);
    const judgedNow = await composeBrief(ctx, incidentId);
    expect(judgedNow.assessment).toMatchObject({ priority: "severe", informationImpact: "core_credentials" });
    expect(judgedNow.sentences).toEqual(["A consumer signing key forged tokens for 25 organisations.", "How the key left is not proven."]);
  }, 180_000);
});
