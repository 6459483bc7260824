import type { Ctx } from "@/lib/context/ctx";

/** The actor's tokens (never the secrets), newest first, with whether each still works. */
export async function listApiTokens(ctx: Ctx) {
  const rows = await ctx.db.prisma.apiToken.findMany({
    where: { userId: ctx.actor.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true },
  });
  const now = Date.now();
  return rows.map((r) => ({ ...r, state: r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "active" }));
}
