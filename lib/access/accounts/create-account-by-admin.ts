import type { Ctx } from "@/lib/context/ctx";
import { assertAdmin } from "../authorize";
import type { TNewAccount } from "../schemas";
import { createAccountTx } from "./create-account";

/** The instance admin creates an account (optionally another admin). */
export async function createAccountByAdmin(ctx: Ctx, input: TNewAccount, options: { isAdmin?: boolean } = {}) {
  assertAdmin(ctx);
  return ctx.db.prisma.$transaction((tx) => createAccountTx(tx, ctx, input, options));
}
