// POST /api/incidents/[id]/uploads?name=FILE – streams the body to disk (size-limited) and
// returns { uploadId, size, preview } so the form can show the first rows before importing. 429 past the
// per-user hourly upload limit.
import { getRequestContext } from "@/lib/access/request-context";
import { countUpload } from "@/lib/access/upload-limit";
import { errorResponse, json } from "@/lib/http/json-response";
import { previewFile } from "@/lib/ingest/preview-file";
import { removeUpload, saveUpload } from "@/lib/ingest/uploads";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    await countUpload(ctx, id);
    if (!request.body) return json({ error: "empty body: send the file's bytes" }, 400);
    const name = new URL(request.url).searchParams.get("name") || "upload";
    const upload = await saveUpload(request.body, { userId: ctx.actor.userId, incidentId: id });
    try {
      return json({ uploadId: upload.uploadId, size: upload.size, name, preview: await previewFile(upload.filePath, {}, name) }, 201);
    } catch (err) {
      // Refused files (binary, empty) are not kept.
      removeUpload(upload.uploadId);
      throw err;
    }
  } catch (err) {
    return errorResponse(err);
  }
}
