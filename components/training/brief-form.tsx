"use client";

import { SaveRow } from "./save-row";
import { useAnswer } from "./use-answer";

/** The five-line brief, and the rubric it is graded against. */
export function BriefForm({
  attemptId,
  taskId,
  rubric,
  saved,
}: {
  attemptId: string;
  taskId: string;
  rubric: string[];
  saved: string | undefined;
}) {
  const { save, error, state } = useAnswer(attemptId, taskId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save({ text: String(new FormData(e.currentTarget).get("text") ?? "") });
      }}
      className="space-y-2"
      aria-label="Brief"
    >
      <ul className="list-disc pl-5 text-sm text-muted">
        {rubric.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <textarea
        name="text"
        rows={5}
        maxLength={5000}
        defaultValue={saved ?? ""}
        aria-label="Your brief"
        className="w-full rounded border border-line bg-bg px-2 py-1 text-sm"
      />
      <SaveRow state={state} error={error} />
    </form>
  );
}
