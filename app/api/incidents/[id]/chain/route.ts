// GET /api/incidents/[id]/chain?asOf=2024-04-01 – the chain, with confidence as believed on that date.
import { getRequestContext } from "@/lib/access/request-context";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { badQuery, errorResponse, json } from "@/lib/http/json-response";
import { getChain } from "@/lib/queries/get-chain";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const parsed = parseAsOf(new URL(request.url).searchParams.get("asOf"));
    if ("error" in parsed) return badQuery("asOf", parsed.error);
    const { asOf } = parsed;
    const chain = await getChain(ctx, id, asOf);
    return chain ? json(chain) : json({ error: `no incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
