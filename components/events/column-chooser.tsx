"use client";

import { PopoverButton } from "@/components/ui/popover-button";
import { type ColumnKey, DEFAULT_COLUMNS, EVENT_COLUMNS } from "./events-view";

/** Which columns the table shows (kept in the URL); the time column always stays. */
export function ColumnChooser({ columns, onChange }: { columns: readonly ColumnKey[]; onChange(next: ColumnKey[]): void }) {
  const shown = new Set(columns);
  const toggle = (key: ColumnKey) => onChange(EVENT_COLUMNS.map((c) => c.key).filter((k) => (k === key ? !shown.has(k) : shown.has(k))));
  const isDefault = columns.join(",") === DEFAULT_COLUMNS.join(",");
  return (
    <PopoverButton label="Columns" align="right">
      <ul className="space-y-0.5">
        {EVENT_COLUMNS.map((c) => (
          <li key={c.key}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-bg">
              <input type="checkbox" checked={shown.has(c.key)} disabled={c.key === "time"} onChange={() => toggle(c.key)} />
              {c.label}
            </label>
          </li>
        ))}
      </ul>
      {isDefault ? null : (
        <button type="button" onClick={() => onChange([...DEFAULT_COLUMNS])} className="mt-1 px-1 text-xs text-accent hover:underline">
          Reset columns
        </button>
      )}
    </PopoverButton>
  );
}
