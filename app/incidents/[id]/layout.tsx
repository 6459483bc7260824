import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TabNav } from "@/components/ui/tab-nav";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatDate } from "@/lib/format/format-time";
import { incidentTitleTemplate } from "@/lib/incident-metadata";
import { INCIDENT_VIEWS } from "@/lib/incident-views";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { workspaceAttempt } from "@/lib/training/workspace-attempt";

export const dynamic = "force-dynamic";

// Every incident page's title names the incident after the view ("Timeline · Storm-0558 · Chainline"),
// so a browser tab or a history entry says which incident it is.
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return incidentTitleTemplate((await params).id);
}

export default async function IncidentLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "incident.view");
  const [incident, attempt] = await Promise.all([getIncidentById(ctx, id), workspaceAttempt(ctx, id)]);
  if (!incident) notFound();
  const base = `/incidents/${incident.id}`;
  return (
    <div>
      <div className="mb-3">
        <p className="no-print text-xs uppercase tracking-wide text-muted">
          Incident · {incident.status}
          {incident.closedAt
            ? ` ${formatDate(incident.closedAt, incident.timeZone)}`
            : incident.containedAt
              ? ` ${formatDate(incident.containedAt, incident.timeZone)}`
              : ""}{" "}
          · you are {role === "analyst" || role === "owner" || role === "executive" ? `an ${role}` : `a ${role}`}
        </p>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">{incident.title}</h1>
          {roleAllows(role, "incident.manage") && (
            <Link href={`${base}/settings`} className="no-print text-sm text-accent hover:underline">
              Settings
            </Link>
          )}
        </div>
        {attempt && (
          <p className="no-print text-sm">
            Training workspace of the exercise “{attempt.title}” ·{" "}
            <Link href={`/training/attempts/${attempt.id}`} className="text-accent hover:underline">
              Back to the tasks
            </Link>
          </p>
        )}
      </div>
      <TabNav
        label="Incident views"
        tabs={INCIDENT_VIEWS.filter((v) => roleAllows(role, v.permission)).map((v) => ({
          href: v.slug ? `${base}/${v.slug}` : base,
          label: v.label,
          also: "also" in v ? v.also.map((s) => `${base}/${s}`) : undefined,
        }))}
      />
      <div className="pt-4">{children}</div>
    </div>
  );
}
