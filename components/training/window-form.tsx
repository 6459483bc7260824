"use client";

import { SaveRow } from "./save-row";
import { inputOf, useAnswer, utcInput } from "./use-answer";

const FIELD = "mt-1 rounded border border-line bg-bg px-2 py-1 text-sm";

/** A window of time, read as UTC. */
export function WindowForm({
  attemptId,
  taskId,
  saved,
}: {
  attemptId: string;
  taskId: string;
  saved: Record<string, unknown> | undefined;
}) {
  const { save, error, state } = useAnswer(attemptId, taskId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void save({ start: utcInput(String(f.get("start"))), end: utcInput(String(f.get("end"))) });
      }}
      className="space-y-2"
      aria-label="Key theft window"
    >
      <div className="flex flex-wrap gap-4">
        <label className="text-sm">
          From (UTC)
          <input name="start" type="datetime-local" required defaultValue={inputOf(saved?.start)} className={`${FIELD} block`} />
        </label>
        <label className="text-sm">
          To (UTC)
          <input name="end" type="datetime-local" required defaultValue={inputOf(saved?.end)} className={`${FIELD} block`} />
        </label>
      </div>
      <SaveRow state={state} error={error} />
    </form>
  );
}
