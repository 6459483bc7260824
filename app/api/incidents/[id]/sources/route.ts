// GET /api/incidents/[id]/sources – the incident's sources with chain of custody and line counts.
// POST /api/incidents/[id]/sources – queue an import job (kept in the database, run by the server's
//   import worker, resumed after a restart); 202 { jobId, statusUrl } (poll it).
//   Either JSON { uploadId, name, options } for a file sent to /uploads first, or the file's
//   bytes as the body with ?name=&format=&tz=&timeFormat=&year=&map=&redact=false (streamed to disk).
import { getRequestContext } from "@/lib/access/request-context";
import { countUpload } from "@/lib/access/upload-limit";
import { errorResponse, json } from "@/lib/http/json-response";
import { enqueueImportJob } from "@/lib/ingest/import-jobs";
import type { TImportOptionsInput } from "@/lib/ingest/import-options";
import { optionsFromQuery } from "@/lib/ingest/options-from-query";
import { saveUpload, uploadPath } from "@/lib/ingest/uploads";
import { listSources } from "@/lib/queries/list-sources";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ sources: await listSources(ctx, id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    let upload: { uploadId: string; filePath: string; name: string; options: unknown };
    if ((request.headers.get("content-type") ?? "").startsWith("application/json")) {
      const body = (await request.json()) as { uploadId?: string; name?: string; options?: unknown };
      const filePath = uploadPath(body.uploadId ?? "", { userId: ctx.actor.userId, incidentId: id });
      if (!filePath || !body.uploadId) return json({ error: "uploadId does not name an upload" }, 404);
      upload = { uploadId: body.uploadId, filePath, name: body.name || "upload", options: body.options ?? {} };
    } else {
      if (!request.body) return json({ error: "empty body: send the file's bytes" }, 400);
      await countUpload(ctx, id);
      const q = new URL(request.url).searchParams;
      const options = optionsFromQuery(q);
      const saved = await saveUpload(request.body, { userId: ctx.actor.userId, incidentId: id });
      upload = { ...saved, name: q.get("name") || "upload", options };
    }
    const job = await enqueueImportJob(ctx, {
      incidentId: id,
      uploadId: upload.uploadId,
      fileName: upload.name,
      options: upload.options as TImportOptionsInput,
    });
    return json({ jobId: job.id, statusUrl: `/api/imports/${job.id}` }, 202);
  } catch (err) {
    return errorResponse(err);
  }
}
