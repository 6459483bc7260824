"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type CreateIncidentState, createIncidentAction } from "@/app/incidents/actions";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm";

/** The form that creates an incident; errors appear beside the field they concern. */
export function NewIncidentForm({ timeZones }: { timeZones: string[] }) {
  const [state, action, isPending] = useActionState<CreateIncidentState, FormData>(createIncidentAction, {});
  return (
    <form action={action} className="space-y-3 rounded border border-line bg-panel p-4" aria-labelledby="new-incident-heading">
      <h2 id="new-incident-heading" className="font-semibold">
        New incident
      </h2>
      <div>
        <label htmlFor="title" className="text-sm font-medium">
          Title
        </label>
        <input
          id="title"
          name="title"
          required
          maxLength={200}
          className={FIELD}
          aria-invalid={Boolean(state.fieldErrors?.title)}
          aria-describedby="title-error"
        />
        {state.fieldErrors?.title && (
          <p id="title-error" className="mt-1 text-sm text-danger">
            {state.fieldErrors.title}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="summary" className="text-sm font-medium">
          Summary
        </label>
        <textarea id="summary" name="summary" rows={3} className={FIELD} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="timeZone" className="text-sm font-medium">
            Display time zone
          </label>
          <select id="timeZone" name="timeZone" defaultValue="UTC" className={FIELD}>
            {timeZones.map((tz) => (
              <option key={tz}>{tz}</option>
            ))}
          </select>
          {state.fieldErrors?.timeZone && <p className="mt-1 text-sm text-danger">{state.fieldErrors.timeZone}</p>}
        </div>
        <div>
          <label htmlFor="stageSet" className="text-sm font-medium">
            Stages
          </label>
          <select id="stageSet" name="stageSet" defaultValue="generic" className={FIELD}>
            <option value="generic">Generic (ATT&amp;CK tactics)</option>
            <option value="storm-0558">Storm-0558 key-theft chain</option>
          </select>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={isPending}
          className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          {isPending ? "Creating…" : "Create incident"}
        </button>
        {state.created && (
          <p role="status" className="text-sm text-muted">
            Created{" "}
            <Link href={`/incidents/${state.created.id}`} className="text-accent underline">
              {state.created.title}
            </Link>
          </p>
        )}
      </div>
    </form>
  );
}
