import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { isAlive } from "@/lib/ingest/claim-source";
import { dropOrphanPartitions } from "@/lib/ingest/event-partitions";
import { removeIncidentUploads } from "@/lib/ingest/uploads";
import { ZDeleteIncidentSchema } from "@/lib/schemas/incident";

/** What a delete removed, for the answer and the audit entry. */
export type DeletedIncident = { id: string; title: string; sources: number; events: number; uploads: number };

// The tables whose rows an incident's delete cascades to (its events and their links are not
// among them: their tables are dropped whole): vacuumed afterwards so the space is
// reused at once rather than when autovacuum comes round.
const PER_INCIDENT_TABLES = ["entities", "rule_matches", "annotations", "import_issues", "chain_steps"];

/**
 * Deletes an incident and everything in it: owners only (incident.manage), and only when the
 * confirmation is its title typed exactly. Refused while one of its imports is running. One
 * transaction removes the incident (its sources, events, chain, stories… cascade) and records
 * the audit entry, which outlives it; then its events' and links' tables are dropped (with the
 * unattached tables of interrupted imports), the uploads never imported are removed, and the
 * tables are vacuumed (in the background) so the space is free for reuse.
 */
export async function deleteIncident(ctx: Ctx, incidentId: string, input: unknown): Promise<DeletedIncident> {
  const { confirm } = ZDeleteIncidentSchema.parse(input);
  await authorize(ctx, incidentId, "incident.manage");
  const { prisma } = ctx.db;
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, include: { sources: true } });
  if (!incident) throw new NotFoundError(`no incident ${incidentId}`);
  if (confirm !== incident.title) {
    throw new z.ZodError([
      { code: "custom", path: ["confirm"], message: `type the incident's title exactly to delete it: ${incident.title}`, input: confirm },
    ]);
  }
  const running = incident.sources.find((s) => s.status === "importing" && isAlive(s));
  if (running) throw new InvalidRequestError(`${running.name} is being imported into this incident right now: wait for it to finish`);
  const job = await prisma.importJob.findFirst({ where: { incidentId, status: { in: ["running", "analyzing"] } } });
  if (job) throw new InvalidRequestError(`${job.fileName} is being imported into this incident right now: wait for it to finish`);

  const deleted = await prisma.$transaction(async (tx) => {
    // No import decides what is new in it meanwhile (the same lock an import's final step takes).
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('chainline.import'), hashtext(${incidentId}))::text AS locked`;
    const events = await tx.event.count({ where: { incidentId } });
    // What two foreign keys do, done here as well: a cluster drops them (lib/db/distribution.ts).
    await tx.rule.deleteMany({ where: { incidentId } });
    await tx.exercise.updateMany({ where: { sourceIncidentId: incidentId }, data: { sourceIncidentId: null } });
    await tx.incident.delete({ where: { id: incidentId } });
    const d: DeletedIncident = { id: incidentId, title: incident.title, sources: incident.sources.length, events, uploads: 0 };
    await recordAudit(tx, ctx, {
      action: "incident.delete",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      before: { title: incident.title, summary: incident.summary, status: incident.status, sources: d.sources, events },
    });
    return d;
  });
  deleted.uploads = removeIncidentUploads(incidentId);
  // In the background: the incident's events and links go with their tables (detached
  // concurrently, which waits for the transactions already running in any incident), and a
  // VACUUM of large tables takes a while; the answer need not wait for either.
  void dropOrphanPartitions(ctx.db.sql)
    .then(() => ctx.db.sql.exec(`VACUUM ${PER_INCIDENT_TABLES.join(", ")}`))
    .catch(() => undefined);
  return deleted;
}
