// POST /api/incidents/[id]/gaps/detect – detect quiet periods again (method and threshold in each gap's detail).
import { detectQuietPeriods } from "@/lib/chain/gaps/detect-quiet-periods";
import { getLocalContext } from "@/lib/context/get-local-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { incidentNotFound } from "@/lib/http/require-incident";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getLocalContext();
    return (await incidentNotFound(ctx, id)) ?? json({ quietPeriods: await detectQuietPeriods(ctx, id) });
  } catch (err) {
    return errorResponse(err);
  }
}
