"use client";

import { useEffect, useRef } from "react";

export type Option = { value: string; label: string; color?: string };

/** A compact checkbox list in a disclosure: "Stages: all" until some are picked. */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange(values: string[]): void;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const el = ref.current;
      if (el?.open && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, []);
  const chosen = new Set(selected);
  const summary =
    selected.length === 0
      ? "all"
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? "1")
        : `${selected.length}`;
  return (
    <details ref={ref} className="relative">
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 rounded border px-2 py-1 text-sm ${selected.length ? "border-accent text-ink" : "border-line text-muted"} hover:text-ink`}
      >
        <span>{label}:</span>
        <span className="max-w-40 truncate text-ink">{summary}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute z-30 mt-1 max-h-80 w-80 overflow-auto rounded border border-line bg-panel p-2 shadow-lg">
        <fieldset>
          <legend className="sr-only">{label}</legend>
          {options.map((o) => (
            <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-bg">
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
              />
              {o.color ? (
                <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: o.color }} aria-hidden="true" />
              ) : null}
              <span className="truncate" title={o.label}>
                {o.label}
              </span>
            </label>
          ))}
        </fieldset>
        {selected.length ? (
          <button type="button" className="mt-1 text-xs text-accent hover:underline" onClick={() => onChange([])}>
            Clear
          </button>
        ) : null}
      </div>
    </details>
  );
}
