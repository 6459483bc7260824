import { randomUUID } from "node:crypto";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import type { Ctx } from "@/lib/context/ctx";
import { type ImportFileArgs, type ImportProgress, type ImportSummary, importFile } from "./import-file";

/** An import running in this server process, pollable by id. */
export type ImportJob = {
  id: string;
  incidentId: string;
  fileName: string;
  /** "analyzing": imported; the rules, quiet-period detection and chain build are running. */
  status: "running" | "analyzing" | "done" | "failed";
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  /** What the analysis after the import found (null until it ran, or when nothing new came in). */
  analysis: { eventsTagged: number; chainSteps: number; quietPeriods: number } | null;
  /** Why the analysis failed, when it did: the import itself stands (its events are stored). */
  analysisError: string | null;
  startedAt: string;
};

// On globalThis so every route bundle of the Next.js server sees the same jobs.
const holder = globalThis as typeof globalThis & { __chainlineJobs?: Map<string, ImportJob> };
holder.__chainlineJobs ??= new Map();
const jobs = holder.__chainlineJobs;

/** Starts an import in the background and returns its job at once. */
export function startImportJob(ctx: Ctx, args: ImportFileArgs & { fileName: string }, onFinish?: () => void): ImportJob {
  const job: ImportJob = {
    id: randomUUID(),
    incidentId: args.incidentId,
    fileName: args.fileName,
    status: "running",
    progress: null,
    summary: null,
    error: null,
    analysis: null,
    analysisError: null,
    startedAt: new Date().toISOString(),
  };
  jobs.set(job.id, job);
  importFile(ctx, { ...args, onProgress: (p) => (job.progress = { ...p }) })
    .then(async (s) => {
      job.summary = s;
      if (s.outcome === "imported") {
        // Field rules read only this import's events; correlation rules and the chain see them all.
        job.status = "analyzing";
        try {
          const a = await analyzeIncident(ctx, args.incidentId, { sourceId: s.sourceId });
          job.analysis = { eventsTagged: a.rules.eventsTagged, chainSteps: a.chain.steps.length, quietPeriods: a.quietPeriods.length };
        } catch (err) {
          // A rule that fails costs the analysis, never the import: the events are stored.
          job.analysisError = (err as Error).message;
        }
      }
      job.status = "done";
    })
    .catch((err: Error) => {
      job.error = err.message;
      job.status = "failed";
    })
    .finally(() => onFinish?.());
  return job;
}

export function getImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}
