// POST /api/incidents/[id]/chain/build – rebuild the rule-made steps (analyst-edited steps are kept).
import { buildChain } from "@/lib/chain/build-chain";
import { getLocalContext } from "@/lib/context/get-local-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { incidentNotFound } from "@/lib/http/require-incident";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getLocalContext();
    return (await incidentNotFound(ctx, id)) ?? json(await buildChain(ctx, id));
  } catch (err) {
    return errorResponse(err);
  }
}
