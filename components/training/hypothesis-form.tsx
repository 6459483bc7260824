"use client";

import { SaveRow } from "./save-row";
import { useAnswer } from "./use-answer";

/** One hypothesis among the task's choices, and a confidence label. */
export function HypothesisForm({
  attemptId,
  taskId,
  choices,
  confidences,
  saved,
}: {
  attemptId: string;
  taskId: string;
  choices: { id: string; label: string }[];
  confidences: string[];
  saved: Record<string, unknown> | undefined;
}) {
  const { save, error, state } = useAnswer(attemptId, taskId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void save({ choice: String(f.get("choice") ?? ""), confidence: String(f.get("confidence") ?? "") });
      }}
      className="space-y-2"
      aria-label="Leading hypothesis"
    >
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Most probable</legend>
        {choices.map((c) => (
          <label key={c.id} className="flex gap-2 text-sm">
            <input type="radio" name="choice" value={c.id} required defaultChecked={saved?.choice === c.id} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <label className="block text-sm font-medium">
        Confidence
        <select
          name="confidence"
          required
          defaultValue={String(saved?.confidence ?? "")}
          className="ml-2 rounded border border-line bg-bg px-2 py-1 text-sm"
        >
          <option value="" disabled>
            choose
          </option>
          {confidences.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <SaveRow state={state} error={error} />
    </form>
  );
}
