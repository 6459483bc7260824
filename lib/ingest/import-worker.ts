import { analyzeIncident } from "@/lib/chain/analyze-incident";
import type { Actor, Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import type { ImportJob as JobRow, Prisma } from "@/lib/generated/prisma/client";
import { isStampGone, type ProcessStamp, processStamp } from "@/lib/process-alive";
import { STALE_AFTER_MS } from "./claim-source";
import { ImportRefusedError } from "./file-input";
import { type ImportProgress, type ImportSummary, importFile } from "./import-file";
import { onJobQueued } from "./import-jobs";
import { removeUpload, uploadPath } from "./uploads";

/**
 * A worker that has not beaten its heart for this long is taken to be dead and its job is run
 * again: longer than an import's own staleness (STALE_AFTER_MS), so the retried import finds its
 * source interrupted rather than "being imported right now".
 */
export const JOB_STALE_MS = STALE_AFTER_MS + 5_000;
const BEAT_MS = 1_000;
/** A job that has brought down its worker this many times is given up (a file that kills the server). */
const MAX_ATTEMPTS = 3;

/** This process as a job's worker: host:pid:boot (the boot nonce tells a restarted process with the same pid apart). */
export function workerName(): string {
  const s = processStamp();
  return `${s.host}:${s.pid}:${s.boot}`;
}

function stampOf(worker: string | null): Partial<ProcessStamp> | null {
  if (!worker) return null;
  const [host, pid, boot] = worker.split(":");
  return { host, pid: Number(pid), boot };
}

/**
 * Takes the oldest job that is queued, or whose worker died (its heartbeat older than staleMs, or
 * its process certainly gone: same host and pid dead, or an earlier start of this pid), marking it
 * running under this worker. SKIP LOCKED: two workers never take the same job. Jobs in `skip`
 * (tried in this pass and put back) are left for the next.
 */
export async function claimJob(db: Db, opts: { staleMs?: number; skip?: readonly string[] } = {}): Promise<JobRow | null> {
  const me = processStamp();
  return db.prisma.$transaction(async (tx) => {
    const candidates = await tx.$queryRawUnsafe<{ id: string; worker: string | null; stale: boolean }[]>(
      `SELECT id::text, worker, (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $1)) AS stale
       FROM import_jobs
       WHERE status IN ('queued', 'running', 'analyzing') AND NOT (id::text = ANY($3::text[]))
         AND (status = 'queued' OR worker IS NULL OR heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $1)
              OR worker LIKE $2 || ':%')
       ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 20`,
      (opts.staleMs ?? JOB_STALE_MS) / 1000,
      me.host,
      [...(opts.skip ?? [])],
    );
    const pick = candidates.find((c) => c.worker === null || c.stale || isStampGone(stampOf(c.worker)));
    if (!pick) return null;
    return tx.importJob.update({
      where: { id: pick.id },
      data: { status: "running", worker: workerName(), heartbeatAt: new Date(), startedAt: new Date(), attempts: { increment: 1 } },
    });
  });
}

/** What became of a run: it ended (done or failed), or it was put back to be taken again later. */
export type RunOutcome = "ended" | "requeued" | "lost";

/**
 * Runs one claimed job to its end as the actor who started it: the import (which resumes a source
 * an earlier attempt left unfinished, as re-importing the same file does), then the rules and the
 * chain. Every write is tied to this claim (worker = this process): a worker whose job was taken
 * from it (it was thought dead) stops writing and leaves the upload to the new one. The upload is
 * removed once the job has ended either way.
 */
export async function runJob(db: Db, job: JobRow, onProgress?: (p: ImportProgress) => void): Promise<RunOutcome> {
  const ctx: Ctx = { db, actor: job.actor as unknown as Actor };
  const mine = { id: job.id, worker: job.worker };
  const update = async (data: Prisma.ImportJobUpdateManyMutationInput) =>
    (await db.prisma.importJob.updateMany({ where: mine, data })).count === 1;
  let progress: ImportProgress | null = null;
  const beat = setInterval(() => {
    void update({ heartbeatAt: new Date(), ...(progress ? { progress } : {}) }).catch(() => undefined);
  }, BEAT_MS);
  let outcome: RunOutcome = "ended";
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
    // A retry that finds the file already imported may be its own earlier attempt, which died between
    // committing the import and recording it: the analysis runs then too.
    const analyse = summary.outcome === "imported" || (summary.outcome === "already-imported" && job.attempts > 1);
    if (!(await update({ status: analyse ? "analyzing" : "done", summary, progress: progress ?? undefined }))) {
      outcome = "lost";
      return outcome;
    }
    if (analyse) {
      try {
        // Field rules read only this import's new events; correlation rules and the chain see them all.
        const scope = summary.outcome === "imported" ? { sourceId: summary.sourceId } : {};
        const a = await analyzeIncident(ctx, job.incidentId, scope);
        await update({
          analysis: { eventsTagged: a.rules.eventsTagged, chainSteps: a.chain.steps.length, quietPeriods: a.quietPeriods.length },
        });
      } catch (err) {
        // A rule that fails costs the analysis, never the import: the events are stored.
        await update({ analysisError: (err as Error).message });
      }
    }
    if (!(await update({ status: "done", finishedAt: new Date(), heartbeatAt: new Date() }))) outcome = "lost";
  } catch (err) {
    if (err instanceof ImportRefusedError && /being imported right now/.test(err.message)) {
      // Another process still imports this file (its heartbeat is fresh): put the job back, without
      // spending an attempt, and keep the upload for the next try.
      await update({ status: "queued", worker: null, heartbeatAt: null, attempts: { decrement: 1 } }).catch(() => undefined);
      outcome = "requeued";
    } else {
      const ended = await update({ status: "failed", error: (err as Error).message.slice(0, 2_000), finishedAt: new Date() }).catch(
        () => false,
      );
      if (!ended) outcome = "lost";
    }
  } finally {
    clearInterval(beat);
    // The upload goes once the job has ended here; a job taken by another worker, or put back, still needs it.
    if (outcome === "ended") removeUpload(job.uploadId);
  }
  return outcome;
}

/** Runs jobs one after another until none is left to take; returns how many it ran to their end. */
export async function runQueuedJobs(
  db: Db,
  opts: { staleMs?: number; onJob?: (job: JobRow) => void; onProgress?: (p: ImportProgress) => void } = {},
) {
  let n = 0;
  const putBack: string[] = [];
  for (let job = await claimJob(db, opts); job; job = await claimJob(db, { ...opts, skip: putBack })) {
    opts.onJob?.(job);
    const outcome = await runJob(db, job, opts.onProgress);
    if (outcome === "ended") n += 1;
    else putBack.push(job.id);
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
