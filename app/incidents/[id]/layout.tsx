import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TabNav } from "@/components/ui/tab-nav";
import { getLocalContext } from "@/lib/context/get-local-context";
import { INCIDENT_VIEWS } from "@/lib/incident-views";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";

export default async function IncidentLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const incident = await getIncidentById(await getLocalContext(), id);
  if (!incident) notFound();
  const base = `/incidents/${incident.id}`;
  return (
    <div>
      <div className="mb-3">
        <p className="text-xs uppercase tracking-wide text-muted">Incident · {incident.status}</p>
        <h1 className="text-xl font-semibold">{incident.title}</h1>
      </div>
      <TabNav
        label="Incident views"
        tabs={INCIDENT_VIEWS.map((v) => ({
          href: v.slug ? `${base}/${v.slug}` : base,
          label: v.label,
          also: "also" in v ? v.also.map((s) => `${base}/${s}`) : undefined,
        }))}
      />
      <div className="pt-4">{children}</div>
    </div>
  );
}
