import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { STALE_AFTER_MS } from "@/lib/ingest/claim-source";

/** A source with its chain of custody and its account of lines, for the Sources view and API. */
export type SourceItem = {
  id: string;
  name: string;
  format: string;
  sha256: string;
  sizeBytes: number;
  importedBy: string;
  importedAt: Date;
  finishedAt: Date | null;
  /**
   * "interrupted": left importing by a process that stopped; import the file again to resume.
   * "empty": the file held no record; "failed": it stopped, or every record was rejected (`error` says which).
   */
  status: "pending" | "importing" | "complete" | "failed" | "empty" | "interrupted";
  error: string | null;
  readCount: number;
  importedCount: number;
  duplicateCount: number;
  rejectedCount: number;
  redactedCount: number;
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  progress: Record<string, unknown>;
};

/** The incident's sources, oldest import first (empty when the actor is not a member). */
export async function listSources(ctx: Ctx, incidentId: string): Promise<SourceItem[]> {
  if (!(await can(ctx, incidentId, "evidence.view"))) return [];
  const rows = await ctx.db.prisma.source.findMany({
    where: { incidentId, incident: { memberships: { some: { userId: ctx.actor.userId } } } },
    orderBy: { importedAt: "asc" },
    include: { importedBy: { select: { name: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    format: s.format,
    sha256: s.sha256,
    sizeBytes: Number(s.sizeBytes),
    importedBy: s.importedBy.name,
    importedAt: s.importedAt,
    finishedAt: s.finishedAt,
    status:
      s.status === "importing" && (!s.heartbeatAt || Date.now() - s.heartbeatAt.getTime() > STALE_AFTER_MS) ? "interrupted" : s.status,
    error: s.error,
    readCount: s.readCount,
    importedCount: s.importedCount,
    duplicateCount: s.duplicateCount,
    rejectedCount: s.rejectedCount,
    redactedCount: s.redactedCount,
    firstEventAt: s.firstEventAt,
    lastEventAt: s.lastEventAt,
    progress: (s.progress ?? {}) as Record<string, unknown>,
  }));
}
