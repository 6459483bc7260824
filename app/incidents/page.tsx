import type { Metadata } from "next";
import Link from "next/link";
import { ImportCaseForm } from "@/components/incidents/import-case-form";
import { NewIncidentForm } from "@/components/incidents/new-incident-form";
import { getPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { listIncidents } from "@/lib/queries/list-incidents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const incidents = await listIncidents(await getPageContext());
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((tz) => tz !== "UTC")];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="incidents-heading">
        <h1 id="incidents-heading" className="mb-3 text-xl font-semibold">
          Incidents
        </h1>
        {incidents.length === 0 ? (
          <p className="rounded border border-dashed border-line p-6 text-sm text-muted">
            No incidents yet. Create one to start importing logs.
          </p>
        ) : (
          <table className="w-full overflow-hidden rounded border border-line bg-panel text-sm">
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Title</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 text-right font-medium">Sources</th>
                <th className="px-3 py-2 text-right font-medium">Events</th>
                <th className="px-3 py-2 font-medium">Created</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id} className="border-b border-line last:border-0">
                  <td className="px-3 py-2">
                    <Link
                      href={i.role === "executive" ? `/incidents/${i.id}/brief` : `/incidents/${i.id}`}
                      className="font-medium text-accent hover:underline"
                    >
                      {i.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{i.status}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{i.sourceCount.toLocaleString("en-US")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{i.eventCount.toLocaleString("en-US")}</td>
                  <td className="mono px-3 py-2 text-xs text-muted">{formatDateTime(i.createdAt, i.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside>
        <NewIncidentForm timeZones={timeZones} />
        <ImportCaseForm />
      </aside>
    </div>
  );
}
