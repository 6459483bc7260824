"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportJob } from "@/lib/ingest/import-jobs";
import type { Preview } from "@/lib/ingest/preview-file";
import { ImportResult } from "./import-result";
import { type ImportFormOptions, OptionsForm } from "./options-form";
import { PreviewTable } from "./preview-table";

type Upload = { uploadId: string; name: string; size: number };

const DEFAULTS: ImportFormOptions = { format: "", zone: "UTC", timeFormat: "", redact: true, replace: false, mapping: {} };

/** What the API gets: empty choices left out so the importer decides. */
function toApiOptions(o: ImportFormOptions) {
  return {
    format: o.format || undefined,
    zone: o.zone || undefined,
    timeFormat: o.timeFormat || undefined,
    redact: o.redact,
    replace: o.replace,
    mapping: Object.fromEntries(Object.entries(o.mapping).filter(([, v]) => v)),
  };
}

async function readError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: { field: string; reason: string }[] };
  return body.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") || body.error || `HTTP ${res.status}`;
}

/** Upload → preview with options → import with live progress → the account of every line. */
export function ImportClient({ incidentId }: { incidentId: string }) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [options, setOptions] = useState<ImportFormOptions>(DEFAULTS);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isDragging, setIsDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const send = useCallback(
    async (file: File) => {
      setError(null);
      setJob(null);
      setIsBusy(true);
      try {
        const res = await fetch(`/api/incidents/${incidentId}/uploads?name=${encodeURIComponent(file.name)}`, {
          method: "POST",
          body: file,
        });
        if (!res.ok) throw new Error(await readError(res));
        const body = (await res.json()) as Upload & { preview: Preview };
        setUpload({ uploadId: body.uploadId, name: file.name, size: body.size });
        setPreview(body.preview);
        setOptions(DEFAULTS);
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setIsBusy(false);
      }
    },
    [incidentId],
  );

  // Re-preview when the options change (debounced), so the analyst sees the effect before importing.
  useEffect(() => {
    if (!upload || options === DEFAULTS) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/api/incidents/${incidentId}/uploads/${upload.uploadId}/preview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: upload.name, options: toApiOptions(options) }),
      });
      if (res.ok) {
        setPreview((await res.json()) as Preview);
        setError(null);
      } else setError(await readError(res));
    }, 300);
    return () => clearTimeout(t);
  }, [options, upload, incidentId]);

  const follow = useCallback(async (jobId: string) => {
    const res = await fetch(`/api/imports/${jobId}`);
    if (res.ok) setJob((await res.json()) as ImportJob);
    else setError(await readError(res));
  }, []);

  // After a reload: the job named in the address, as it stands now.
  useEffect(() => {
    const jobId = new URLSearchParams(window.location.search).get("job");
    if (jobId) void follow(jobId);
  }, [follow]);

  // Poll a job until it ends.
  useEffect(() => {
    if (job?.status !== "queued" && job?.status !== "running" && job?.status !== "analyzing") return;
    const t = setTimeout(async () => {
      const res = await fetch(`/api/imports/${job.id}`);
      if (res.ok) setJob((await res.json()) as ImportJob);
    }, 400);
    return () => clearTimeout(t);
  }, [job]);

  async function startImport() {
    if (!upload) return;
    setError(null);
    const res = await fetch(`/api/incidents/${incidentId}/sources`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ uploadId: upload.uploadId, name: upload.name, options: toApiOptions(options) }),
    });
    if (!res.ok) return setError(await readError(res));
    const { jobId } = (await res.json()) as { jobId: string };
    // The job is in the database: its id in the address lets a reload (or a restarted server) pick it up.
    window.history.replaceState(null, "", `?job=${jobId}`);
    await follow(jobId);
    setUpload(null);
    setPreview(null);
  }

  return (
    <div className="space-y-4">
      <button
        type="button"
        onClick={() => inputRef.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setIsDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) void send(f);
        }}
        className={`flex w-full flex-col items-center rounded border-2 border-dashed p-8 text-sm ${isDragging ? "border-accent bg-accent/5" : "border-line"}`}
      >
        <span className="font-medium">{isBusy ? "Uploading…" : "Drop a log file here, or click to choose one"}</span>
        <span className="mt-1 text-muted">
          Format detected from content: JSON Lines, JSON arrays, CSV/TSV, Timesketch, syslog, Windows events, cloud audit exports and more
          (see Formats); .gz is read through
        </span>
      </button>
      <input
        ref={inputRef}
        type="file"
        aria-label="Log file"
        className="sr-only"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void send(f);
          e.target.value = "";
        }}
      />
      {error && (
        <p role="alert" className="rounded border border-danger/40 p-3 text-sm text-danger">
          {error}
        </p>
      )}
      {upload && preview && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="font-semibold">
            {upload.name} — read as {preview.format}
          </h2>
          <OptionsForm preview={preview} value={options} onChange={setOptions} />
          {preview.warning && (
            <p role="alert" className="rounded border border-danger/40 p-3 text-sm text-danger">
              {preview.warning}
            </p>
          )}
          <PreviewTable rows={preview.rows} />
          <button type="button" onClick={startImport} className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
            Import {upload.name}
          </button>
        </section>
      )}
      {job && <ImportResult job={job} incidentId={incidentId} />}
    </div>
  );
}
