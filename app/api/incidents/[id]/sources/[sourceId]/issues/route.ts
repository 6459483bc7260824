// GET /api/incidents/[id]/sources/[sourceId]/issues[?after=<cursor>] – one page of the source's rejected
// lines (line, reason, raw line) with the next page's cursor; ?format=csv – all of them, streamed as a file.
import { getRequestContext } from "@/lib/access/request-context";
import { fileSlug } from "@/lib/exports/file-slug";
import { badQuery, errorResponse, json } from "@/lib/http/json-response";
import { textStream } from "@/lib/http/text-stream";
import { importIssuesCsv, listImportIssues } from "@/lib/queries/list-import-issues";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) {
  try {
    const { id, sourceId } = await params;
    const ctx = await getRequestContext();
    const query = new URL(request.url).searchParams;
    const format = query.get("format") ?? "json";
    if (format !== "json" && format !== "csv") return badQuery("format", 'must be "json" or "csv"');
    const missing = () => json({ error: `no source ${sourceId} in incident ${id}` }, 404);
    if (format === "csv") {
      const found = await importIssuesCsv(ctx, sourceId);
      if (!found || found.source.incidentId !== id) return missing();
      return new Response(await textStream(found.chunks), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${fileSlug(found.source.name)}-rejected-lines.csv"`,
          "x-content-type-options": "nosniff",
        },
      });
    }
    const found = await listImportIssues(ctx, sourceId, { after: query.get("after") ?? undefined });
    if (!found || found.source.incidentId !== id) return missing();
    return json(found);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
