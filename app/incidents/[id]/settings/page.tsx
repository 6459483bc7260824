import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteIncidentForm } from "@/components/incidents/delete-incident-form";
import { IncidentDetailsForm } from "@/components/incidents/incident-details-form";
import { IncidentStatusForm } from "@/components/incidents/incident-status-form";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

// The incident's owners: its name, summary and time zone, its status through open → contained →
// closed with dates, and deleting it.
export default async function IncidentSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await getIncidentPageContext(id, "incident.manage");
  const incident = await getIncidentById(ctx, id);
  if (!incident) notFound();
  const tz = incident.timeZone;
  return (
    <div className="max-w-3xl space-y-4">
      <h2 className="text-lg font-semibold">Settings</h2>
      <IncidentDetailsForm incidentId={id} title={incident.title} summary={incident.summary} timeZone={tz} />
      <IncidentStatusForm
        incidentId={id}
        status={incident.status}
        containedAt={incident.containedAt ? formatDateTime(incident.containedAt, tz) : null}
        closedAt={incident.closedAt ? formatDateTime(incident.closedAt, tz) : null}
        timeZone={tz}
      />
      <DeleteIncidentForm incidentId={id} title={incident.title} events={incident._count.events} />
    </div>
  );
}
