import type { Ctx } from "@/lib/context/ctx";
import { DEMO_TITLE } from "@/lib/demo-title";
import { createIncident } from "./create-incident";

export { DEMO_TITLE };

/** Creates the demo incident once (idempotent); lib/scenarios/load-scenario.ts fills it. */
export async function ensureDemoIncident(ctx: Ctx) {
  const existing = await ctx.db.prisma.incident.findFirst({ where: { title: DEMO_TITLE } });
  if (existing) return { incident: existing, created: false };
  const incident = await createIncident(ctx, {
    title: DEMO_TITLE,
    summary:
      "A consumer signing key (2016) leaked, most probably through an April 2021 crash dump, and was used in May–June 2023 " +
      "to forge tokens that read the mailboxes of about 25 organizations. A generated scenario: people, tenants and hosts are " +
      "invented; dates, stages, the key id, IOCs and each log's shape follow the public record.",
    stageSet: "storm-0558",
  });
  return { incident, created: true };
}
