"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson as send } from "@/components/ui/send-json";

type Stage = { key: string; name: string; attackTactic: string | null };

/** The incident's stages: rename in place, move up or down, add one. Keys stay (rules use them). */
export function StageEditor({ incidentId, stages }: { incidentId: string; stages: Stage[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const base = `/api/incidents/${incidentId}/stages`;
  const done = (e: string | null) => {
    setError(e);
    if (!e) router.refresh();
  };

  const move = (i: number, by: -1 | 1) => {
    const keys = stages.map((s) => s.key);
    const [k] = keys.splice(i, 1);
    keys.splice(i + by, 0, k as string);
    void send(base, "PUT", { keys }).then(done);
  };
  return (
    <div className="space-y-2">
      <ol className="space-y-1 text-sm">
        {stages.map((s, i) => (
          <li key={s.key} className="flex items-start gap-1">
            <span className="w-5 text-right text-xs text-muted tabular-nums">{i + 1}.</span>
            {/* A textarea sized to its text, so a long stage name wraps whole instead of being cut off. */}
            <textarea
              aria-label={`Name of stage ${s.key}`}
              defaultValue={s.name}
              title={`key ${s.key}`}
              rows={1}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name && name !== s.name) void send(`${base}/${s.key}`, "PATCH", { name }).then(done);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  e.currentTarget.blur();
                }
              }}
              className="min-w-0 flex-1 resize-none rounded border border-transparent bg-transparent px-1 [field-sizing:content] hover:border-line focus:border-accent"
            />
            {s.attackTactic && <span className="mono text-xs text-muted">{s.attackTactic}</span>}
            <button
              type="button"
              aria-label={`Move ${s.name} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
              className="px-1 text-muted disabled:opacity-30"
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${s.name} down`}
              disabled={i === stages.length - 1}
              onClick={() => move(i, 1)}
              className="px-1 text-muted disabled:opacity-30"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <form
        className="flex gap-1 text-xs"
        action={async (form) => {
          done(await send(base, "POST", { key: String(form.get("key") ?? ""), name: String(form.get("name") ?? "") }));
        }}
      >
        <input
          name="key"
          required
          placeholder="key, e.g. lateral-movement"
          aria-label="New stage key"
          className="w-40 rounded border border-line bg-panel px-1"
        />
        <input
          name="name"
          required
          placeholder="name"
          aria-label="New stage name"
          className="min-w-0 flex-1 rounded border border-line bg-panel px-1"
        />
        <button type="submit" className="rounded border border-line px-2 hover:border-accent">
          Add
        </button>
      </form>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
