import { can } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";

/** A source's rejected lines in line order (bounded), or null when the actor cannot see it. */
export async function listImportIssues(ctx: Ctx, sourceId: string, limit = 1_000) {
  if (!isUuid(sourceId)) return null;
  const source = await ctx.db.prisma.source.findFirst({
    where: { id: sourceId, incident: { memberships: { some: { userId: ctx.actor.userId } } } },
    select: { id: true, name: true, incidentId: true, rejectedCount: true },
  });
  if (!source || !(await can(ctx, source.incidentId, "evidence.view"))) return null;
  const issues = await ctx.db.prisma.importIssue.findMany({
    where: { sourceId },
    orderBy: [{ lineNumber: "asc" }, { id: "asc" }],
    take: limit,
  });
  return { source, issues: issues.map((i) => ({ id: i.id.toString(), line: i.lineNumber, reason: i.reason, rawLine: i.rawLine })) };
}
