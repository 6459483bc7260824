"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";

const FIELD = "mt-1 w-full rounded border border-line bg-bg px-2 py-1.5 text-sm";

/**
 * Sets a Storm-0558 exercise. Each trainee (by e-mail; they need an account) gets a workspace of
 * their own with the evidence, and by default a variant of their own: other addresses, key id,
 * app ids and victims, so answers cannot be passed along.
 */
export function NewExerciseForm({ incidents }: { incidents: { id: string; title: string }[] }) {
  const router = useRouter();
  const [source, setSource] = useState("scenario");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const limit = String(form.get("timeLimit") ?? "").trim();
    setBusy(true);
    setError(null);
    const common = {
      title: String(form.get("exerciseTitle") ?? ""),
      trainees: String(form.get("trainees") ?? "")
        .split(/[\s,;]+/)
        .filter(Boolean),
      timeLimitMinutes: limit ? Number(limit) : null,
    };
    const res = await fetchJson<{ exerciseId: string }>(
      "/api/exercises",
      "POST",
      source === "scenario"
        ? {
            ...common,
            variantMode: form.get("variantMode") === "shared" ? "shared" : "per-trainee",
            noise: Number(form.get("noise") ?? 2000),
          }
        : { ...common, incidentId: source },
    );
    if ("error" in res) {
      setError(res.error);
      setBusy(false);
      return;
    }
    router.push(`/training/${res.data.exerciseId}`);
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded border border-line bg-panel p-4" aria-labelledby="new-exercise-heading">
      <h2 id="new-exercise-heading" className="font-semibold">
        New exercise
      </h2>
      <div>
        <label htmlFor="exerciseSource" className="text-sm font-medium">
          From
        </label>
        <select id="exerciseSource" value={source} onChange={(e) => setSource(e.target.value)} className={FIELD}>
          <option value="scenario">The Storm-0558 scenario (2021 key exposure to 2023 mailbox access)</option>
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              Incident: {i.title} (its chain as the key)
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="exerciseTitle" className="text-sm font-medium">
          Title
        </label>
        <input id="exerciseTitle" name="exerciseTitle" required maxLength={200} className={FIELD} />
      </div>
      <div>
        <label htmlFor="trainees" className="text-sm font-medium">
          Trainees <span className="text-muted">(e-mails, one per line)</span>
        </label>
        <textarea id="trainees" name="trainees" required rows={3} className={FIELD} />
      </div>
      <div>
        <label htmlFor="variantMode" className="text-sm font-medium">
          Data
        </label>
        <select id="variantMode" name="variantMode" defaultValue="per-trainee" disabled={source !== "scenario"} className={FIELD}>
          <option value="per-trainee">A variant per trainee</option>
          <option value="shared">One variant for everyone</option>
        </select>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="noise" className="text-sm font-medium">
            Background records
          </label>
          <input
            id="noise"
            name="noise"
            type="number"
            min={0}
            max={200000}
            defaultValue={2000}
            disabled={source !== "scenario"}
            className={FIELD}
          />
        </div>
        <div>
          <label htmlFor="timeLimit" className="text-sm font-medium">
            Time limit <span className="text-muted">(min)</span>
          </label>
          <input id="timeLimit" name="timeLimit" type="number" min={1} className={FIELD} />
        </div>
      </div>
      <ErrorLine error={error} />
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {busy ? "Generating the workspaces…" : "Set the exercise"}
      </button>
    </form>
  );
}
