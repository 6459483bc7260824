// GET /api/incidents/[id]/chain/export?format=stix|mermaid[&asOf=YYYY-MM-DD] – the chain as a STIX 2.1
// bundle with MITRE's Attack Flow extension, or as Mermaid text for a wiki (as believed then, or now).

import { getRequestContext } from "@/lib/access/request-context";
import { parseAsOf } from "@/lib/chain/parse-as-of";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { chainFormat, exportChain } from "@/lib/exports/chain/export-chain";
import { errorResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const query = new URL(request.url).searchParams;
    const format = chainFormat(query.get("format"));
    const parsed = parseAsOf(query.get("asOf"));
    if ("error" in parsed) throw new InvalidRequestError(`asOf: ${parsed.error}`);
    const file = await exportChain(ctx, id, format, parsed.asOf);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
