import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { refreshEventHourly } from "@/lib/rollup/event-hourly";
import { isAlive } from "./claim-source";
import { importLockKey } from "./finalize-steps";
import { removeSourceEvents } from "./source-rows";

/** What deleting a source removed, and what the analysis rebuilt afterwards found. */
export type DeletedSource = {
  sourceId: string;
  name: string;
  events: number;
  annotations: number;
  analysis: { eventsTagged: number; chainSteps: number } | null;
  analysisError: string | null;
};

export const ZDeleteSource = z.object({ confirm: z.string() });

/**
 * Deletes one imported file from an incident: its events with their entity links, rule matches,
 * annotations and redaction findings, its rejected lines and gaps, and the source itself, in one
 * transaction with its audit entry (under the incident's import lock, so no import decides what
 * is new meanwhile). The confirmation is the file's name. Then the rules run again and the chain
 * is rebuilt from what is left; a rule that fails costs the analysis, never the delete.
 */
export async function deleteSource(ctx: Ctx, incidentId: string, sourceId: string, input: unknown): Promise<DeletedSource> {
  const { confirm } = ZDeleteSource.parse(input);
  await authorize(ctx, incidentId, "evidence.edit");
  const source = isUuid(sourceId) ? await ctx.db.prisma.source.findFirst({ where: { id: sourceId, incidentId } }) : null;
  if (!source) throw new NotFoundError(`no source ${sourceId} in incident ${incidentId}`);
  if (confirm !== source.name) {
    throw new z.ZodError([
      { code: "custom", path: ["confirm"], message: `give the file's name to delete it: ${source.name}`, input: confirm },
    ]);
  }
  if (source.status === "importing" && isAlive(source)) {
    throw new InvalidRequestError(`${source.name} is being imported right now: wait for it to finish`);
  }
  const removed = await ctx.db.sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${importLockKey})`, [incidentId]);
    const rows = await removeSourceEvents(tx, incidentId, sourceId);
    await tx.query("DELETE FROM sources WHERE id = $1", [sourceId]);
    await refreshEventHourly(tx, incidentId);
    await recordAuditSql(tx, ctx, {
      action: "source.delete",
      entityType: "Source",
      entityId: sourceId,
      incidentId,
      before: { name: source.name, sha256: source.sha256, format: source.format, events: rows.events, annotations: rows.annotations },
    });
    return rows;
  });
  const result: DeletedSource = { sourceId, name: source.name, ...removed, analysis: null, analysisError: null };
  try {
    const a = await analyzeIncident(ctx, incidentId);
    result.analysis = { eventsTagged: a.rules.eventsTagged, chainSteps: a.chain.steps.length };
  } catch (err) {
    result.analysisError = (err as Error).message;
  }
  return result;
}
