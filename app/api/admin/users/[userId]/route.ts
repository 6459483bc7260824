// PATCH /api/admin/users/[userId] – the instance admin resets a password { password } (the account's sessions end)
//   or disables / enables it { disabled: true | false }; 200 with what changed.

import { setAccountDisabled } from "@/lib/access/accounts/set-account-disabled";
import { resetPassword } from "@/lib/access/accounts/set-password";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  try {
    const { userId } = await params;
    const ctx = await getRequestContext();
    const body = (await request.json()) as { password?: unknown; disabled?: unknown };
    if (typeof body.password === "string") await resetPassword(ctx, userId, body.password);
    const state = typeof body.disabled === "boolean" ? await setAccountDisabled(ctx, userId, body.disabled) : null;
    return json({ userId, passwordReset: typeof body.password === "string", disabledAt: state?.disabledAt ?? null });
  } catch (err) {
    return errorResponse(err);
  }
}
