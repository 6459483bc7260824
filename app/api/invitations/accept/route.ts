// POST /api/invitations/accept – use an invitation link's { token }: signed in, it adds you to the incident (your
//   address must be the invited one); without an account, { token, name, password } creates it with the invited
//   address and signs you in. 200 { incidentId }; 404 for a used, withdrawn or expired link.
import { getAuth } from "@/lib/access/auth";
import { clientIp } from "@/lib/access/client-ip";
import { acceptInvitation } from "@/lib/access/invitations/accept-invitation";
import { getRequestContext } from "@/lib/access/request-context";
import { signInWithPassword } from "@/lib/access/sign-in-with-password";
import { getDb } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { errorResponse, json } from "@/lib/http/json-response";
import { withCookies } from "@/lib/http/with-cookies";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = (await request.json()) as { token?: string; name?: string; password?: string };
    const token = String(body.token ?? "");
    const db = await getDb();
    const ctx = await getRequestContext().catch((err) => {
      if (err instanceof UnauthenticatedError) return null;
      throw err;
    });
    if (ctx) return json({ incidentId: (await acceptInvitation(db, token, { ctx })).incidentId });
    const name = String(body.name ?? "");
    const password = String(body.password ?? "");
    const done = await acceptInvitation(db, token, { newAccount: { name, password } });
    const { setCookie } = await signInWithPassword(db, await getAuth(), {
      email: done.email,
      password,
      ip: clientIp(request.headers),
      headers: request.headers,
    });
    return withCookies(json({ incidentId: done.incidentId }), setCookie);
  } catch (err) {
    return errorResponse(err);
  }
}
