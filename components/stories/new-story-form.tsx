"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm";

/** A new story from a template, drafted from the evidence at once unless the writer starts blank. */
export function NewStoryForm({ incidentId, templates }: { incidentId: string; templates: { key: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(form: FormData) {
    setBusy(true);
    setError(null);
    const r = await fetchJson<{ storyId: string }>(`/api/incidents/${incidentId}/stories`, "POST", {
      title: String(form.get("title") ?? ""),
      template: String(form.get("template") ?? "postmortem"),
      draft: form.get("draft") === "on",
    });
    setBusy(false);
    if ("error" in r) return setError(r.error);
    router.push(`/incidents/${incidentId}/story/${r.data.storyId}`);
  }
  return (
    <form action={submit} className="max-w-2xl space-y-3 rounded border border-line bg-panel p-4" aria-labelledby="new-story-heading">
      <h3 id="new-story-heading" className="font-semibold">
        New story
      </h3>
      <label className="block text-sm font-medium">
        Title
        <input name="title" required maxLength={300} className={FIELD} />
      </label>
      <label className="block text-sm font-medium">
        Template
        <select name="template" className={FIELD} defaultValue="postmortem">
          {templates.map((t) => (
            <option key={t.key} value={t.key}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="draft" defaultChecked /> Draft it from the evidence (chain, gaps, hypotheses, sources)
      </label>
      <ErrorLine error={error} />
      <button type="submit" disabled={busy} className="rounded bg-accent px-3 py-1.5 text-sm text-accent-ink disabled:opacity-50">
        {busy ? "Creating…" : "Create story"}
      </button>
    </form>
  );
}
