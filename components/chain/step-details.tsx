"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ChainStepView } from "@/lib/queries/get-chain";

/** Why the step stands as it does, how belief in it changed, and the analyst's edit form. */
export function StepDetails({ step, incidentId, mayEdit = true }: { step: ChainStepView; incidentId: string; mayEdit?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(form: FormData) {
    setSaving(true);
    setError(null);
    const body: Record<string, unknown> = {
      confidence: form.get("confidence"),
      confidenceScore: Number(form.get("score")),
      reason: form.get("reason"),
      citation: form.get("citation") || undefined,
    };
    const effective = String(form.get("effectiveAt") ?? "");
    if (effective) body.effectiveAt = `${effective}T00:00:00Z`;
    const res = await fetch(`/api/incidents/${incidentId}/chain/steps/${step.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setSaving(false);
    if (!res.ok) {
      const j = (await res.json().catch(() => ({}))) as { error?: string; issues?: { field: string; reason: string }[] };
      return setError(j.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") ?? j.error ?? `failed (${res.status})`);
    }
    router.refresh();
  }

  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-muted">{mayEdit ? "Why · history · assess" : "Why · history"}</summary>
      <p className="mt-2 whitespace-pre-wrap">{step.rationale}</p>
      <h4 className="mt-2 font-semibold">Confidence history</h4>
      <ol className="mt-1 space-y-1">
        {step.history.map((h) => (
          <li key={`${h.recordedAt}-${h.origin}-${h.label}`}>
            <span className="tabular-nums">{h.effectiveAt?.slice(0, 10)}</span> · {h.label} {h.score} ·{" "}
            {h.origin === "rules" ? "rules" : h.by}
            {h.origin === "analyst" && h.enteredBy && h.enteredBy !== h.by && (
              <span className="text-muted"> (entered by {h.enteredBy})</span>
            )}
            {h.citation && <span className="text-muted"> · {h.citation}</span>}
            {h.origin === "analyst" && h.rationale && <span className="block text-muted">{h.rationale}</span>}
          </li>
        ))}
      </ol>
      {mayEdit && (
        <form action={save} className="mt-2 grid grid-cols-2 gap-1">
          <label className="col-span-1 flex flex-col">
            <span className="text-muted">Confidence</span>
            <select name="confidence" defaultValue={step.confidence.label} className="rounded border border-line bg-panel p-1">
              {["confirmed", "likely", "possible", "unknown"].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label className="col-span-1 flex flex-col">
            <span className="text-muted">Score (0–100)</span>
            <input
              name="score"
              type="number"
              min={0}
              max={100}
              defaultValue={step.confidence.score}
              className="rounded border border-line bg-panel p-1"
            />
          </label>
          <label className="col-span-2 flex flex-col">
            <span className="text-muted">Why (kept in the history)</span>
            <textarea name="reason" required rows={2} className="rounded border border-line bg-panel p-1" />
          </label>
          <label className="col-span-1 flex flex-col">
            <span className="text-muted">In effect from</span>
            <input name="effectiveAt" type="date" className="rounded border border-line bg-panel p-1" />
          </label>
          <label className="col-span-1 flex flex-col">
            <span className="text-muted">Source</span>
            <input name="citation" className="rounded border border-line bg-panel p-1" />
          </label>
          <button type="submit" disabled={saving} className="col-span-2 mt-1 rounded bg-accent px-2 py-1 text-accent-ink">
            {saving ? "Saving…" : "Record assessment"}
          </button>
          {error && (
            <p role="alert" className="col-span-2 text-danger">
              {error}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
