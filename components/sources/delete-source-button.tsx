"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

/** Deletes a source in two steps: the first click says what will go, the second does it. */
export function DeleteSourceButton({
  incidentId,
  sourceId,
  name,
  events,
}: {
  incidentId: string;
  sourceId: string;
  name: string;
  events: number;
}) {
  const router = useRouter();
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asked) {
    return (
      <button type="button" onClick={() => setAsked(true)} className="rounded border border-danger/40 px-3 py-1 text-sm text-danger">
        Delete source…
      </button>
    );
  }
  return (
    <fieldset aria-label="Confirm deleting the source" className="space-y-2 rounded border border-danger/40 p-3 text-sm">
      <p>
        Delete {name} and the {events.toLocaleString("en-US")} events read from it, with their annotations, rule matches and entity links?
        The rules then run again and the chain is rebuilt from what is left. The audit log keeps a record.
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const r = await fetchJson(`/api/incidents/${incidentId}/sources/${sourceId}`, "DELETE", { confirm: name });
            setBusy(false);
            if ("error" in r) return setError(r.error);
            router.push(`/incidents/${incidentId}/sources`);
            router.refresh();
          }}
          className="rounded bg-danger px-3 py-1 font-medium text-white disabled:opacity-40"
        >
          {busy ? "Deleting and rebuilding the chain…" : `Delete ${name}`}
        </button>
        <button type="button" onClick={() => setAsked(false)} className="rounded border border-line px-3 py-1">
          Keep it
        </button>
      </div>
      <ErrorLine error={error} />
    </fieldset>
  );
}
