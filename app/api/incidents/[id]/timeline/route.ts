// GET /api/incidents/[id]/timeline – one window of the timeline: raw events (≤ limit) or counts per lane per bin,
//   with lanes, the incident's extent, chain steps and evidence gaps. Query: from, to, width, lanes, stage, source,
//   entity, q, severity, limit (see lib/schemas/timeline.ts). 422 on bad parameters, 404 if not a member.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getTimelineData } from "@/lib/queries/get-timeline-data";
import { searchParamsRecord, ZTimelineQuery } from "@/lib/schemas/timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const query = ZTimelineQuery.parse(searchParamsRecord(new URL(request.url).searchParams));
    const data = await getTimelineData(await getRequestContext(), id, query);
    return data ? json(data) : json({ error: `no incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
