"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm";

/**
 * A tabletop session: a variant of the Storm-0558 scenario, fully analysed, in an incident of its
 * own, with a replay whose clock the facilitator (you) steps through while the players decide.
 */
export function NewTabletopForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      aria-labelledby="new-tabletop-heading"
      className="mt-4 space-y-3 rounded border border-line bg-panel p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setBusy(true);
        setError(null);
        const res = await fetchJson<{ incidentId: string; sessionId: string }>("/api/tabletops", "POST", {
          title: String(form.get("tabletopTitle") ?? ""),
          noise: Number(form.get("tabletopNoise") ?? 2000),
        });
        if ("error" in res) {
          setError(res.error);
          setBusy(false);
        } else router.push(`/incidents/${res.data.incidentId}/replay/${res.data.sessionId}`);
      }}
    >
      <h2 id="new-tabletop-heading" className="font-semibold">
        New tabletop
      </h2>
      <p className="text-sm text-muted">You step through the incident's time; the players see what was known then and decide.</p>
      <div>
        <label htmlFor="tabletopTitle" className="text-sm font-medium">
          Title
        </label>
        <input id="tabletopTitle" name="tabletopTitle" required maxLength={200} className={FIELD} />
      </div>
      <div>
        <label htmlFor="tabletopNoise" className="text-sm font-medium">
          Background records
        </label>
        <input id="tabletopNoise" name="tabletopNoise" type="number" min={0} max={200000} defaultValue={2000} className={FIELD} />
      </div>
      <ErrorLine error={error} />
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {busy ? "Building the incident…" : "Start the tabletop"}
      </button>
    </form>
  );
}
