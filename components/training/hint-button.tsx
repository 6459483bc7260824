"use client";

import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

/** The task's hints taken so far, and a button for the next one at its cost. */
export function HintButton({
  attemptId,
  taskId,
  cost,
  total,
  taken,
}: {
  attemptId: string;
  taskId: string;
  cost: number;
  total: number;
  taken: string[];
}) {
  const [hints, setHints] = useState(taken);
  const [error, setError] = useState<string | null>(null);
  if (total === 0) return null;
  return (
    <div className="space-y-1">
      {hints.map((h) => (
        <p key={h} className="rounded border border-line bg-bg px-2 py-1 text-sm">
          Hint: {h}
        </p>
      ))}
      {hints.length < total && (
        <button
          type="button"
          onClick={async () => {
            const res = await fetchJson<{ hint: string }>(`/api/attempts/${attemptId}/hints/${encodeURIComponent(taskId)}`, "POST");
            if ("error" in res) setError(res.error);
            else setHints((h) => [...h, res.data.hint]);
          }}
          className="text-sm text-accent hover:underline"
        >
          Take a hint (−{cost} {cost === 1 ? "point" : "points"})
        </button>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
