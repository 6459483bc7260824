// GET /api/incidents/[id]/events/export?format=csv|jsonl|timesketch-csv|timesketch-jsonl&<the Events filters>
// – every event the filters select, oldest first, streamed (a million events never sit in memory).

import { getRequestContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { eventChunks, eventFileInfo, eventFormat } from "@/lib/exports/events/export-events";
import { errorResponse } from "@/lib/http/json-response";
import { textStream } from "@/lib/http/text-stream";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { ZEventFilters } from "@/lib/schemas/annotations";
import { searchParamsRecord } from "@/lib/schemas/timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const query = new URL(request.url).searchParams;
    const format = eventFormat(query.get("format"));
    const { format: _f, ...rest } = searchParamsRecord(query);
    // Checked before the first byte is sent: a bad filter is a 422, not a broken download.
    const filters = ZEventFilters.parse(rest);
    const incident = await getIncidentById(ctx, id);
    if (!incident) throw new NotFoundError(`no incident ${id}`);
    const { filename, contentType } = eventFileInfo(format, incident.title);
    const body = await textStream(eventChunks(ctx, id, format, filters));
    return new Response(body, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${filename}"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
