import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context/ctx";
import { type ImportFileArgs, type ImportProgress, type ImportSummary, importFile } from "./import-file";

/** An import running in this server process, pollable by id. */
export type ImportJob = {
  id: string;
  incidentId: string;
  fileName: string;
  status: "running" | "done" | "failed";
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
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
    startedAt: new Date().toISOString(),
  };
  jobs.set(job.id, job);
  importFile(ctx, { ...args, onProgress: (p) => (job.progress = { ...p }) })
    .then((s) => {
      job.summary = s;
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
