import os from "node:os";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import type { Actor, Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import type { ImportJob as JobRow } from "@/lib/generated/prisma/client";
import { isProcessAlive } from "@/lib/process-alive";
import { type ImportProgress, type ImportSummary, importFile } from "./import-file";
import { onJobQueued } from "./import-jobs";
import { removeUpload, uploadPath } from "./uploads";

/** A worker that has not beaten its heart for this long is taken to be dead; its job is run again. */
export const JOB_STALE_MS = 15_000;
const BEAT_MS = 1_000;
/** A job that has brought down its worker this many times is given up (a file that kills the server). */
const MAX_ATTEMPTS = 3;

export function workerName(): string {
  return `${os.hostname()}:${process.pid}`;
}

// A job of a worker on this host whose process is gone can be taken at once (a restarted server
// need not wait for the heartbeat to go stale).
function isOrphan(worker: string | null): boolean {
  const [host, pid] = (worker ?? "").split(":");
  return host === os.hostname() && Number(pid) !== process.pid && !isProcessAlive(Number(pid));
}

/**
 * Takes the oldest job that is queued, or whose worker died (its heartbeat older than staleMs,
 * or its process gone from this host), marking it running under this worker. SKIP LOCKED: two
 * workers never take the same job.
 */
export async function claimJob(db: Db, staleMs = JOB_STALE_MS): Promise<JobRow | null> {
  const me = workerName();
  return db.prisma.$transaction(async (tx) => {
    const candidates = await tx.$queryRawUnsafe<{ id: string; worker: string | null; stale: boolean }[]>(
      `SELECT id::text, worker, (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $1)) AS stale
       FROM import_jobs WHERE status IN ('queued', 'running', 'analyzing')
       ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 20`,
      staleMs / 1000,
    );
    const pick = candidates.find((c) => c.worker === null || c.stale || isOrphan(c.worker));
    if (!pick) return null;
    return tx.importJob.update({
      where: { id: pick.id },
      data: { status: "running", worker: me, heartbeatAt: new Date(), startedAt: new Date(), attempts: { increment: 1 } },
    });
  });
}

/**
 * Runs one claimed job to its end as the actor who started it: the import (which resumes a source
 * an earlier attempt left unfinished, as re-importing the same file does), then the rules and the
 * chain. The upload is removed once the job has ended either way.
 */
export async function runJob(db: Db, job: JobRow, onProgress?: (p: ImportProgress) => void): Promise<void> {
  const ctx: Ctx = { db, actor: job.actor as unknown as Actor };
  const update = (data: Parameters<typeof db.prisma.importJob.update>[0]["data"]) =>
    db.prisma.importJob.update({ where: { id: job.id }, data });
  let progress: ImportProgress | null = null;
  const beat = setInterval(() => {
    void update({ heartbeatAt: new Date(), ...(progress ? { progress } : {}) }).catch(() => undefined);
  }, BEAT_MS);
  try {
    if (job.attempts > MAX_ATTEMPTS) throw new Error(`gave up after ${MAX_ATTEMPTS} attempts: the server stopped each time it ran`);
    const filePath = uploadPath(job.uploadId, { userId: ctx.actor.userId, incidentId: job.incidentId });
    if (!filePath) throw new Error(`${job.fileName}: the uploaded file is gone; upload it again`);
    // An earlier attempt that imported the file and died in the analysis: only the analysis runs again.
    const earlier = job.summary as ImportSummary | null;
    const summary =
      earlier?.outcome === "imported"
        ? earlier
        : await importFile(ctx, {
            incidentId: job.incidentId,
            filePath,
            fileName: job.fileName,
            options: job.options as object,
            onProgress: (p) => {
              progress = { ...p };
              onProgress?.(progress);
            },
          });
    await update({ status: summary.outcome === "imported" ? "analyzing" : "done", summary, progress: progress ?? undefined });
    if (summary.outcome === "imported") {
      try {
        // Field rules read only this import's events; correlation rules and the chain see them all.
        const a = await analyzeIncident(ctx, job.incidentId, { sourceId: summary.sourceId });
        await update({
          analysis: { eventsTagged: a.rules.eventsTagged, chainSteps: a.chain.steps.length, quietPeriods: a.quietPeriods.length },
        });
      } catch (err) {
        // A rule that fails costs the analysis, never the import: the events are stored.
        await update({ analysisError: (err as Error).message });
      }
    }
    await update({ status: "done", finishedAt: new Date(), heartbeatAt: new Date() });
  } catch (err) {
    await update({ status: "failed", error: (err as Error).message.slice(0, 2_000), finishedAt: new Date() }).catch(() => undefined);
  } finally {
    clearInterval(beat);
    removeUpload(job.uploadId);
  }
}

/** Runs jobs one after another until none is left to take; returns how many it ran. */
export async function runQueuedJobs(
  db: Db,
  opts: { staleMs?: number; onJob?: (job: JobRow) => void; onProgress?: (p: ImportProgress) => void } = {},
) {
  let n = 0;
  for (let job = await claimJob(db, opts.staleMs); job; job = await claimJob(db, opts.staleMs)) {
    opts.onJob?.(job);
    await runJob(db, job, opts.onProgress);
    n += 1;
  }
  return n;
}

/**
 * The server's import worker: runs queued jobs one at a time (an import keeps both cores busy),
 * woken when a job is queued here and polling every few seconds for jobs queued elsewhere or left
 * by a worker that died.
 */
export function startImportWorker(db: Db): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runQueuedJobs(db);
    } catch (err) {
      console.error(`chainline: import worker: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  onJobQueued(() => void tick());
  setInterval(() => void tick(), 3_000).unref();
  void tick();
}
