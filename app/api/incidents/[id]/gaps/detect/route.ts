// POST /api/incidents/[id]/gaps/detect – detect quiet periods again (method and threshold in each gap's detail).

import { getRequestContext } from "@/lib/access/request-context";
import { detectQuietPeriods } from "@/lib/chain/gaps/detect-quiet-periods";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ quietPeriods: await detectQuietPeriods(ctx, id) });
  } catch (err) {
    return errorResponse(err);
  }
}
