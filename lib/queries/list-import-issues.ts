import { z } from "zod";
import { can } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import { csvLine } from "@/lib/exports/csv-cell";

/** Rejected lines per page: enough to scan, small enough to render at once. */
export const ISSUES_PAGE = 500;

/** A page's position: the line number and id of the last issue of the previous page ("120.4711"). */
export const ZIssueCursor = z
  .string()
  .regex(/^\d{1,10}\.\d{1,19}$/, "must be line.id, as the previous page's next cursor gives it")
  .refine((c) => {
    const [line, id] = c.split(".");
    return Number(line) <= 2_147_483_647 && BigInt(id as string) <= 9_223_372_036_854_775_807n;
  }, "must be line.id, as the previous page's next cursor gives it")
  .transform((c) => {
    const [line, id] = c.split(".");
    return { line: Number(line), id: BigInt(id as string) };
  });

export type ImportIssueRow = { id: string; line: number; reason: string; rawLine: string };

async function visibleSource(ctx: Ctx, sourceId: string) {
  if (!isUuid(sourceId)) return null;
  const source = await ctx.db.prisma.source.findFirst({
    where: { id: sourceId, incident: { memberships: { some: { userId: ctx.actor.userId } } } },
    select: { id: true, name: true, incidentId: true, rejectedCount: true },
  });
  if (!source || !(await can(ctx, source.incidentId, "evidence.view"))) return null;
  return source;
}

async function issuePage(ctx: Ctx, sourceId: string, after: z.output<typeof ZIssueCursor> | undefined, limit: number) {
  const rows = await ctx.db.prisma.importIssue.findMany({
    where: {
      sourceId,
      ...(after ? { OR: [{ lineNumber: { gt: after.line } }, { lineNumber: after.line, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ lineNumber: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    issues: page.map((i): ImportIssueRow => ({ id: i.id.toString(), line: i.lineNumber, reason: i.reason, rawLine: i.rawLine })),
    next: rows.length > limit && last ? `${last.lineNumber}.${last.id}` : null,
  };
}

/**
 * One page of a source's rejected lines in line order, with the cursor of the next page (null on
 * the last), or null when the actor cannot see the source. Every line can be reached: a source
 * with 47,267 rejected lines pages through all of them.
 */
export async function listImportIssues(ctx: Ctx, sourceId: string, opts: { after?: string; limit?: number } = {}) {
  // Parsed as a named field, so a bad cursor is a 400 naming "after".
  const { after } = z.object({ after: ZIssueCursor.optional() }).parse({ after: opts.after });
  const source = await visibleSource(ctx, sourceId);
  if (!source) return null;
  return { source, ...(await issuePage(ctx, sourceId, after, opts.limit ?? ISSUES_PAGE)) };
}

/**
 * Every rejected line of a source as CSV (line, reason, raw line), read page by page so memory
 * holds one page; null when the actor cannot see the source. The raw line is cell-escaped like
 * every export: a line that starts like a formula does not run in a spreadsheet.
 */
export async function importIssuesCsv(ctx: Ctx, sourceId: string) {
  const source = await visibleSource(ctx, sourceId);
  if (!source) return null;
  async function* chunks(): AsyncGenerator<string> {
    yield csvLine(["line", "reason", "raw_line"]);
    let after: z.output<typeof ZIssueCursor> | undefined;
    for (;;) {
      const page = await issuePage(ctx, sourceId, after, 5_000);
      yield page.issues.map((i) => csvLine([i.line, i.reason, i.rawLine])).join("");
      if (!page.next) return;
      after = ZIssueCursor.parse(page.next);
    }
  }
  return { source, chunks: chunks() };
}
