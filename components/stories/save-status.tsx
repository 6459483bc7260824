import type { SaveState } from "./use-autosave";

function saveText(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "unsaved":
      return "Unsaved changes";
    case "merged":
      return `Merged with ${state.with}'s edit`;
    case "conflict":
      return "Not saved: merge below";
    case "error":
      return `Not saved: ${state.message}`;
  }
}

/** Where the draft's text is: saved, saving, waiting, merged with someone's edit, or not saved and why. */
export function SaveStatus({ state, words }: { state: SaveState; words: number }) {
  return (
    <p className="text-xs text-muted" aria-live="polite">
      <span data-testid="save-status" className={state.kind === "error" || state.kind === "conflict" ? "text-danger" : ""}>
        {saveText(state)}
      </span>
      {" · "}
      {words.toLocaleString("en")} words
    </p>
  );
}
