import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { getPageContext } from "@/lib/access/request-context";
import { auditQueryFrom, listAudit } from "@/lib/audit/list-audit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Instance audit" };

// The instance admin only: the instance's own trail (sign-ins, failed sign-ins, accounts, tokens, settings).
export default async function InstanceAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext();
  if (!ctx.actor.isAdmin) notFound();
  const query = auditQueryFrom(await searchParams);
  const page = await listAudit(ctx, null, query);
  const next = new URLSearchParams(
    Object.entries({ ...query, before: page.nextCursor ?? "" }).filter((kv): kv is [string, string] => Boolean(kv[1]) && kv[0] !== "limit"),
  );
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Instance audit</h1>
      <p className="text-sm text-muted">
        Sign-ins, failed sign-ins and lock-outs, sign-outs, accounts, tokens and settings. An incident's own trail is on its Audit tab, for
        its members. Times in UTC.
      </p>
      <AuditFilters query={query} exportBase="/api/admin/audit" />
      <AuditTable entries={page.entries} timeZone="UTC" />
      {page.nextCursor && (
        <Link className="text-sm text-accent underline" href={`/admin/audit?${next}`}>
          Older entries
        </Link>
      )}
    </div>
  );
}
