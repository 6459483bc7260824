"use client";

import { useState } from "react";
import { SaveRow } from "./save-row";
import { useAnswer } from "./use-answer";

/** An exact question: each try is checked at once; a wrong one costs the task's penalty. */
export function ExactForm({
  attemptId,
  taskId,
  tries,
  solved,
  label,
}: {
  attemptId: string;
  taskId: string;
  tries: string[];
  solved: boolean;
  label: string;
}) {
  const [count, setCount] = useState(tries.length);
  const [right, setRight] = useState(solved);
  const [last, setLast] = useState<string | null>(null);
  const { save, error, state } = useAnswer<{ correct: boolean; tries: number }>(attemptId, taskId);
  if (right)
    return <p className="text-sm">✓ Answered right{count > 1 ? ` after ${count - 1} wrong ${count === 2 ? "try" : "tries"}` : ""}.</p>;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get("value") ?? "");
        const res = await save({ value });
        if (res) {
          setCount(res.tries);
          setRight(res.correct);
          setLast(res.correct ? null : value);
        }
      }}
      className="space-y-2"
      aria-label={label}
    >
      <input
        name="value"
        required
        maxLength={500}
        aria-label="Answer"
        className="mono w-full rounded border border-line bg-bg px-2 py-1 text-sm"
      />
      {last !== null && (
        <p role="status" className="text-sm text-danger">
          Not right ({count} {count === 1 ? "try" : "tries"} so far).
        </p>
      )}
      <SaveRow state={state === "saved" ? "idle" : state} error={error} label="Check" />
    </form>
  );
}
