"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

/** Start (the clock begins) or hand in (scored once; no changes after). */
export function AttemptControls({ attemptId, started }: { attemptId: string; started: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function act(path: string) {
    setBusy(true);
    const err = await sendJson(`/api/attempts/${attemptId}/${path}`, "POST");
    setBusy(false);
    if (err) setError(err);
    else router.refresh();
  }
  return (
    <div className="flex items-center gap-3">
      {started ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm("Submit your answers? They are scored once and cannot be changed afterwards.")) void act("submit");
          }}
          className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          Submit for scoring
        </button>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => void act("start")}
          className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          Start the exercise
        </button>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
