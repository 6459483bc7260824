"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

/** Starts a replay of this incident: the clock before its first event, a prompt at each chain step's first sighting. */
export function NewReplayForm({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="New replay"
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await fetchJson<{ id: string }>(`/api/incidents/${incidentId}/replay`, "POST", {
          title: String(new FormData(e.currentTarget).get("title") ?? ""),
        });
        if ("error" in res) setError(res.error);
        else router.push(`/incidents/${incidentId}/replay/${res.data.id}`);
      }}
    >
      <label className="text-sm font-medium">
        Session title
        <input name="title" required maxLength={200} className="mt-1 block rounded border border-line bg-bg px-2 py-1 text-sm" />
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
        Start a replay
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
