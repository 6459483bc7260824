import { PopoverButton } from "@/components/ui/popover-button";

const FORMATS = [
  ["csv", "CSV (spreadsheet-safe)"],
  ["jsonl", "JSON Lines"],
  ["timesketch-jsonl", "Timesketch JSONL"],
  ["timesketch-csv", "Timesketch CSV"],
] as const;

/** Every event the filters select, as a file: downloaded as it is written, so a million events do not wait for the last. */
export function ExportMenu({ incidentId, filtersQuery }: { incidentId: string; filtersQuery: string }) {
  return (
    <PopoverButton label="Export" align="right">
      <p className="mb-1 text-xs text-muted">Every event the filters select, oldest first:</p>
      <ul className="space-y-1 text-sm">
        {FORMATS.map(([format, label]) => (
          <li key={format}>
            <a
              className="text-accent underline"
              href={`/api/incidents/${incidentId}/events/export?format=${format}${filtersQuery ? `&${filtersQuery}` : ""}`}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </PopoverButton>
  );
}
