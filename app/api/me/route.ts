// GET /api/me – who the request is acting as: { id, name, email, isAdmin, via, tokenScope? }.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { actor } = await getRequestContext();
    return json({
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      isAdmin: actor.isAdmin,
      via: actor.via,
      tokenScope: actor.tokenScope ?? null,
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
