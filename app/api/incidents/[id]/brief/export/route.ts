// GET /api/incidents/[id]/brief/export?format=pdf|png[&paper=a4|letter][&asOf=YYYY-MM-DD] – the brief
// page printed by headless Chromium as the requester sees it: a one-page PDF, or a PNG.

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { briefPdf, briefPng } from "@/lib/brief/print-brief";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { requesterOf } from "@/lib/exports/requester";
import { errorResponse } from "@/lib/http/json-response";
import { paperOf } from "@/lib/stories/export-story";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    await authorize(ctx, id, "chain.view");
    const url = new URL(request.url);
    const format = url.searchParams.get("format") ?? "pdf";
    if (format !== "pdf" && format !== "png") throw new InvalidRequestError(`format: "${format.slice(0, 20)}" is not pdf or png`);
    const rawAsOf = url.searchParams.get("asOf");
    const parsed = parseAsOf(rawAsOf);
    if ("error" in parsed) throw new InvalidRequestError(`asOf: ${parsed.error}`);
    // Chromium asks the app for the brief page as this requester (their session or token), this server.
    const print = { ...requesterOf(request), incidentId: id, asOf: rawAsOf };
    const body = format === "pdf" ? await briefPdf(print, paperOf(url.searchParams.get("paper"))) : await briefPng(print);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": format === "pdf" ? "application/pdf" : "image/png",
        "content-disposition": `attachment; filename="brief${rawAsOf ? `-${rawAsOf}` : ""}.${format}"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
