// GET /api/incidents/[id]/chain?asOf=2024-04-01 – the chain, with confidence as believed on that date.
import { z } from "zod";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getChain } from "@/lib/queries/get-chain";

export const dynamic = "force-dynamic";

const ZAsOf = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, "a date, YYYY-MM-DD or ISO time")
  .optional();

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const raw = ZAsOf.parse(new URL(request.url).searchParams.get("asOf") ?? undefined);
    // A bare date means the end of that day (UTC): what was believed on it.
    const asOf = raw ? new Date(raw.length === 10 ? `${raw}T23:59:59.999Z` : raw) : null;
    if (asOf && Number.isNaN(asOf.getTime())) return json({ error: `asOf is not a date: ${raw}` }, 422);
    const chain = await getChain(await getRequestContext(), id, asOf);
    return chain ? json(chain) : json({ error: `no incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err);
  }
}
