import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TimeText } from "@/components/ui/time-text";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { firstParam, formatCount } from "@/lib/format/query-values";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listEntities, ZListEntitiesQuery } from "@/lib/queries/list-entities";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Entities" };

const n = formatCount;
const one = firstParam;
const Time = TimeText;

export default async function EntitiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const parsed = ZListEntitiesQuery.safeParse({ kind: one(sp.kind), q: one(sp.q) });
  const filters = parsed.success ? parsed.data : {};
  const { ctx } = await getIncidentPageContext(id, "evidence.view");
  const [incident, list] = await Promise.all([getIncidentById(ctx, id), listEntities(ctx, id, filters)]);
  if (!incident) notFound();
  const tz = incident.timeZone;
  const isFiltered = Boolean(filters.kind || filters.q);
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Accounts, hosts, IPs, sessions, apps and more, as the imported events name them. Open one to see its events and pivot to what
        appears with it.
      </p>
      <search aria-label="Filter entities">
        <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-line bg-panel p-3">
          <label className="flex flex-col gap-1 text-xs text-muted">
            Kind
            <select
              name="kind"
              defaultValue={filters.kind ?? ""}
              className="rounded border border-line bg-panel px-2 py-1.5 text-sm text-ink"
            >
              <option value="">All kinds</option>
              {list.kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.kind} ({n(k.count)})
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-muted">
            Value contains
            <input
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              placeholder="e.g. contoso.test, 203.0.113."
              className="rounded border border-line bg-panel px-2 py-1.5 text-sm text-ink"
            />
          </label>
          <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
            Filter
          </button>
          {isFiltered && (
            <Link href={`/incidents/${id}/entities`} className="py-1.5 text-sm text-accent hover:underline">
              Clear
            </Link>
          )}
        </form>
      </search>
      {!parsed.success && (
        <p role="alert" className="rounded border border-danger/40 p-3 text-sm text-danger">
          Filter ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      )}
      {list.entities.length === 0 ? (
        <p className="rounded border border-dashed border-line p-6 text-sm text-muted">
          {isFiltered ? "No entity matches." : "No entities yet: they are found in events as logs are imported."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-line bg-panel">
          <table className="w-full text-sm">
            <caption className="border-b border-line px-3 py-2 text-left text-xs text-muted">
              {list.total > list.entities.length
                ? `The ${n(list.entities.length)} with the most events, of ${n(list.total)}${isFiltered ? " matching" : ""} entities. Narrow by kind or value to see the rest.`
                : `${n(list.total)}${isFiltered ? " matching" : ""} ${list.total === 1 ? "entity" : "entities"}, most events first.`}
            </caption>
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th className="w-24 px-3 py-2 font-medium">Kind</th>
                <th className="px-3 py-2 font-medium">Value</th>
                <th className="w-20 px-3 py-2 text-right font-medium">Events</th>
                <th className="w-52 px-3 py-2 font-medium">First seen</th>
                <th className="w-52 px-3 py-2 font-medium">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {list.entities.map((e) => (
                <tr key={e.id} className="border-b border-line align-top last:border-0">
                  <td className="px-3 py-1.5 text-xs text-muted">{e.kind}</td>
                  <td className="px-3 py-1.5">
                    <Link href={`/incidents/${id}/entities/${e.id}`} className="mono break-all text-xs text-accent hover:underline">
                      {e.value}
                    </Link>
                    {e.displayName && <span className="ml-2 text-xs text-muted">{e.displayName}</span>}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{n(e.eventCount)}</td>
                  <td className="mono px-3 py-1.5 text-xs whitespace-nowrap text-muted">
                    <Time iso={e.firstSeenAt} tz={tz} />
                  </td>
                  <td className="mono px-3 py-1.5 text-xs whitespace-nowrap text-muted">
                    <Time iso={e.lastSeenAt} tz={tz} />
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
