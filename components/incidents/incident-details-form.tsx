"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1 text-sm";

/** Rename an incident, edit its summary and the time zone it is shown in. */
export function IncidentDetailsForm({
  incidentId,
  title,
  summary,
  timeZone,
}: {
  incidentId: string;
  title: string;
  summary: string;
  timeZone: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      aria-label="Incident details"
      className="space-y-3 rounded border border-line bg-panel p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const err = await sendJson(`/api/incidents/${incidentId}`, "PATCH", {
          title: f.get("title"),
          summary: f.get("summary"),
          timeZone: f.get("timeZone"),
        });
        setError(err);
        setSaved(!err);
        if (!err) router.refresh();
      }}
    >
      <h3 className="font-semibold">Details</h3>
      <label className="block text-sm">
        Title
        <input name="title" defaultValue={title} required maxLength={200} className={FIELD} />
      </label>
      <label className="block text-sm">
        Summary
        <textarea name="summary" defaultValue={summary} rows={4} maxLength={10_000} className={FIELD} />
      </label>
      <label className="block text-sm">
        Time zone (IANA, e.g. UTC, Europe/Berlin): every time in the incident is shown in it
        <input name="timeZone" defaultValue={timeZone} required className={`${FIELD} max-w-xs`} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
          Save details
        </button>
        {saved && (
          <span role="status" className="text-sm text-muted">
            Saved.
          </span>
        )}
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
