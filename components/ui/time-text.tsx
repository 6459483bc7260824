import { formatDateTime } from "@/lib/format/format-time";

/** A UTC ISO time with microseconds, shown in the incident's zone; the exact value is in the tooltip. */
export function TimeText({ iso, tz }: { iso: string | null; tz: string }) {
  if (!iso) return <span className="text-muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(new Date(iso), tz)}
    </time>
  );
}
