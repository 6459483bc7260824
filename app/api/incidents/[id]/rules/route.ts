// GET  /api/incidents/[id]/rules – the rules that apply and what each matched.
// POST /api/incidents/[id]/rules – load Sigma YAML (body: {fileName, yaml}); 422 lists unsupported rules.
import { z } from "zod";
import { getRequestContext } from "@/lib/access/request-context";
import { loadSigmaRules } from "@/lib/chain/rules/sigma/load-sigma-rules";
import { errorResponse, json } from "@/lib/http/json-response";
import { listRules } from "@/lib/queries/list-rules";

export const dynamic = "force-dynamic";

const ZSigmaUpload = z.object({ fileName: z.string().min(1).max(300), yaml: z.string().min(1).max(2_000_000) });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ rules: await listRules(ctx, id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const body = ZSigmaUpload.parse(await request.json());
    const result = await loadSigmaRules(ctx, id, body);
    return json(result, result.problems.length > 0 && result.loaded.length === 0 ? 422 : 200);
  } catch (err) {
    return errorResponse(err);
  }
}
