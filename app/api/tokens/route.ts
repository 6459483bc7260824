// GET /api/tokens – the signed-in user's personal access tokens (never the secrets), with their state.
// POST /api/tokens – create { name, scope: read|write, expiresInDays 1–365 }: 201 with `token`, shown this once.
import { getRequestContext } from "@/lib/access/request-context";
import { createApiToken } from "@/lib/access/tokens/create-api-token";
import { listApiTokens } from "@/lib/access/tokens/list-api-tokens";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return json({ tokens: await listApiTokens(await getRequestContext()) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request) {
  try {
    const ctx = await getRequestContext();
    return json(await createApiToken(ctx, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
