// POST /api/incidents/[id]/chain/build – rebuild the rule-made steps (analyst-edited steps are kept).

import { getRequestContext } from "@/lib/access/request-context";
import { buildChain } from "@/lib/chain/build-chain";
import { errorResponse, json } from "@/lib/http/json-response";
import { incidentNotFound } from "@/lib/http/require-incident";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return (await incidentNotFound(ctx, id, "evidence.edit")) ?? json(await buildChain(ctx, id));
  } catch (err) {
    return errorResponse(err);
  }
}
