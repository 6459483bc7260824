"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

type Status = "open" | "contained" | "closed";

/** The moves an incident's status can make from where it is. */
const MOVES: Record<Status, { to: Status; label: string }[]> = {
  open: [
    { to: "contained", label: "Mark contained" },
    { to: "closed", label: "Mark closed" },
  ],
  contained: [
    { to: "closed", label: "Mark closed" },
    { to: "open", label: "Reopen" },
  ],
  closed: [{ to: "open", label: "Reopen" }],
};

/**
 * Moves the incident open → contained → closed (or reopens it), at a time the owner gives (a wall
 * time in the incident's zone; empty means now).
 */
export function IncidentStatusForm({
  incidentId,
  status,
  containedAt,
  closedAt,
  timeZone,
}: {
  incidentId: string;
  status: Status;
  containedAt: string | null;
  closedAt: string | null;
  timeZone: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [when, setWhen] = useState("");
  const move = async (to: Status) => {
    const at = when || undefined;
    const body = to === "contained" ? { status: to, containedAt: at } : to === "closed" ? { status: to, closedAt: at } : { status: to };
    const err = await sendJson(`/api/incidents/${incidentId}`, "PATCH", body);
    setError(err);
    if (!err) {
      setWhen("");
      router.refresh();
    }
  };
  return (
    <section aria-labelledby="status-heading" className="space-y-3 rounded border border-line bg-panel p-4">
      <h3 id="status-heading" className="font-semibold">
        Status
      </h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
        <dt className="text-muted">Status</dt>
        <dd data-testid="incident-status">{status}</dd>
        <dt className="text-muted">Contained</dt>
        <dd className="mono text-xs leading-5">{containedAt ?? "—"}</dd>
        <dt className="text-muted">Closed</dt>
        <dd className="mono text-xs leading-5">{closedAt ?? "—"}</dd>
      </dl>
      <div className="flex flex-wrap items-end gap-2">
        {status !== "closed" && (
          <label className="text-sm">
            When ({timeZone}; empty: now)
            <input
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              className="ml-1 rounded border border-line bg-bg px-2 py-1 text-sm"
            />
          </label>
        )}
        {MOVES[status].map((m) => (
          <button
            key={m.to}
            type="button"
            onClick={() => move(m.to)}
            className="rounded border border-line px-3 py-1 text-sm hover:border-accent"
          >
            {m.label}
          </button>
        ))}
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
