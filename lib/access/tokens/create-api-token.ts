import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { newSecretToken } from "../secret-token";

export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1, "name the token (what it is for)").max(100),
  scope: z.enum(["read", "write"]),
  /** Days until it expires: 1 to 365. */
  expiresInDays: z.coerce.number().int().min(1).max(365).default(30),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

/** Creates a personal access token for the actor. The token is returned once and only its hash is kept. */
export async function createApiToken(ctx: Ctx, input: TCreateApiToken) {
  // A token cannot mint tokens: a leaked read token must not become a write token.
  if (ctx.actor.via === "token") throw new ForbiddenError("tokens cannot create tokens: sign in to make one");
  const data = ZCreateApiToken.parse(input);
  const secret = newSecretToken("clpat");
  const expiresAt = new Date(Date.now() + data.expiresInDays * 86_400_000);
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: ctx.actor.userId, name: data.name, prefix: secret.prefix, tokenHash: secret.hash, scope: data.scope, expiresAt },
      select: { id: true, name: true, prefix: true, scope: true, expiresAt: true, createdAt: true },
    });
    await recordAudit(tx, ctx, { action: "token.create", entityType: "ApiToken", entityId: row.id, after: row });
    return { ...row, token: secret.token };
  });
}
