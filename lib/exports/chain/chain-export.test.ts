import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { getChain } from "@/lib/queries/get-chain";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { ATTACK_FLOW_EXTENSION, chainToAttackFlow, type StixObject } from "./attack-flow";
import { chainToMermaid } from "./mermaid";

// What Attack Flow 2.0's published schema (attack-flow-schema-2.0.0.json) requires of each of its
// objects, on top of STIX 2.1's common properties of every SDO (type, spec_version, id, created, modified).
const REQUIRED: Record<string, string[]> = {
  "attack-flow": ["name", "start_refs", "scope"],
  "attack-action": ["name"],
  "attack-asset": ["name"],
  "attack-condition": ["description"],
  "attack-operator": ["operator"],
};
const STIX_ID = /^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Every identifier a value holds under a *_ref or *_refs key. */
function refsOf(o: StixObject): string[] {
  return Object.entries(o).flatMap(([k, v]) => (k.endsWith("_ref") ? [v as string] : k.endsWith("_refs") ? (v as string[]) : []));
}

describeEachDatabase("the chain's exports", (kind) => {
  const t = useTestDatabase(kind);

  it("write the Storm-0558 chain as an Attack Flow bundle the published schema accepts, every ref resolving, and as Mermaid", async () => {
    const ctx = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(ctx, { dir: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-flow-")), "s") });
    const bundle = await chainToAttackFlow(ctx, incidentId);
    expect(bundle.id).toMatch(STIX_ID);
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    for (const o of bundle.objects) {
      expect(o.id, o.id).toMatch(STIX_ID);
      expect(o.id.startsWith(`${o.type}--`)).toBe(true);
      expect(o).toMatchObject({
        spec_version: "2.1",
        created: expect.stringMatching(TIMESTAMP),
        modified: expect.stringMatching(TIMESTAMP),
      });
      for (const ref of refsOf(o)) expect(ids.has(ref), `${o.id} refers to ${ref}`).toBe(true);
      if (REQUIRED[o.type]) {
        for (const p of REQUIRED[o.type] as string[]) expect(o, `${o.type} needs ${p}`).toHaveProperty(p);
        expect(o.extensions).toEqual({ [ATTACK_FLOW_EXTENSION]: { extension_type: "new-sdo" } });
      }
    }
    const flows = bundle.objects.filter((o) => o.type === "attack-flow");
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ scope: "incident" });
    expect(((flows[0]?.start_refs ?? []) as string[]).every((r) => /^(attack-action|attack-condition)--/.test(r))).toBe(true);

    const actions = bundle.objects.filter((o) => o.type === "attack-action");
    expect(actions).toHaveLength(9);
    const forgery = actions.find((a) => a.name === "Token forgery");
    expect(forgery).toMatchObject({
      confidence: 90,
      execution_start: expect.stringMatching(TIMESTAMP),
      technique_id: expect.stringMatching(/^T\d{4}/),
    });
    // The key theft is inferred and contested: its competing explanations are conditions joined by OR in front of it.
    const theft = actions.find((a) => a.name === "Key acquisition / exfiltration");
    expect(theft?.confidence).toBe(30);
    const or = bundle.objects.find((o) => o.type === "attack-operator" && (o.effect_refs as string[]).length >= 2);
    expect(or).toMatchObject({ operator: "OR" });
    const conditions = bundle.objects.filter((o) => ((or?.effect_refs ?? []) as string[]).includes(o.id));
    expect(conditions.every((c) => c.type === "attack-condition" && (c.on_true_refs as string[]).includes(theft?.id as string))).toBe(true);
    // Assets: the accounts, hosts and keys the evidence names, e.g. the forged tokens' key id.
    expect(bundle.objects.some((o) => o.type === "attack-asset" && o.name === "1LTMzakihiRla_8z2BEJVXeWMqo")).toBe(true);

    const chain = await getChain(ctx, incidentId);
    const mermaid = chainToMermaid(chain as NonNullable<typeof chain>);
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(mermaid.match(/^\s{4}s\d+\["/gm)).toHaveLength(9);
    expect(mermaid).toMatch(/s\d+\["Key acquisition \/ exfiltration<br\/>[^"]*inferred"\]:::inferred/);
    expect(mermaid).toMatch(/^ {2}s\d+ -\.->\|"inferred"\| s\d+$/m);
    expect(mermaid).toContain('-->|"account alindqvist@corp"|');
  }, 180_000);
});
