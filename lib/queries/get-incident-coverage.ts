import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import type { GapOrigin, GapReason } from "@/lib/generated/prisma/client";

/** A period with no visibility, as drawn on a coverage row. */
export type CoverageGap = {
  id: string;
  startAt: Date;
  endAt: Date;
  reason: GapReason;
  origin: GapOrigin;
  /** What lost visibility when the gap names no source. */
  scope: string;
  description: string;
};

/** One source's line account and the span of time its events cover. */
export type CoverageRow = {
  sourceId: string;
  name: string;
  format: string;
  readCount: number;
  importedCount: number;
  duplicateCount: number;
  rejectedCount: number;
  /** Rows in redaction_findings for this source. */
  redactionFindings: number;
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  gaps: CoverageGap[];
};

/** Everything the Overview's "Sources and coverage" panel draws, computed on the server. */
export type IncidentCoverage = {
  /** The incident's earliest and latest event (null: no events yet). */
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  /** The shared axis: the events' span widened to take in every gap (null: nothing to draw). */
  domain: [Date, Date] | null;
  rows: CoverageRow[];
  /** Gaps that name no source. */
  otherGaps: CoverageGap[];
};

const EMPTY: IncidentCoverage = { firstEventAt: null, lastEventAt: null, domain: null, rows: [], otherGaps: [] };

/** Per-source coverage and evidence gaps for an incident (empty when the actor is not a member). */
export async function getIncidentCoverage(ctx: Ctx, incidentId: string): Promise<IncidentCoverage> {
  const prisma = ctx.db.prisma;
  if (!(await can(ctx, incidentId, "evidence.view"))) return EMPTY;
  const [sources, gaps, span] = await Promise.all([
    prisma.source.findMany({
      where: { incidentId },
      orderBy: { importedAt: "asc" },
      select: {
        id: true,
        name: true,
        format: true,
        readCount: true,
        importedCount: true,
        duplicateCount: true,
        rejectedCount: true,
        firstEventAt: true,
        lastEventAt: true,
        _count: { select: { redactions: true } },
      },
    }),
    prisma.gap.findMany({ where: { incidentId }, orderBy: [{ startAt: "asc" }, { endAt: "asc" }] }),
    prisma.event.aggregate({ where: { incidentId }, _min: { occurredAt: true }, _max: { occurredAt: true } }),
  ]);
  const toGap = (g: (typeof gaps)[number]): CoverageGap => ({
    id: g.id,
    startAt: g.startAt,
    endAt: g.endAt,
    reason: g.reason,
    origin: g.origin,
    scope: g.scope,
    description: g.description,
  });
  const bySource = new Map<string, CoverageGap[]>();
  const otherGaps: CoverageGap[] = [];
  for (const g of gaps) {
    if (g.sourceId) bySource.set(g.sourceId, [...(bySource.get(g.sourceId) ?? []), toGap(g)]);
    else otherGaps.push(toGap(g));
  }
  const firstEventAt = span._min.occurredAt ?? null;
  const lastEventAt = span._max.occurredAt ?? null;
  const times = [firstEventAt, lastEventAt, ...gaps.flatMap((g) => [g.startAt, g.endAt])]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  const domain: [Date, Date] | null = times.length ? [new Date(Math.min(...times)), new Date(Math.max(...times))] : null;
  return {
    firstEventAt,
    lastEventAt,
    domain,
    rows: sources.map((s) => ({
      sourceId: s.id,
      name: s.name,
      format: s.format,
      readCount: s.readCount,
      importedCount: s.importedCount,
      duplicateCount: s.duplicateCount,
      rejectedCount: s.rejectedCount,
      redactionFindings: s._count.redactions,
      firstEventAt: s.firstEventAt,
      lastEventAt: s.lastEventAt,
      gaps: bySource.get(s.id) ?? [],
    })),
    otherGaps,
  };
}
