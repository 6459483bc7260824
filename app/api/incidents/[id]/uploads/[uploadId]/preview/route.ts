// POST /api/incidents/[id]/uploads/[uploadId]/preview – { name, options } → the first rows as
// they would be imported with those options (format, zone, time format, mapping).
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { previewFile } from "@/lib/ingest/preview-file";
import { uploadPath } from "@/lib/ingest/uploads";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; uploadId: string }> }) {
  try {
    const { id, uploadId } = await params;
    const ctx = await getRequestContext();
    const file = uploadPath(uploadId, { userId: ctx.actor.userId, incidentId: id });
    if (!file) return json({ error: "no such upload" }, 404);
    const body = (await request.json()) as { name?: string; options?: unknown };
    return json(await previewFile(file, (body.options ?? {}) as never, body.name ?? "upload"));
  } catch (err) {
    return errorResponse(err);
  }
}
