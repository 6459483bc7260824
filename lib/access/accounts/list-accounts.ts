import type { Ctx } from "@/lib/context/ctx";
import { assertAdmin } from "../authorize";
import { ACCOUNT_SELECT } from "./create-account";

/** Every account (not the pre-accounts local user), for the instance admin, oldest first, with how each signs in. */
export async function listAccounts(ctx: Ctx) {
  assertAdmin(ctx, "read");
  const rows = await ctx.db.prisma.user.findMany({
    where: { isLocal: false },
    orderBy: { createdAt: "asc" },
    select: { ...ACCOUNT_SELECT, authAccounts: { select: { providerId: true } } },
  });
  return rows.map(({ authAccounts, ...u }) => ({
    ...u,
    signIn: [...new Set(authAccounts.map((a) => (a.providerId === "credential" ? "password" : a.providerId)))],
  }));
}
