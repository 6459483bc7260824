// POST /api/incidents/[id]/chain/build – rebuild the rule-made steps (analyst-edited steps are kept).

import { getRequestContext } from "@/lib/access/request-context";
import { buildChain } from "@/lib/chain/build-chain";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json(await buildChain(ctx, id));
  } catch (err) {
    return errorResponse(err);
  }
}
