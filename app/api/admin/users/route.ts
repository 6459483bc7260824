// GET /api/admin/users – every account with how it signs in (instance admin).
// POST /api/admin/users – create { email, name, password, isAdmin? } (instance admin); 201.
import { createAccountByAdmin } from "@/lib/access/accounts/create-account-by-admin";
import { listAccounts } from "@/lib/access/accounts/list-accounts";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return json({ users: await listAccounts(await getRequestContext()) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request) {
  try {
    const ctx = await getRequestContext();
    const body = (await request.json()) as { email?: string; name?: string; password?: string; isAdmin?: boolean };
    const user = await createAccountByAdmin(
      ctx,
      { email: String(body.email ?? ""), name: String(body.name ?? ""), password: String(body.password ?? "") },
      { isAdmin: body.isAdmin === true },
    );
    return json(user, 201);
  } catch (err) {
    return errorResponse(err);
  }
}
