import { revealControls } from "@/lib/format/reveal-controls";
import type { PreviewRow } from "@/lib/ingest/preview-file";

/** The first rows as they would be imported; log text is shown as text, never as markup. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-panel">
      <table className="w-full text-xs" aria-label="Preview of the first rows">
        <thead className="border-b border-line text-left text-muted">
          <tr>
            {["Line", "Time as written", "UTC", "Message", "Actor", "Host", "Source IP"].map((h) => (
              <th key={h} className="px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className="border-b border-line align-top last:border-0">
              <td className="px-2 py-1 tabular-nums">{r.line}</td>
              {r.error && !r.time ? (
                <td colSpan={6} className="px-2 py-1 text-danger">
                  rejected: {r.error}
                </td>
              ) : (
                <>
                  <td className="mono px-2 py-1">{r.time}</td>
                  <td className="mono px-2 py-1">
                    {r.error ? <span className="text-danger">{r.error}</span> : r.occurredAt}
                    {r.assumedZone && (
                      <span className="ml-1 text-muted" title="the timestamp had no zone">
                        (read as {r.assumedZone})
                      </span>
                    )}
                  </td>
                  <td className="max-w-xs truncate px-2 py-1" title={revealControls(r.message)}>
                    {revealControls(r.message)}
                  </td>
                  <td className="px-2 py-1">{revealControls(r.actor)}</td>
                  <td className="px-2 py-1">{revealControls(r.host)}</td>
                  <td className="mono px-2 py-1">{r.srcIp}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
