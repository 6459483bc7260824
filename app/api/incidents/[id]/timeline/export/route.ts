// GET /api/incidents/[id]/timeline/export?format=svg|png&<the timeline view's query: window, lanes, filters>
// – the view as the Timeline's Image menu downloads it, drawn by headless Chromium as the requester.

import { getRequestContext } from "@/lib/access/request-context";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { requesterOf } from "@/lib/exports/requester";
import { errorResponse } from "@/lib/http/json-response";
import { timelineImage } from "@/lib/timeline/print-timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    await getRequestContext();
    const query = new URL(request.url).searchParams;
    const format = query.get("format") ?? "svg";
    if (format !== "svg" && format !== "png") throw new InvalidRequestError(`format: "${format.slice(0, 20)}" is not svg or png`);
    query.delete("format");
    const body = await timelineImage(requesterOf(request), id, query.toString(), format);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": format === "svg" ? "image/svg+xml" : "image/png",
        "content-disposition": `attachment; filename="timeline.${format}"`,
        "x-content-type-options": "nosniff",
        // An SVG opened from here is a picture, never a page that runs anything.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
