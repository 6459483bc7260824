import { authorize, can } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import type { ImportJob as JobRow } from "@/lib/generated/prisma/client";
import type { ImportProgress, ImportSummary } from "./import-file";
import type { TImportOptionsInput } from "./import-options";

/** An import as the API and the page show it, pollable by id, whichever process runs it. */
export type ImportJob = {
  id: string;
  incidentId: string;
  fileName: string;
  /** "queued": waiting for a worker; "analyzing": imported, the rules and chain build running. */
  status: "queued" | "running" | "analyzing" | "done" | "failed";
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  /** What the analysis after the import found (null until it ran, or when nothing new came in). */
  analysis: { eventsTagged: number; chainSteps: number; quietPeriods: number } | null;
  /** Why the analysis failed, when it did: the import itself stands (its events are stored). */
  analysisError: string | null;
  /** How many times a worker took it up: more than one means a server stopped under it and it was resumed. */
  attempts: number;
  startedAt: string;
};

export function jobView(row: JobRow): ImportJob {
  return {
    id: row.id,
    incidentId: row.incidentId,
    fileName: row.fileName,
    status: row.status as ImportJob["status"],
    progress: row.progress as ImportProgress | null,
    summary: row.summary as ImportSummary | null,
    error: row.error,
    analysis: row.analysis as ImportJob["analysis"],
    analysisError: row.analysisError,
    attempts: row.attempts,
    startedAt: (row.startedAt ?? row.createdAt).toISOString(),
  };
}

// Wakes this process's worker when a job is queued (instead of waiting for its next poll).
const holder = globalThis as typeof globalThis & { __chainlineWakeWorker?: () => void };

/** Lets this process's import worker be woken as soon as a job is queued. */
export function onJobQueued(wake: () => void): void {
  holder.__chainlineWakeWorker = wake;
}

/**
 * Queues an import of an uploaded file (refused at once for someone who may not import here),
 * to be run by an import worker: this server's, or any process running `chainline jobs run`.
 */
export async function enqueueImportJob(
  ctx: Ctx,
  args: { incidentId: string; uploadId: string; fileName: string; options: TImportOptionsInput },
): Promise<ImportJob> {
  await authorize(ctx, args.incidentId, "evidence.edit");
  const row = await ctx.db.prisma.importJob.create({
    data: {
      incidentId: args.incidentId,
      actor: ctx.actor,
      uploadId: args.uploadId,
      fileName: args.fileName,
      options: args.options as object,
    },
  });
  holder.__chainlineWakeWorker?.();
  return jobView(row);
}

/** A job, or null when there is none by that id or the actor may not see its incident. */
export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob | null> {
  if (!isUuid(id)) return null;
  const row = await ctx.db.prisma.importJob.findUnique({ where: { id } });
  if (!row || !(await can(ctx, row.incidentId, "evidence.view"))) return null;
  return jobView(row);
}

/** The incident's imports not yet finished, oldest first: the import page shows them after a reload. */
export async function listUnfinishedJobs(ctx: Ctx, incidentId: string): Promise<ImportJob[]> {
  if (!(await can(ctx, incidentId, "evidence.view"))) return [];
  const rows = await ctx.db.prisma.importJob.findMany({
    where: { incidentId, status: { in: ["queued", "running", "analyzing"] } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(jobView);
}
