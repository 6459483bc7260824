"use client";

import { useState } from "react";
import { SaveRow } from "./save-row";
import { useAnswer } from "./use-answer";

/** Orders the stages with up and down buttons (keyboard-usable), then saves the order. */
export function OrderForm({
  attemptId,
  taskId,
  stages,
  saved,
}: {
  attemptId: string;
  taskId: string;
  stages: { key: string; name: string }[];
  saved: string[] | undefined;
}) {
  const byKey = new Map(stages.map((s) => [s.key, s.name]));
  const [order, setOrder] = useState<string[]>(saved?.filter((k) => byKey.has(k)) ?? stages.map((s) => s.key));
  const { save, error, state } = useAnswer(attemptId, taskId);
  const move = (i: number, by: number) =>
    setOrder((o) => {
      const next = [...o];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item as string);
      return next;
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save({ order });
      }}
      className="space-y-2"
      aria-label="Chain order"
    >
      <ol className="space-y-1">
        {order.map((key, i) => (
          <li key={key} className="flex items-center gap-2 rounded border border-line bg-bg px-2 py-1 text-sm">
            <span className="w-5 text-right tabular-nums text-muted">{i + 1}.</span>
            <span className="flex-1">{byKey.get(key)}</span>
            <button
              type="button"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${byKey.get(key)} up`}
              className="px-1 disabled:opacity-30"
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${byKey.get(key)} down`}
              className="px-1 disabled:opacity-30"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <SaveRow state={state} error={error} />
    </form>
  );
}
