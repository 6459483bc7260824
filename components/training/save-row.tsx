import { ErrorLine } from "@/components/ui/error-line";

/** A task form's Save button with its state and error. */
export function SaveRow({ state, error, label = "Save" }: { state: "idle" | "saving" | "saved"; error: string | null; label?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={state === "saving"}
        className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {state === "saving" ? "Saving…" : label}
      </button>
      {state === "saved" && <span className="text-sm text-muted">Saved</span>}
      <ErrorLine error={error} />
    </div>
  );
}
