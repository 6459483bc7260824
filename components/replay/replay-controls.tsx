"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

const BUTTON = "rounded border border-line bg-panel px-2.5 py-1 text-sm hover:bg-bg disabled:opacity-50";

/** The facilitator's clock: steps, the next event or prompt, or a time typed in (UTC). */
export function ReplayControls({ incidentId, sessionId, clock }: { incidentId: string; sessionId: string; clock: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function move(body: unknown) {
    setBusy(true);
    const err = await sendJson(`/api/incidents/${incidentId}/replay/${sessionId}/clock`, "POST", body);
    setBusy(false);
    setError(err);
    if (!err) router.refresh();
  }
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">Move the replay clock</legend>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" disabled={busy} onClick={() => void move({ step: "hour" })} className={BUTTON}>
          +1 hour
        </button>
        <button type="button" disabled={busy} onClick={() => void move({ step: "day" })} className={BUTTON}>
          +1 day
        </button>
        <button type="button" disabled={busy} onClick={() => void move({ step: "week" })} className={BUTTON}>
          +1 week
        </button>
        <button type="button" disabled={busy} onClick={() => void move({ step: "next-event" })} className={BUTTON}>
          Next event
        </button>
        <button type="button" disabled={busy} onClick={() => void move({ step: "next-inject" })} className={BUTTON}>
          Next prompt
        </button>
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const v = String(new FormData(e.currentTarget).get("to") ?? "");
            if (v) void move({ to: `${v}:00Z` });
          }}
        >
          <label className="text-sm">
            Go to (UTC){" "}
            <input
              name="to"
              type="datetime-local"
              defaultValue={clock.slice(0, 16)}
              className="rounded border border-line bg-bg px-2 py-0.5 text-sm"
            />
          </label>
          <button type="submit" disabled={busy} className={BUTTON}>
            Go
          </button>
        </form>
      </div>
      <ErrorLine error={error} />
    </fieldset>
  );
}
