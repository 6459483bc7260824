"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

/** Deletes the incident once its title is typed again exactly: the button stays off until then. */
export function DeleteIncidentForm({ incidentId, title, events }: { incidentId: string; title: string; events: number }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      aria-label="Delete the incident"
      className="space-y-3 rounded border border-danger/40 bg-panel p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await fetchJson(`/api/incidents/${incidentId}`, "DELETE", { confirm: typed });
        setBusy(false);
        if ("error" in r) return setError(r.error);
        router.push("/incidents");
        router.refresh();
      }}
    >
      <h3 className="font-semibold text-danger">Delete this incident</h3>
      <p className="text-sm">
        Deletes “{title}” and everything in it: its sources, {events.toLocaleString("en-US")} events, the chain, stories, briefs and
        replays. It cannot be undone; the audit log keeps a record of the deletion.
      </p>
      <label className="block text-sm">
        Type the incident's title to confirm
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          className="mt-1 w-full max-w-md rounded border border-line bg-bg px-2 py-1 text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={typed !== title || busy}
        className="rounded bg-danger px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
      >
        {busy ? "Deleting…" : "Delete incident"}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
