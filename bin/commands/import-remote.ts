import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ImportSummary } from "@/lib/ingest/import-file";
import type { ImportJob } from "@/lib/ingest/import-jobs";
import type { TImportOptionsInput } from "@/lib/ingest/import-options";
import { createProgressBar } from "../progress-bar";
import { type Remote, RemoteError, remoteFetch } from "../remote";

/** The import options as the sources API reads them from its query string. */
function queryOf(fileName: string, o: TImportOptionsInput): string {
  const q = new URLSearchParams({ name: fileName });
  if (o.format) q.set("format", o.format);
  if (o.zone) q.set("tz", o.zone);
  if (o.timeFormat) q.set("timeFormat", o.timeFormat);
  if (o.year !== undefined) q.set("year", String(o.year));
  if (o.mapping && Object.keys(o.mapping).length)
    q.set(
      "map",
      Object.entries(o.mapping)
        .map(([k, v]) => `${k}=${v}`)
        .join(","),
    );
  if (o.redact === false) q.set("redact", "false");
  if (o.retentionDays !== undefined) q.set("retentionDays", String(o.retentionDays));
  if (o.replace) q.set("replace", "true");
  return q.toString();
}

/**
 * Imports one file through a running server's API with the token: streams the bytes to
 * POST /api/incidents/:id/sources, then follows the import job until it ends (the server also
 * runs the rules and rebuilds the chain, as after an upload in the app).
 */
export async function importRemote(remote: Remote, incidentId: string, file: string, options: TImportOptionsInput): Promise<ImportSummary> {
  const size = statSync(file).size;
  const bar = createProgressBar(file);
  try {
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    const started = (await remoteFetch(
      remote,
      `/api/incidents/${encodeURIComponent(incidentId)}/sources?${queryOf(path.basename(file), options)}`,
      {
        method: "POST",
        headers: { "content-type": "application/octet-stream", "content-length": String(size) },
        body,
        duplex: "half",
      },
    )) as { jobId: string; statusUrl: string };
    for (;;) {
      const job = (await remoteFetch(remote, started.statusUrl)) as ImportJob;
      if (job.progress) bar.update(job.progress);
      if (job.status === "failed") throw new RemoteError(`${file}: ${job.error ?? "the import failed on the server"}`);
      if (job.status === "done" && job.summary) return job.summary;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    bar.done();
  }
}
