"use client";

import { DiffLines } from "./diff-lines";
import type { Theirs } from "./use-autosave";

/**
 * Two saves of the same lines: the other writer's text and mine, line by line, and the choice
 * (mine over theirs, or theirs). Mine stays in the editor to be merged by hand before choosing.
 */
export function MergeView({
  theirs,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: Theirs;
  mine: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section aria-label="Merge your edit" role="alert" className="space-y-2 rounded border border-danger bg-panel p-3 text-sm">
      <p>
        <strong>{theirs.updatedBy ?? "Someone"}</strong> saved this story while you were editing the same lines (revision {theirs.revision}
        ). Nothing is saved until you choose. Lines marked − are only in theirs, + only in yours; edit yours above to take both.
      </p>
      <DiffLines before={theirs.body} after={mine} label="Their text and yours" />
      <div className="flex gap-2">
        <button type="button" className="rounded bg-accent px-3 py-1 text-accent-ink" onClick={onKeepMine}>
          Save my text over theirs
        </button>
        <button type="button" className="rounded border border-line px-3 py-1" onClick={onTakeTheirs}>
          Take their text
        </button>
      </div>
    </section>
  );
}
