"use client";

import { SEVERITIES, type SeverityLevel } from "@/lib/schemas/timeline";
import { UNTAGGED } from "@/lib/timeline/lanes";
import { stageColor, UNTAGGED_COLOR } from "@/lib/timeline/stage-colors";
import { MultiSelect } from "./multi-select";

/** The stage, source and severity pickers the timeline and the events table share. */
export type Facets = { stage: string[]; source: string[]; severity: SeverityLevel[] };

export function FacetSelects<F extends Facets>({
  stages,
  sources,
  filters,
  onChange,
}: {
  stages: readonly { key: string; name: string; position: number }[];
  sources: readonly { id: string; name: string }[];
  filters: F;
  onChange(next: F): void;
}) {
  return (
    <>
      <MultiSelect
        label="Stage"
        options={[
          ...stages.map((s) => ({ value: s.key, label: s.name, color: stageColor(s.position) })),
          { value: UNTAGGED, label: "Untagged", color: UNTAGGED_COLOR },
        ]}
        selected={filters.stage}
        onChange={(stage) => onChange({ ...filters, stage })}
      />
      <MultiSelect
        label="Source"
        options={sources.map((s) => ({ value: s.id, label: s.name }))}
        selected={filters.source}
        onChange={(source) => onChange({ ...filters, source })}
      />
      <MultiSelect
        label="Severity"
        options={SEVERITIES.map((s) => ({ value: s, label: s }))}
        selected={filters.severity}
        onChange={(severity) => onChange({ ...filters, severity: severity as SeverityLevel[] })}
      />
    </>
  );
}
