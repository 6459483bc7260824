"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm";

/**
 * Makes a new incident from a case file another Chainline wrote (Overview → Download the case
 * file). The bytes go to the server as they are read; the import is all or nothing, so an error
 * leaves no half-made incident behind, and names the line at fault.
 */
export function ImportCaseForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("caseFile");
    if (!(file instanceof File) || file.size === 0) {
      setError("choose a case file");
      return;
    }
    setBusy(true);
    setError(null);
    const q = new URLSearchParams({ name: file.name });
    const title = String(form.get("caseTitle") ?? "").trim();
    if (title) q.set("title", title);
    try {
      const res = await fetch(`/api/incidents/case-file?${q}`, { method: "POST", body: file });
      const body = (await res.json().catch(() => ({}))) as { incidentId?: string; error?: string };
      if (!res.ok || !body.incidentId) throw new Error(body.error ?? `the server answered ${res.status}`);
      router.push(`/incidents/${body.incidentId}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-3 rounded border border-line bg-panel p-4" aria-labelledby="import-case-heading">
      <h2 id="import-case-heading" className="font-semibold">
        Import a case file
      </h2>
      <p className="text-sm text-muted">A new incident with everything the file holds: events, chain, gaps, stories, notes, audit trail.</p>
      <div>
        <label htmlFor="caseFile" className="text-sm font-medium">
          Case file (.chainline-case.jsonl.gz)
        </label>
        <input id="caseFile" name="caseFile" type="file" accept=".gz,.jsonl,application/gzip" className={FIELD} />
      </div>
      <div>
        <label htmlFor="caseTitle" className="text-sm font-medium">
          Title <span className="text-muted">(optional: the file's by default)</span>
        </label>
        <input id="caseTitle" name="caseTitle" maxLength={200} className={FIELD} />
      </div>
      {error && (
        <p role="alert" className="whitespace-pre-wrap text-sm text-danger">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {busy ? "Importing…" : "Import"}
      </button>
    </form>
  );
}
