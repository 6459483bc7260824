import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteSourceButton } from "@/components/sources/delete-source-button";
import { SourceStatus } from "@/components/sources/source-status";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatDateTime } from "@/lib/format/format-time";
import { revealControls } from "@/lib/format/reveal-controls";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { ISSUES_PAGE, listImportIssues, ZIssueCursor } from "@/lib/queries/list-import-issues";
import { listSources } from "@/lib/queries/list-sources";

export const dynamic = "force-dynamic";
export async function generateMetadata({ params }: { params: Promise<{ id: string; sourceId: string }> }): Promise<Metadata> {
  const { id, sourceId } = await params;
  try {
    const { ctx } = await getIncidentPageContext(id, "evidence.view");
    const s = (await listSources(ctx, id)).find((x) => x.id === sourceId);
    return { title: s ? `${s.name} · Sources` : "Source" };
  } catch {
    return { title: "Source" };
  }
}

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; sourceId: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
}) {
  const { id, sourceId } = await params;
  const { after: rawAfter } = await searchParams;
  const { ctx, role } = await getIncidentPageContext(id, "evidence.view");
  const mayEdit = roleAllows(role, "evidence.edit");
  // A cursor that is not one (edited by hand) shows the first page rather than an error.
  const after = typeof rawAfter === "string" && ZIssueCursor.safeParse(rawAfter).success ? rawAfter : undefined;
  const [incident, sources, found] = await Promise.all([
    getIncidentById(ctx, id),
    listSources(ctx, id),
    listImportIssues(ctx, sourceId, { after }),
  ]);
  const s = sources.find((x) => x.id === sourceId);
  if (!incident || !s || !found) notFound();
  const tz = incident.timeZone;
  const custody: [string, string][] = [
    ["Original name", s.name],
    ["sha256", s.sha256],
    ["Size", `${formatBytes(s.sizeBytes)} (${s.sizeBytes.toLocaleString("en-US")} bytes)`],
    ["Format", s.format],
    ["Imported by", s.importedBy],
    ["Started", formatDateTime(s.importedAt, tz)],
    ["Finished", s.finishedAt ? formatDateTime(s.finishedAt, tz) : "—"],
    ["Coverage", s.firstEventAt && s.lastEventAt ? `${formatDateTime(s.firstEventAt, tz)} → ${formatDateTime(s.lastEventAt, tz)}` : "—"],
  ];
  const counts: [string, number][] = [
    ["Read", s.readCount],
    ["Imported", s.importedCount],
    ["Duplicate", s.duplicateCount],
    ["Rejected", s.rejectedCount],
    ["Secrets redacted", s.redactedCount],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{s.name}</h2>
        <SourceStatus status={s.status} />
        {mayEdit && (
          <div className="ml-auto flex items-center gap-3">
            <Link
              href={`/incidents/${id}/import`}
              className="text-sm text-accent underline"
              title="Upload the same file, choose other options and tick “replace that reading”"
            >
              Read again with other options
            </Link>
            <DeleteSourceButton incidentId={id} sourceId={s.id} name={s.name} events={s.importedCount} />
          </div>
        )}
      </div>
      {s.error && <p className="rounded border border-danger/40 p-3 text-sm text-danger">{s.error}</p>}
      {s.status === "interrupted" && (
        <p className="text-sm text-muted">
          The import stopped before it finished. Import the same file again to resume; no event was written twice.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="custody-heading" className="rounded border border-line bg-panel p-4">
          <h3 id="custody-heading" className="mb-2 font-semibold">
            Chain of custody
          </h3>
          <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm">
            {custody.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted">{k}</dt>
                <dd className="mono break-all text-xs leading-5">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="counts-heading" className="rounded border border-line bg-panel p-4">
          <h3 id="counts-heading" className="mb-2 font-semibold">
            Every line accounted for
          </h3>
          <dl className="grid grid-cols-5 gap-2">
            {counts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-xs text-muted">{k}</dt>
                <dd className="text-lg font-semibold tabular-nums">{v.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-muted">read = imported + duplicate + rejected</p>
        </section>
      </div>
      <section aria-labelledby="issues-heading">
        <div className="mb-2 flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h3 id="issues-heading" className="font-semibold">
            Rejected lines ({found.source.rejectedCount.toLocaleString("en-US")})
          </h3>
          {found.issues.length > 0 && (
            <>
              <span className="text-sm text-muted">
                lines {found.issues[0]?.line.toLocaleString("en-US")}–{found.issues.at(-1)?.line.toLocaleString("en-US")}, {ISSUES_PAGE} a
                page
              </span>
              <a href={`/api/incidents/${id}/sources/${sourceId}/issues?format=csv`} className="text-sm text-accent underline" download>
                Download all as CSV
              </a>
            </>
          )}
        </div>
        {found.issues.length === 0 ? (
          <p className="text-sm text-muted">None.</p>
        ) : (
          <table className="w-full rounded border border-line bg-panel text-sm">
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th className="w-20 px-3 py-2 font-medium">Line</th>
                <th className="w-1/3 px-3 py-2 font-medium">Reason</th>
                <th className="px-3 py-2 font-medium">Raw line</th>
              </tr>
            </thead>
            <tbody>
              {found.issues.map((i) => (
                <tr key={i.id} className="border-b border-line align-top last:border-0">
                  <td className="px-3 py-2 tabular-nums">{i.line}</td>
                  <td className="px-3 py-2">{i.reason}</td>
                  <td className="mono max-w-0 truncate px-3 py-2 text-xs" title={revealControls(i.rawLine)}>
                    {revealControls(i.rawLine)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(after || found.next) && (
          <nav aria-label="Rejected lines pages" className="mt-2 flex gap-4 text-sm">
            {after && (
              <Link href={`/incidents/${id}/sources/${sourceId}`} className="text-accent underline">
                First page
              </Link>
            )}
            {found.next && (
              <Link href={`/incidents/${id}/sources/${sourceId}?after=${found.next}`} className="text-accent underline">
                Next {ISSUES_PAGE} lines
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
