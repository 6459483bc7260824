import type { TimelineCell, TimelineData, TimelineEvent, TimelineGap, TimelineStep } from "@/lib/queries/get-timeline-data";
import { CHAIN_ROW, gapOwner, gapsRowKey, jitter, type LaneRow } from "./layout";
import { parseIsoMicros } from "./time-format";
import type { TimeScale } from "./time-scale";

/** An event placed on the plot (plot-local pixels). */
export type EventMark = { x: number; y: number; t: number; color: string; event: TimelineEvent };
/** A bin of one lane placed on the plot. */
export type CellRect = { x: number; w: number; y: number; h: number; color: string; rowKey: string; cell: TimelineCell };
/** A chain step placed on the plot: the milestone at x, its window to xEnd; on the chain row its label goes under it. */
export type StepGlyph = { step: TimelineStep; x: number; xEnd: number; y: number; rowKey: string; color: string; isLabelBelow: boolean };
/** The vertical band of a row that marks and bins use (the top of a stage lane is left to its milestones). */
export type MarkBand = (row: LaneRow) => { top: number; bottom: number };

/** Stage lanes that carry milestones keep their top for them; other rows give marks the whole height. */
export function markBand(hasMilestonesOnLanes: boolean): MarkBand {
  return (row) =>
    hasMilestonesOnLanes && row.kind === "stage"
      ? { top: row.y + MILESTONE_ROOM, bottom: row.y + row.h - 3 }
      : { top: row.y + 4, bottom: row.y + row.h - 4 };
}

/** How far down a stage lane its milestones sit, and where its marks start. */
export const MILESTONE_Y = 9;
const MILESTONE_ROOM = 15;
/** A gap drawn on one row, clipped to the plot. */
export type GapBand = { gap: TimelineGap; x: number; w: number; y: number; h: number; rowKey: string };

const MARGIN_PX = 12;

/** Instants where something is: events (or the edges of non-empty bins) and chain steps, for folding quiet time. */
export function activityTimes(data: TimelineData | null): number[] {
  if (!data) return [];
  const out: number[] = [];
  if (data.kind === "events") for (const e of data.events) out.push(parseIsoMicros(e.occurredAt));
  else for (const c of data.cells) out.push(c.t, c.t + data.binMs);
  for (const s of data.steps) {
    if (s.startAt) out.push(Date.parse(s.startAt));
    if (s.endAt) out.push(Date.parse(s.endAt));
  }
  return out;
}

/** Events as marks, spread vertically inside their lane by a stable jitter; those off the plot are left out. */
export function eventMarks(
  events: readonly TimelineEvent[],
  scale: TimeScale,
  rowByKey: ReadonlyMap<string, LaneRow>,
  colorOf: (e: TimelineEvent) => string,
  plotWidth: number,
  band: MarkBand,
): EventMark[] {
  const out: EventMark[] = [];
  for (const e of events) {
    const row = rowByKey.get(e.lane);
    if (!row) continue;
    const t = parseIsoMicros(e.occurredAt);
    const x = scale.x(t);
    if (x < -MARGIN_PX || x > plotWidth + MARGIN_PX) continue;
    const { top, bottom } = band(row);
    const mid = (top + bottom) / 2;
    out.push({ x, y: mid + jitter(e.id) * Math.max(0, (bottom - top) / 2 - 3), t, color: colorOf(e), event: e });
  }
  return out;
}

/** Bins as bars centred in their lane, height by the square root of the count (so one event still shows). */
export function cellRects(
  cells: readonly TimelineCell[],
  binMs: number,
  scale: TimeScale,
  rowByKey: ReadonlyMap<string, LaneRow>,
  colorOfLane: (lane: string) => string,
  plotWidth: number,
  band: MarkBand,
): CellRect[] {
  let max = 1;
  for (const c of cells) if (c.n > max) max = c.n;
  const out: CellRect[] = [];
  for (const c of cells) {
    const row = rowByKey.get(c.lane);
    if (!row) continue;
    const x0 = scale.x(c.t);
    const x1 = scale.x(c.t + binMs);
    if (x1 < -MARGIN_PX || x0 > plotWidth + MARGIN_PX) continue;
    const { top, bottom } = band(row);
    const h = Math.max(3, (bottom - top) * Math.sqrt(c.n / max));
    out.push({ x: x0, w: Math.max(1, x1 - x0 - 0.5), y: (top + bottom - h) / 2, h, color: colorOfLane(c.lane), rowKey: row.key, cell: c });
  }
  return out;
}

/** Chain steps with a time, on their stage's lane (stage lanes) or on the chain row, in chain order. */
export function stepGlyphs(
  steps: readonly TimelineStep[],
  scale: TimeScale,
  rowByKey: ReadonlyMap<string, LaneRow>,
  colorOf: (s: TimelineStep) => string,
): StepGlyph[] {
  const out: StepGlyph[] = [];
  for (const s of steps) {
    if (!s.startAt && !s.endAt) continue;
    const row = rowByKey.get(s.stageKey) ?? rowByKey.get(CHAIN_ROW);
    if (!row) continue;
    const t0 = Date.parse((s.startAt ?? s.endAt) as string);
    const t1 = s.endAt ? Date.parse(s.endAt) : t0;
    const isChainRow = row.key === CHAIN_ROW;
    out.push({
      step: s,
      x: scale.x(t0),
      xEnd: scale.x(Math.max(t0, t1)),
      y: row.y + (isChainRow ? 11 : MILESTONE_Y),
      rowKey: row.key,
      color: colorOf(s),
      isLabelBelow: isChainRow,
    });
  }
  return out;
}

/** Gaps as bands on the rows they affect (a gap on no lane goes to its owner's gaps row), clipped to the plot. */
export function gapBands(gaps: readonly TimelineGap[], scale: TimeScale, rows: readonly LaneRow[], plotWidth: number): GapBand[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: GapBand[] = [];
  for (const g of gaps) {
    const x0 = Math.max(0, scale.x(Date.parse(g.startAt)));
    const x1 = Math.min(plotWidth, scale.x(Date.parse(g.endAt)));
    if (x1 <= 0 || x0 >= plotWidth) continue;
    const keys = g.lanes.length ? g.lanes : [gapsRowKey(gapOwner(g))];
    for (const k of keys) {
      const row = byKey.get(k);
      if (row) out.push({ gap: g, x: x0, w: Math.max(2, x1 - x0), y: row.y + 2, h: row.h - 4, rowKey: row.key });
    }
  }
  return out;
}
