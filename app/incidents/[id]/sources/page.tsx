import type { Metadata } from "next";
import Link from "next/link";
import { SourceStatus } from "@/components/sources/source-status";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatDateTime } from "@/lib/format/format-time";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listSources } from "@/lib/queries/list-sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

const n = (x: number) => x.toLocaleString("en-US");

export default async function SourcesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await getIncidentPageContext(id, "evidence.view");
  const [incident, sources] = await Promise.all([getIncidentById(ctx, id), listSources(ctx, id)]);
  const tz = incident?.timeZone ?? "UTC";
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-muted">Every imported file, with its chain of custody and an account of every line read.</p>
        <Link href={`/incidents/${id}/import`} className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
          Import logs
        </Link>
      </div>
      {sources.length === 0 ? (
        <p className="rounded border border-dashed border-line p-6 text-sm text-muted">No sources yet.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-line bg-panel">
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">File</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 text-right font-medium">Read</th>
                <th className="px-3 py-2 text-right font-medium">Imported</th>
                <th className="px-3 py-2 text-right font-medium">Duplicate</th>
                <th className="px-3 py-2 text-right font-medium">Rejected</th>
                <th className="px-3 py-2 text-right font-medium">Redacted</th>
                <th className="px-3 py-2 font-medium">Coverage</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id} className="border-b border-line align-top last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/incidents/${id}/sources/${s.id}`} className="font-medium text-accent hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-xs text-muted">
                      {s.format} · {formatBytes(s.sizeBytes)} ·{" "}
                      <span className="mono" title={s.sha256}>
                        sha256 {s.sha256.slice(0, 12)}…
                      </span>
                    </div>
                    <div className="text-xs text-muted">
                      {s.importedBy}, {formatDateTime(s.importedAt, tz)}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <SourceStatus status={s.status} />
                    {s.error && <div className="mt-1 max-w-xs text-xs text-muted">{s.error}</div>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(s.readCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(s.importedCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(s.duplicateCount)}</td>
                  <td className={`px-3 py-2 text-right tabular-nums ${s.rejectedCount ? "text-danger" : ""}`}>{n(s.rejectedCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{n(s.redactedCount)}</td>
                  <td className="mono px-3 py-2 text-xs text-muted">
                    {s.firstEventAt && s.lastEventAt ? `${formatDateTime(s.firstEventAt, tz)} → ${formatDateTime(s.lastEventAt, tz)}` : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
