// DELETE /api/tokens/[tokenId] – revoke one of your tokens (the instance admin: anyone's); 204.
import { getRequestContext } from "@/lib/access/request-context";
import { revokeApiToken } from "@/lib/access/tokens/revoke-api-token";
import { errorResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function DELETE(_request: Request, { params }: { params: Promise<{ tokenId: string }> }) {
  try {
    const { tokenId } = await params;
    await revokeApiToken(await getRequestContext(), tokenId);
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
