// GET /api/incidents/[id]/case-file – the whole incident as one gzipped case file (JSON lines),
// streamed: events, sources with their SHA-256, the chain, gaps, hypotheses, stories, notes, the trail.

import { getRequestContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { caseFileChunks } from "@/lib/exports/case/export-case";
import { fileSlug } from "@/lib/exports/file-slug";
import { errorResponse } from "@/lib/http/json-response";
import { textStream } from "@/lib/http/text-stream";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const incident = await getIncidentById(ctx, id);
    if (!incident) throw new NotFoundError(`no incident ${id}`);
    const text = await textStream(caseFileChunks(ctx, id));
    return new Response(text.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>), {
      headers: {
        "content-type": "application/gzip",
        "content-disposition": `attachment; filename="${fileSlug(incident.title)}.chainline-case.jsonl.gz"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
