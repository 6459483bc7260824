import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { STAGE_KEYS } from "@/scenarios/storm-0558/answer-key-types";
import { IOC_IPS } from "@/scenarios/storm-0558/facts";
import { generateScenario } from "@/scenarios/storm-0558/generate";
import { writeVariant } from "@/scenarios/storm-0558/variant";
import { loadScenario } from "./load-scenario";

describeEachDatabase("a training variant of the scenario, imported", (kind) => {
  const t = useTestDatabase(kind);

  it("imports like the scenario and builds the same chain, around the variant's own actor address", async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "storm-base-"));
    await generateScenario({ outDir: base, seed: 558, noise: 300 });
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "storm-variant-")), "v");
    const plan = await writeVariant(base, dir, 7);
    const ctx = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(ctx, { dir, seed: 558, noise: 300, publicAssessments: false });
    const first = plan.find((r) => r.what === "first actor address")?.to;
    const count = async (ip: string) =>
      (
        await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND src_ip = $2::inet", [
          incidentId,
          ip,
        ])
      )[0]?.n;
    expect(await count(first as string)).toBeGreaterThan(0);
    expect(await count(IOC_IPS.first)).toBe(0);
    // The rules read behaviour, not the published values: the chain is the scenario's, step for step.
    const steps = await t.db.sql.query<{ stage: string; inferred: boolean }>(
      `SELECT st.key AS stage, c.is_inferred AS inferred FROM chain_steps c JOIN stages st ON st.id = c.stage_id
       WHERE c.incident_id = $1 ORDER BY c.position`,
      [incidentId],
    );
    expect(steps.map((s) => s.stage)).toEqual([...STAGE_KEYS]);
    expect(steps.find((s) => s.stage === "token-forgery")?.inferred).toBe(false);
  }, 180_000);
});
