// POST /api/session – sign in with { email, password }: 204 with the session cookie; 401 wrong email or
//   password; 429 (Retry-After) after 20 wrong passwords for the account, or 100 from the address, in 15 minutes.
// DELETE /api/session – sign out: ends the session and clears the cookie; 204.
import { getAuth } from "@/lib/access/auth";
import { clientIp } from "@/lib/access/client-ip";
import { getRequestContext } from "@/lib/access/request-context";
import { ZSignIn } from "@/lib/access/schemas";
import { signInWithPassword } from "@/lib/access/sign-in-with-password";
import { signOut } from "@/lib/access/sign-out";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/json-response";
import { withCookies } from "@/lib/http/with-cookies";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = ZSignIn.parse(await request.json());
    const { setCookie } = await signInWithPassword(await getDb(), await getAuth(), {
      ...body,
      ip: clientIp(request.headers),
      headers: request.headers,
    });
    return withCookies(new Response(null, { status: 204 }), setCookie);
  } catch (err) {
    return errorResponse(err);
  }
}

export async function DELETE(request: Request) {
  try {
    const ctx = await getRequestContext();
    const setCookie = await signOut(ctx, await getAuth(), request.headers);
    return withCookies(new Response(null, { status: 204 }), setCookie);
  } catch (err) {
    return errorResponse(err);
  }
}
