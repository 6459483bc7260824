"use client";

import { useId, useState } from "react";
import type { StageOption } from "./event-filters";

/** A change the bulk bar applies to every selected event. */
export type BulkChange = { action: "star" | "unstar" } | { action: "tag"; value: string } | { action: "stage"; stageKey: string | null };

/** Star, tag or set the stage of the selected events. */
export function BulkBar({
  count,
  stages,
  isBusy,
  onApply,
  onClear,
}: {
  count: number;
  stages: StageOption[];
  isBusy: boolean;
  onApply(change: BulkChange): void;
  onClear(): void;
}) {
  const [tag, setTag] = useState("");
  const [stage, setStage] = useState("");
  const ids = { tag: useId(), stage: useId() };
  const isDisabled = count === 0 || isBusy;
  const button = "rounded border border-line bg-panel px-2 py-0.5 hover:border-accent disabled:opacity-50 disabled:hover:border-line";
  return (
    <section aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 text-sm">
      <span className={count ? "font-medium" : "text-muted"}>{count ? `${count.toLocaleString("en-US")} selected` : "None selected"}</span>
      <button type="button" disabled={isDisabled} onClick={() => onApply({ action: "star" })} className={button}>
        <span aria-hidden className="text-amber-500">
          ★
        </span>{" "}
        Star
      </button>
      <button type="button" disabled={isDisabled} onClick={() => onApply({ action: "unstar" })} className={button}>
        Unstar
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) {
            onApply({ action: "tag", value: tag.trim() });
            setTag("");
          }
        }}
      >
        <label htmlFor={ids.tag} className="sr-only">
          Tag for the selected events
        </label>
        <input
          id={ids.tag}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          maxLength={64}
          placeholder="tag"
          disabled={count === 0}
          className="w-24 rounded border border-line bg-panel px-1.5 py-0.5 disabled:opacity-50"
        />
        <button type="submit" disabled={isDisabled || !tag.trim()} className={button}>
          Add tag
        </button>
      </form>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (stage) onApply({ action: "stage", stageKey: stage === "-" ? null : stage });
        }}
      >
        <label htmlFor={ids.stage} className="sr-only">
          Stage for the selected events
        </label>
        <select
          id={ids.stage}
          value={stage}
          onChange={(e) => setStage(e.target.value)}
          disabled={count === 0}
          className="max-w-48 rounded border border-line bg-panel px-1.5 py-0.5 disabled:opacity-50"
        >
          <option value="">Stage…</option>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
          <option value="-">No stage (back to the rules)</option>
        </select>
        <button type="submit" disabled={isDisabled || !stage} className={button}>
          Set stage
        </button>
      </form>
      {count ? (
        <button type="button" onClick={onClear} className="px-1 text-accent hover:underline">
          Clear selection
        </button>
      ) : null}
    </section>
  );
}
