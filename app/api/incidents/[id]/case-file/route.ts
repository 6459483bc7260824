// GET /api/incidents/[id]/case-file – the whole incident as one gzipped case file (JSON lines),
// streamed: events, sources with their SHA-256, the chain, gaps, hypotheses, stories, notes, the trail.

import { getRequestContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { caseFileChunks } from "@/lib/exports/case/export-case";
import { fileSlug } from "@/lib/exports/file-slug";
import { errorResponse } from "@/lib/http/json-response";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const incident = await getIncidentById(ctx, id);
    if (!incident) throw new NotFoundError(`no incident ${id}`);
    const chunks = caseFileChunks(ctx, id);
    // The first chunk is read before answering: a refusal is a clean error, not a broken download.
    const first = await chunks.next();
    const encoder = new TextEncoder();
    const text = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(text.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>), {
      headers: {
        "content-type": "application/gzip",
        "content-disposition": `attachment; filename="${fileSlug(incident.title)}.chainline-case.jsonl.gz"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
