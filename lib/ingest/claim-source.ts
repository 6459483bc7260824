import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { Source } from "@/lib/generated/prisma/client";
import { isStampGone, type ProcessStamp, processStamp } from "@/lib/process-alive";
import { ImportRefusedError } from "./file-input";
import type { TImportOptions } from "./import-options";

/** An importer that has not beaten its heart for this long is taken to be dead. */
export const STALE_AFTER_MS = 30_000;

/** The owner of an "importing" source: this host, pid and start, written when the import starts. */
export function importerStamp() {
  return processStamp();
}

/**
 * Whether an "importing" source's importer is alive: its heartbeat is fresh, unless the importer
 * certainly is gone (it ran on this host and its pid is dead, or is this pid from an earlier
 * start), so a kill -9 or a restart is recognised at once rather than after STALE_AFTER_MS.
 */
export function isAlive(source: Pick<Source, "heartbeatAt" | "progress">): boolean {
  if (!source.heartbeatAt || Date.now() - source.heartbeatAt.getTime() >= STALE_AFTER_MS) return false;
  return !isStampGone(source.progress as Partial<ProcessStamp> | null);
}

/** "claimed": import into sourceId; `replaces` is the complete source of the same bytes its reading replaces. */
type Claim = { kind: "done"; source: Source } | { kind: "claimed"; sourceId: string; replaces: string | null };

/**
 * Finds or creates the Source for these bytes in this incident. The same sha256 already
 * complete → "done" (nothing new to import), unless the options ask to replace that reading: then
 * a new source reads the file and its finalize replaces the complete one. Failed, empty, or left
 * "importing" by a process that died → resumed: its staged rows and issues are cleared and the
 * file is read again. One that is importing right now → refused.
 */
export async function claimSource(
  ctx: Ctx,
  args: { incidentId: string; fileName: string; sha256: string; size: number; format: string; options: TImportOptions },
): Promise<Claim> {
  const { prisma } = ctx.db;
  const complete = await prisma.source.findFirst({
    where: { incidentId: args.incidentId, sha256: args.sha256, status: "complete" },
    orderBy: { importedAt: "desc" },
  });
  if (complete && !args.options.replace) return { kind: "done", source: complete };
  // A reading that did not complete (failed, empty, interrupted) is read again in place.
  const existing = await prisma.source.findFirst({
    where: { incidentId: args.incidentId, sha256: args.sha256, status: { not: "complete" } },
    orderBy: { importedAt: "desc" },
  });
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
  // The reading to replace: the complete source of these bytes (a replacement that died and is
  // resumed finds it again here).
  const replaces = args.options.replace ? (complete?.id ?? null) : null;
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
      return { kind: "claimed", sourceId: source.id, replaces };
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
    return { kind: "claimed", sourceId: source.id, replaces };
  });
}
