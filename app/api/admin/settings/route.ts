// PATCH /api/admin/settings – the instance admin sets { ssoSignup: "open" | "invite" } (how SSO creates accounts).
import { updateInstanceSettings } from "@/lib/access/accounts/instance-settings";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request) {
  try {
    const ctx = await getRequestContext();
    return json(await updateInstanceSettings(ctx, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
