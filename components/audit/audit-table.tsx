import Link from "next/link";
import type { AuditRow } from "@/lib/audit/list-audit";
import { formatDateTime } from "@/lib/format/format-time";

function show(v: unknown): string {
  if (v === undefined) return "—";
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Audit entries as people read them: who (by name), what, on which object (linked), and the change field by field. */
export function AuditTable({ entries, timeZone }: { entries: AuditRow[]; timeZone: string }) {
  if (entries.length === 0) return <p className="rounded border border-dashed border-line p-6 text-sm text-muted">No entries match.</p>;
  return (
    <table className="w-full rounded border border-line bg-panel text-sm">
      <thead className="border-b border-line text-left text-muted">
        <tr>
          <th className="px-3 py-2 font-medium">When</th>
          <th className="px-3 py-2 font-medium">Who</th>
          <th className="px-3 py-2 font-medium">Action</th>
          <th className="px-3 py-2 font-medium">Object</th>
          <th className="px-3 py-2 font-medium">Change</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-line align-top last:border-0">
            <td className="mono whitespace-nowrap px-3 py-2 text-xs">{formatDateTime(e.at, timeZone)}</td>
            <td className="px-3 py-2">
              <span title={e.actor?.email}>{e.actor?.name ?? e.actorLabel ?? "unknown"}</span>
              {(e.actor && e.actorLabel) || e.ip ? (
                <span className="block text-xs text-muted">{[e.actor ? e.actorLabel : null, e.ip].filter(Boolean).join(" · ")}</span>
              ) : null}
            </td>
            <td className="mono px-3 py-2 text-xs">{e.action}</td>
            <td className="px-3 py-2">
              {e.object.href ? (
                <Link className="text-accent underline" href={e.object.href}>
                  {e.object.label}
                </Link>
              ) : (
                e.object.label
              )}
              <span className="block text-xs text-muted">{e.entityType}</span>
            </td>
            <td className="px-3 py-2">
              {e.changes.length > 0 && (
                <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                  {e.changes.slice(0, 12).map((c) => (
                    <div key={c.field} className="contents">
                      <dt className="mono text-muted">{c.field}</dt>
                      <dd className="mono break-all">
                        {c.before !== undefined && <del className="text-danger">{show(c.before)}</del>}
                        {c.before !== undefined && c.after !== undefined && " → "}
                        {c.after !== undefined && <ins className="no-underline">{show(c.after)}</ins>}
                      </dd>
                    </div>
                  ))}
                  {e.changes.length > 12 && (
                    <dd className="col-span-2 text-muted">and {e.changes.length - 12} more fields (in the export)</dd>
                  )}
                </dl>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
