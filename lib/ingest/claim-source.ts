import os from "node:os";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { Source } from "@/lib/generated/prisma/client";
import { isProcessAlive } from "@/lib/process-alive";
import { ImportRefusedError } from "./file-input";
import type { TImportOptions } from "./import-options";

/** An importer that has not beaten its heart for this long is taken to be dead. */
export const STALE_AFTER_MS = 30_000;

/** The owner of an "importing" source: this host and pid, written when the import starts. */
export function importerStamp() {
  return { host: os.hostname(), pid: process.pid };
}

// Alive when the heartbeat is fresh, unless the importer ran on this host and its pid is gone
// (a kill -9 is then recognised at once rather than after STALE_AFTER_MS).
function isAlive(source: Source): boolean {
  if (!source.heartbeatAt || Date.now() - source.heartbeatAt.getTime() >= STALE_AFTER_MS) return false;
  const owner = source.progress as { host?: string; pid?: number } | null;
  if (owner?.host === os.hostname() && typeof owner.pid === "number") return isProcessAlive(owner.pid);
  return true;
}

type Claim = { kind: "done"; source: Source } | { kind: "claimed"; sourceId: string };

/**
 * Finds or creates the Source for these bytes in this incident. The same sha256 already
 * complete → "done" (nothing new to import). Failed, or left "importing" by a process that
 * died → resumed: its staged rows and issues are cleared and the file is read again. One that
 * is importing right now → refused.
 */
export async function claimSource(
  ctx: Ctx,
  args: { incidentId: string; fileName: string; sha256: string; size: number; format: string; options: TImportOptions },
): Promise<Claim> {
  const { prisma } = ctx.db;
  const existing = await prisma.source.findFirst({
    where: { incidentId: args.incidentId, sha256: args.sha256 },
    orderBy: { importedAt: "desc" },
  });
  if (existing?.status === "complete") return { kind: "done", source: existing };
  if (existing?.status === "importing" && isAlive(existing)) {
    throw new ImportRefusedError(`${args.fileName}: being imported right now (source ${existing.id}); wait for it to finish`);
  }
  const data = {
    name: args.fileName,
    format: args.format,
    status: "importing" as const,
    error: null,
    options: args.options,
    heartbeatAt: new Date(),
    progress: importerStamp(),
    retentionDays: args.options.retentionDays ?? null,
    importedById: ctx.actor.userId,
  };
  return prisma.$transaction(async (tx) => {
    if (existing) {
      await tx.importIssue.deleteMany({ where: { sourceId: existing.id } });
      const source = await tx.source.update({ where: { id: existing.id }, data });
      await recordAudit(tx, ctx, {
        action: "source.import.resume",
        entityType: "Source",
        entityId: source.id,
        incidentId: args.incidentId,
        before: existing,
        after: source,
      });
      return { kind: "claimed", sourceId: source.id };
    }
    const source = await tx.source.create({
      data: { ...data, incidentId: args.incidentId, sha256: args.sha256, sizeBytes: BigInt(args.size) },
    });
    await recordAudit(tx, ctx, {
      action: "source.import.start",
      entityType: "Source",
      entityId: source.id,
      incidentId: args.incidentId,
      after: source,
    });
    return { kind: "claimed", sourceId: source.id };
  });
}
