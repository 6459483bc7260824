// A tabletop session from the Storm-0558 scenario: one variant (other identities, moved in time)
// loaded into an incident of its own with the whole analysis (rules, gaps, chain, the public
// record's assessments), and a replay session on it that starts before the first event. The
// facilitator owns the incident and steps its clock; the players watch and decide.

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { assertMayWrite } from "@/lib/access/authorize";
import { createIncident } from "@/lib/actions/create-incident";
import type { Ctx } from "@/lib/context/ctx";
import { createReplaySession } from "@/lib/replay/replay-session";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { generateScenario } from "@/scenarios/storm-0558/generate";
import { variantShiftWeeks, writeVariant } from "@/scenarios/storm-0558/variant";
import { newVariant } from "./new-variant";

export const ZCreateTabletop = z.object({
  title: z.string().trim().min(1).max(200),
  noise: z.number().int().min(0).max(200_000).default(2000),
});

export async function createScenarioTabletop(ctx: Ctx, input: z.input<typeof ZCreateTabletop>) {
  assertMayWrite(ctx);
  const data = ZCreateTabletop.parse(input);
  const seed = 558;
  const work = await mkdtemp(path.join(os.tmpdir(), "chainline-tabletop-"));
  try {
    const base = path.join(work, "base");
    const dir = path.join(work, "variant");
    await generateScenario({ outDir: base, seed, noise: data.noise });
    const variant = newVariant();
    await writeVariant(base, dir, variant);
    const incident = await createIncident(ctx, {
      title: `${data.title} (tabletop)`,
      summary: `Tabletop replay of the Storm-0558 scenario, variant ${variant}: other identities, every date ${variantShiftWeeks(variant)} weeks later.`,
      stageSet: "storm-0558",
    });
    await loadScenario(ctx, { dir, seed, noise: data.noise, incidentId: incident.id });
    const session = await createReplaySession(ctx, incident.id, { title: data.title });
    return { incidentId: incident.id, sessionId: session.id, variant, shiftWeeks: variantShiftWeeks(variant) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
