"use client";

import { useState } from "react";
import { SaveRow } from "./save-row";
import { inputOf, useAnswer, utcInput } from "./use-answer";

const FIELD = "rounded border border-line bg-bg px-2 py-1 text-sm";
type Row = { start: string; end: string; note: string };

/** The windows where evidence is missing, each with whose logs; rows added and removed freely. */
export function GapsForm({ attemptId, taskId, saved }: { attemptId: string; taskId: string; saved: Row[] | undefined }) {
  const [rows, setRows] = useState<Row[]>(
    saved?.map((r) => ({ start: inputOf(r.start), end: inputOf(r.end), note: r.note })) ?? [{ start: "", end: "", note: "" }],
  );
  const { save, error, state } = useAnswer(attemptId, taskId);
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save({
          windows: rows.filter((r) => r.start && r.end).map((r) => ({ start: utcInput(r.start), end: utcInput(r.end), note: r.note })),
        });
      }}
      className="space-y-2"
      aria-label="Evidence gaps"
    >
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <fieldset key={i} className="flex flex-wrap items-end gap-2">
          <legend className="sr-only">Gap {i + 1}</legend>
          <label className="text-sm">
            From (UTC)
            <input type="datetime-local" value={r.start} onChange={(e) => set(i, { start: e.target.value })} className={`${FIELD} block`} />
          </label>
          <label className="text-sm">
            To (UTC)
            <input type="datetime-local" value={r.end} onChange={(e) => set(i, { end: e.target.value })} className={`${FIELD} block`} />
          </label>
          <label className="flex-1 text-sm">
            Whose logs
            <input value={r.note} maxLength={500} onChange={(e) => set(i, { note: e.target.value })} className={`${FIELD} block w-full`} />
          </label>
          <button
            type="button"
            onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            className="px-2 py-1 text-sm text-muted hover:text-ink"
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setRows((rs) => [...rs, { start: "", end: "", note: "" }])}
        className="text-sm text-accent hover:underline"
      >
        Add a gap
      </button>
      <SaveRow state={state} error={error} />
    </form>
  );
}
