"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { FacetSelects } from "@/components/timeline/facet-selects";
import { EntityFilterChip } from "@/components/ui/entity-filter-chip";
import { PopoverButton } from "@/components/ui/popover-button";
import type { TEventFilters } from "@/lib/schemas/annotations";
import { countFilters, NO_EVENT_FILTERS } from "./events-view";

/** A stage the filters and bulk actions offer. */
export type StageOption = { key: string; name: string; position: number };

/** "2023-05-15T03:12:44Z" → the value a datetime-local input shows ("2023-05-15T03:12:44"). */
function toLocalInput(iso: string | undefined): string {
  return iso ? iso.replace(/(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "").slice(0, 19) : "";
}

/** One end of the time range, typed as a UTC wall-clock time to the second. */
function UtcInput({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string) => void }) {
  return (
    <label className="flex items-center justify-between gap-2">
      {label}
      <input
        type="datetime-local"
        step={1}
        aria-label={`${label} (UTC)`}
        value={toLocalInput(value)}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-line bg-panel px-1.5 py-0.5"
      />
    </label>
  );
}

/** A datetime-local value, read as UTC, as an ISO instant. */
function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined;
  return v.length === 16 ? `${v}:00Z` : `${v}Z`;
}

/** Full text, stage, source, severity, time range, starred and tag filters; the text waits for a pause in typing. */
export function EventFilters({
  incidentId,
  filters,
  stages,
  sources,
  tags,
  onChange,
}: {
  incidentId: string;
  filters: TEventFilters;
  stages: StageOption[];
  sources: { id: string; name: string }[];
  tags: { tag: string; count: number }[];
  onChange(next: TEventFilters): void;
}) {
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => setText(filters.q ?? ""), [filters.q]);
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const t = setTimeout(() => onChange({ ...filters, q }), 350);
    return () => clearTimeout(t);
  }, [text, filters, onChange]);

  const setTime = (which: "from" | "to", v: string) => {
    const next = { ...filters, [which]: fromLocalInput(v) };
    if (next.from && next.to && Date.parse(next.from) >= Date.parse(next.to)) return;
    onChange(next);
  };

  return (
    <search aria-label="Filter events" className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange({ ...filters, q: text.trim() || undefined });
        }}
        aria-label="Search event messages"
        placeholder='Search messages: words, "a phrase", -not'
        className="w-72 rounded border border-line bg-panel px-2 py-1 text-sm placeholder:text-muted"
      />
      <FacetSelects stages={stages} sources={sources} filters={filters} onChange={onChange} />
      <select
        aria-label="Tag"
        value={filters.tag ?? ""}
        onChange={(e) => onChange({ ...filters, tag: e.target.value || undefined })}
        className={`rounded border bg-panel px-2 py-1 text-sm ${filters.tag ? "border-accent" : "border-line"}`}
      >
        <option value="">Any tag</option>
        {filters.tag && !tags.some((t) => t.tag === filters.tag) ? <option value={filters.tag}>{filters.tag}</option> : null}
        {tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.count.toLocaleString("en-US")})
          </option>
        ))}
      </select>
      <label
        className={`flex items-center gap-1.5 rounded border bg-panel px-2 py-1 text-sm ${filters.starred ? "border-accent" : "border-line"}`}
      >
        <input type="checkbox" checked={filters.starred} onChange={(e) => onChange({ ...filters, starred: e.target.checked })} />
        Starred only
      </label>
      <PopoverButton label="Time" badge={filters.from || filters.to ? "set" : undefined}>
        <div className="space-y-2 p-1 text-sm">
          <UtcInput label="From" value={filters.from} onChange={(v) => setTime("from", v)} />
          <UtcInput label="To" value={filters.to} onChange={(v) => setTime("to", v)} />
          <p className="text-xs text-muted">Times are UTC; the end is excluded.</p>
          {filters.from || filters.to ? (
            <button
              type="button"
              onClick={() => onChange({ ...filters, from: undefined, to: undefined })}
              className="text-xs text-accent hover:underline"
            >
              Clear the time range
            </button>
          ) : null}
        </div>
      </PopoverButton>
      {filters.entity ? (
        <EntityFilterChip onRemove={() => onChange({ ...filters, entity: undefined })}>
          <Link href={`/incidents/${incidentId}/entities/${filters.entity}`} className="text-accent hover:underline">
            One entity
          </Link>
        </EntityFilterChip>
      ) : null}
      {countFilters(filters) ? (
        <button
          type="button"
          onClick={() => {
            setText("");
            onChange(NO_EVENT_FILTERS);
          }}
          className="rounded px-2 py-1 text-sm text-accent hover:underline"
        >
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
