"use client";

import Link from "next/link";
import type { ImportJob } from "@/lib/ingest/import-jobs";

function mib(n: number) {
  return `${(n / 1048576).toFixed(1)} MiB`;
}

/** Live progress of an import job, then its account of every line. */
export function ImportResult({ job, incidentId }: { job: ImportJob; incidentId: string }) {
  const p = job.progress;
  const frac = p?.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  if (job.status === "failed") {
    return (
      <p role="alert" className="rounded border border-danger/40 p-3 text-sm text-danger">
        {job.summary ? "Imported, but the analysis afterwards failed" : "Import failed"}: {job.error}
      </p>
    );
  }
  if (job.status === "queued" || (job.status === "running" && !p)) {
    return (
      <div role="status" className="space-y-1 rounded border border-line bg-panel p-3 text-sm">
        <div>
          {job.fileName}: {job.status === "queued" ? "waiting for the import worker" : "starting"}
          {job.attempts > 1
            ? ` (attempt ${job.attempts}: the server stopped during an earlier one; it starts again from the beginning)`
            : ""}
        </div>
        <progress className="w-full" aria-label="Import progress" />
      </div>
    );
  }
  if (job.status === "running" && p?.phase === "finalizing") {
    // One transaction with no progress of its own (about as long again as reading on a large
    // file): a full bar standing still would look like a hang, so the bar is indeterminate.
    return (
      <div role="status" className="space-y-1 rounded border border-line bg-panel p-3 text-sm">
        <div>
          finalizing · all {mib(p.bytesTotal)} read · writing {p.records.toLocaleString("en-US")} records into the incident (duplicates,
          entities, redactions) in one transaction
        </div>
        <progress className="w-full" aria-label="Import progress" />
      </div>
    );
  }
  if (job.status === "running") {
    return (
      <div role="status" className="space-y-1 rounded border border-line bg-panel p-3 text-sm">
        <div>
          {p?.phase ?? "starting"} · {p ? `${mib(p.bytesRead)} of ${mib(p.bytesTotal)}` : ""} · {(p?.records ?? 0).toLocaleString("en-US")}{" "}
          records
          {job.attempts > 1 ? " · resumed after a server restart, from the beginning" : ""}
        </div>
        <progress className="w-full" max={1} value={frac} aria-label="Import progress" />
      </div>
    );
  }
  const s = job.summary;
  if (!s) return null;
  if (job.status === "analyzing") {
    return (
      <div role="status" className="rounded border border-line bg-panel p-3 text-sm">
        Imported {s.imported.toLocaleString("en-US")} events · running the rules and rebuilding the chain…
      </div>
    );
  }
  if (s.outcome === "empty" || s.outcome === "rejected") {
    return (
      <div role="alert" className="space-y-2 rounded border border-danger/40 p-3 text-sm">
        <p className="font-semibold text-danger">Nothing imported: {s.reason}</p>
        <p>
          Read {s.read.toLocaleString("en-US")} · rejected {s.rejected.toLocaleString("en-US")}. Change the format, time zone or field
          mapping above and import the file again; it is read afresh.
        </p>
        <Link href={`/incidents/${incidentId}/sources/${s.sourceId}`} className="text-accent underline">
          {s.rejected ? "See the rejected lines" : "See the source"}
        </Link>
      </div>
    );
  }
  return (
    <div role="status" className="space-y-2 rounded border border-line bg-panel p-3 text-sm">
      <p className="font-semibold">
        {s.outcome === "already-imported"
          ? "Already imported: the same file (same sha256) is in this incident; nothing new."
          : "Import complete."}
      </p>
      <p>
        Read {s.read.toLocaleString("en-US")} · imported {s.imported.toLocaleString("en-US")} · duplicate{" "}
        {s.duplicate.toLocaleString("en-US")} · rejected {s.rejected.toLocaleString("en-US")} · secrets redacted{" "}
        {s.redacted.toLocaleString("en-US")} ({s.seconds.toFixed(1)} s)
      </p>
      {s.replaced && (
        <p>
          Replaced the earlier reading of this file ({s.replaced.events.toLocaleString("en-US")} events):{" "}
          {s.replaced.annotationsCarried.toLocaleString("en-US")} annotations carried over to the same records
          {s.replaced.annotationsLost
            ? `, ${s.replaced.annotationsLost.toLocaleString("en-US")} lost with records the new reading no longer holds`
            : ""}
          .
        </p>
      )}
      {s.yearInferred && <p className="text-muted">Some timestamps had no year; it was inferred.</p>}
      {job.analysis && (
        <p className="text-muted">
          Rules tag {job.analysis.eventsTagged.toLocaleString("en-US")} events of this incident · chain of {job.analysis.chainSteps} steps ·{" "}
          {job.analysis.quietPeriods} quiet periods detected
        </p>
      )}
      {job.analysisError && (
        <p role="alert" className="text-danger">
          The events are stored, but the analysis afterwards failed: {job.analysisError}. Fix or disable the rule, then run the rules again.
        </p>
      )}
      <Link href={`/incidents/${incidentId}/sources/${s.sourceId}`} className="text-accent underline">
        {s.rejected ? "See the rejected lines" : "See the source"}
      </Link>
    </div>
  );
}
