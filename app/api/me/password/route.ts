// POST /api/me/password – change your password: { current, next }; your other sessions end; 204.
import { changeOwnPassword } from "@/lib/access/accounts/set-password";
import { getRequestContext } from "@/lib/access/request-context";
import { sessionToken } from "@/lib/access/session-token";
import { errorResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const ctx = await getRequestContext();
    const body = (await request.json()) as { current?: unknown; next?: unknown };
    await changeOwnPassword(
      ctx,
      { current: String(body.current ?? ""), next: String(body.next ?? "") },
      await sessionToken(request.headers),
    );
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
