import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { auditQueryFrom, listAudit } from "@/lib/audit/list-audit";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

// Members who may see the incident's evidence: every change to it, who made it, and what changed.
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const { ctx } = await getIncidentPageContext(id, "evidence.view");
  const query = auditQueryFrom(sp);
  const [incident, page] = await Promise.all([getIncidentById(ctx, id), listAudit(ctx, id, query)]);
  const next = new URLSearchParams(
    Object.entries({ ...query, before: page.nextCursor ?? "" }).filter((kv): kv is [string, string] => Boolean(kv[1]) && kv[0] !== "limit"),
  );
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Every change to this incident: who, what, when, and the change itself. The trail cannot be edited or deleted.
      </p>
      <AuditFilters query={query} exportBase={`/api/incidents/${id}/audit`} />
      <AuditTable entries={page.entries} timeZone={incident?.timeZone ?? "UTC"} />
      <div className="flex gap-4 text-sm">
        {query.before && (
          <Link className="text-accent underline" href={`/incidents/${id}/audit`}>
            Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link className="text-accent underline" href={`/incidents/${id}/audit?${next}`}>
            Older entries
          </Link>
        )}
      </div>
    </div>
  );
}
