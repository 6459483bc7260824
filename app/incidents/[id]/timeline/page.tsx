import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TimelineClient } from "@/components/timeline/timeline-client";
import { requestWidth } from "@/components/timeline/timeline-constants";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { getTimelineData } from "@/lib/queries/get-timeline-data";
import { parseTimelineView, searchParamsRecord } from "@/lib/schemas/timeline";
import { parseIsoMicros } from "@/lib/timeline/time-format";
import { isoMs, type TimelineViewState } from "@/lib/timeline/view-state";
import { homeWindow } from "@/lib/timeline/view-window";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Timeline" };

// The timeline's box at a 1440-pixel-wide window (the content column less padding and borders),
// until the browser measures it; the client asks again only if its bins would differ.
const GUESSED_BOX_WIDTH = 1406;
const GUESSED_REQUEST_WIDTH = requestWidth(GUESSED_BOX_WIDTH);

export default async function TimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "evidence.view");
  const incident = await getIncidentById(ctx, id);
  if (!incident) notFound();
  const v = parseTimelineView(searchParamsRecord(await searchParams));
  const filters = { stage: v.stage, source: v.source, entity: v.entity, q: v.q, severity: v.severity };

  // The overview (whole incident, always bins) also tells the extent the default window needs.
  const overview = await getTimelineData(ctx, id, { ...filters, lanes: v.lanes, width: GUESSED_REQUEST_WIDTH, limit: 0 });
  const extent = overview?.extent ? { from: parseIsoMicros(overview.extent.from), to: parseIsoMicros(overview.extent.to) } : null;
  const window = v.from && v.to ? { from: Date.parse(v.from), to: Date.parse(v.to) } : homeWindow(extent);
  const main = await getTimelineData(ctx, id, {
    ...filters,
    lanes: v.lanes,
    from: isoMs(window.from),
    to: isoMs(window.to),
    width: GUESSED_REQUEST_WIDTH,
  });
  const view: TimelineViewState = { window, lanes: v.lanes, filters, event: v.event, compress: v.compress };

  return (
    <TimelineClient
      incidentId={incident.id}
      incidentTitle={incident.title}
      initialView={view}
      initialBoxWidth={GUESSED_BOX_WIDTH}
      initialMain={main}
      initialOverview={overview}
      canCite={roleAllows(role, "stories.edit")}
    />
  );
}
