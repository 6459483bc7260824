"use client";

import type { Preview } from "@/lib/ingest/preview-file";

/** The options the form edits; the same shape the API and CLI take. */
export type ImportFormOptions = {
  format: string;
  zone: string;
  timeFormat: string;
  redact: boolean;
  /** Read a file imported before again with these options, replacing that reading. */
  replace: boolean;
  mapping: Record<string, string>;
};

const MAPPED = [
  ["time", "Time"],
  ["message", "Message"],
  ["actor", "Actor"],
  ["host", "Host"],
  ["srcIp", "Source IP"],
  ["dstIp", "Destination IP"],
  ["action", "Action"],
  ["target", "Target"],
] as const;

const INPUT = "mt-0.5 w-full rounded border border-line bg-bg px-2 py-1 text-sm";

/** Format, zone, time format, field mapping and the redaction switch. */
export function OptionsForm({
  preview,
  value,
  onChange,
}: {
  preview: Preview;
  value: ImportFormOptions;
  onChange: (v: ImportFormOptions) => void;
}) {
  const set = (patch: Partial<ImportFormOptions>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4">
      <legend className="px-1 text-sm font-semibold">How to read it</legend>
      <label className="text-xs text-muted">
        Format
        <select aria-label="Format" className={INPUT} value={value.format} onChange={(e) => set({ format: e.target.value })}>
          <option value="">Detected: {preview.format}</option>
          {preview.candidates.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-muted">
        Zone for times without one
        <input aria-label="Time zone" className={INPUT} value={value.zone} onChange={(e) => set({ zone: e.target.value })} />
      </label>
      <label className="text-xs text-muted">
        Time format
        <input
          aria-label="Time format"
          className={INPUT}
          placeholder="auto, epoch-ms, %d/%m/%Y %H:%M…"
          value={value.timeFormat}
          onChange={(e) => set({ timeFormat: e.target.value })}
        />
      </label>
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" checked={value.redact} onChange={(e) => set({ redact: e.target.checked })} />
        Redact secrets
      </label>
      <label
        className="flex items-center gap-2 self-end text-sm"
        title="Annotations and stages set by hand move to the same records in the new reading"
      >
        <input type="checkbox" checked={value.replace} onChange={(e) => set({ replace: e.target.checked })} />
        If imported before, replace that reading
      </label>
      {MAPPED.map(([key, label]) => (
        <label key={key} className="text-xs text-muted">
          {label} field
          <select
            aria-label={`${label} field`}
            className={INPUT}
            value={value.mapping[key] ?? ""}
            onChange={(e) => set({ mapping: { ...value.mapping, [key]: e.target.value } })}
          >
            <option value="">(automatic)</option>
            {preview.fields.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
