// POST /api/setup – first run only: create the instance admin from { name, email, password } and sign them in
//   (204 with the session cookie); 422 once an admin exists or for a bad field.
import { setupFirstAdmin } from "@/lib/access/accounts/setup-first-admin";
import { getAuth } from "@/lib/access/auth";
import { clientIp } from "@/lib/access/client-ip";
import { ZNewAccount } from "@/lib/access/schemas";
import { signInWithPassword } from "@/lib/access/sign-in-with-password";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/json-response";
import { withCookies } from "@/lib/http/with-cookies";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const input = ZNewAccount.parse(await request.json());
    const db = await getDb();
    await setupFirstAdmin(db, input);
    const { setCookie } = await signInWithPassword(db, await getAuth(), {
      email: input.email,
      password: input.password,
      ip: clientIp(request.headers),
      headers: request.headers,
    });
    return withCookies(new Response(null, { status: 204 }), setCookie);
  } catch (err) {
    return errorResponse(err);
  }
}
