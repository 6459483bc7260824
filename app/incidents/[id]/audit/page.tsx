import type { Metadata } from "next";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listAuditEntries } from "@/lib/queries/list-audit-entries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await getIncidentPageContext(id, "evidence.view");
  const [incident, entries] = await Promise.all([getIncidentById(ctx, id), listAuditEntries(ctx, id)]);
  const tz = incident?.timeZone ?? "UTC";
  return (
    <table className="w-full rounded border border-line bg-panel text-sm">
      <caption className="mb-2 text-left text-sm text-muted">Every change to this incident: who, what, when.</caption>
      <thead className="border-b border-line text-left text-muted">
        <tr>
          <th className="px-3 py-2 font-medium">When</th>
          <th className="px-3 py-2 font-medium">Who</th>
          <th className="px-3 py-2 font-medium">Action</th>
          <th className="px-3 py-2 font-medium">Object</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-line last:border-0">
            <td className="mono px-3 py-2 text-xs">{formatDateTime(e.at, tz)}</td>
            <td className="px-3 py-2">{e.actor?.name ?? e.actorLabel ?? "unknown"}</td>
            <td className="mono px-3 py-2 text-xs">{e.action}</td>
            <td className="mono px-3 py-2 text-xs text-muted">
              {e.entityType} {e.entityId}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
