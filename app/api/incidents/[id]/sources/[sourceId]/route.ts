// DELETE /api/incidents/[id]/sources/[sourceId] – delete an imported file and everything read from it,
//   body { confirm: <the file's name> }; the rules run again and the chain is rebuilt afterwards.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { deleteSource } from "@/lib/ingest/delete-source";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) {
  try {
    const { id, sourceId } = await params;
    const ctx = await getRequestContext();
    return json(await deleteSource(ctx, id, sourceId, await request.json().catch(() => ({}))));
  } catch (err) {
    return errorResponse(err);
  }
}
