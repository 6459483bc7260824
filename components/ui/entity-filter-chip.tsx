import type { ReactNode } from "react";

/** The chip of an active entity filter (timeline and events): what it filters on, and × to remove it. */
export function EntityFilterChip({ children, onRemove }: { children: ReactNode; onRemove: () => void }) {
  return (
    <span className="flex items-center gap-1 rounded border border-accent bg-panel px-2 py-1 text-sm">
      {children}
      <button type="button" aria-label="Remove the entity filter" className="ml-1 text-muted hover:text-ink" onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
