import { notFound } from "next/navigation";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { INCIDENT_VIEWS } from "@/lib/incident-views";

// Views that are planned but not built yet say so plainly instead of pretending.
export default async function PlannedViewPage({ params }: { params: Promise<{ id: string; view: string }> }) {
  const { id, view } = await params;
  const found = INCIDENT_VIEWS.find((v) => v.slug === view);
  if (!found || !("planned" in found)) notFound();
  await getIncidentPageContext(id, found.permission);
  return (
    <div className="rounded border border-dashed border-line p-6">
      <h2 className="font-semibold">{found.label}</h2>
      <p className="mt-1 text-sm text-muted">{found.planned}</p>
      <p className="mt-2 text-sm text-muted">This view is not built yet.</p>
    </div>
  );
}
