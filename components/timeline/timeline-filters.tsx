"use client";

import { useEffect, useState } from "react";
import { EntityFilterChip } from "@/components/ui/entity-filter-chip";
import type { TimelineData } from "@/lib/queries/get-timeline-data";
import { NO_FILTERS, type TimelineFilterState } from "@/lib/timeline/view-state";
import { FacetSelects } from "./facet-selects";

/** Full text, stage, source, severity and entity filters; the text waits for a pause in typing. */
export function TimelineFilters({
  filters,
  data,
  onChange,
}: {
  filters: TimelineFilterState;
  data: TimelineData | null;
  onChange(next: TimelineFilterState): void;
}) {
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => setText(filters.q ?? ""), [filters.q]);
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const t = setTimeout(() => onChange({ ...filters, q }), 350);
    return () => clearTimeout(t);
  }, [text, filters, onChange]);

  const stages = data?.stages ?? [];
  const sources = data?.sources ?? [];
  const hasAny = filters.stage.length || filters.source.length || filters.severity.length || filters.entity || filters.q;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Search event messages"
        placeholder="Search messages…"
        className="w-60 rounded border border-line bg-panel px-2 py-1 text-sm placeholder:text-muted"
      />
      <FacetSelects stages={stages} sources={sources} filters={filters} onChange={onChange} />
      {filters.entity ? (
        <EntityFilterChip onRemove={() => onChange({ ...filters, entity: undefined })}>
          <span className="text-muted">{data?.entity?.kind ?? "entity"}:</span>
          <span className="max-w-56 truncate" title={data?.entity?.value}>
            {data?.entity?.value ?? filters.entity}
          </span>
        </EntityFilterChip>
      ) : null}
      {hasAny ? (
        <button type="button" className="text-sm text-accent hover:underline" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
