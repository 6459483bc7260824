import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventsClient } from "@/components/events/events-client";
import { apiSearch, parseEventsView } from "@/components/events/events-view";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listIncidentTags } from "@/lib/queries/list-annotations";
import { listEvents } from "@/lib/queries/list-events";
import { listSources } from "@/lib/queries/list-sources";
import { listStages } from "@/lib/queries/list-stages";
import { searchParamsRecord } from "@/lib/schemas/timeline";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

/** Rows per request: the first page here, then as the table scrolls. */
const PAGE_SIZE = 500;

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const view = parseEventsView(searchParamsRecord(await searchParams));
  const { ctx, role } = await getIncidentPageContext(id, "evidence.view");
  const [incident, page, stages, sources, tags] = await Promise.all([
    getIncidentById(ctx, id),
    listEvents(ctx, id, { ...view.filters, sort: view.sort, dir: view.dir, limit: PAGE_SIZE }),
    listStages(ctx, id),
    listSources(ctx, id),
    listIncidentTags(ctx, id),
  ]);
  if (!incident || !page) notFound();
  return (
    <EventsClient
      incidentId={incident.id}
      initialView={view}
      initialPage={page}
      initialSearch={apiSearch(view, { limit: PAGE_SIZE })}
      pageSize={PAGE_SIZE}
      stages={stages.map((s) => ({ key: s.key, name: s.name, position: s.position }))}
      sources={sources.map((s) => ({ id: s.id, name: s.name }))}
      tags={tags}
      canCite={roleAllows(role, "stories.edit")}
    />
  );
}
