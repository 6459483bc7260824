import { type Quadtree, quadtree } from "d3";
import type { CellRect, EventMark, GapBand, StepGlyph } from "./geometry";
import type { LaneRow } from "./layout";

/** What the pointer is over (plot-local x, y). */
export type Hover =
  | { type: "event"; x: number; y: number; mark: EventMark }
  | { type: "cell"; x: number; y: number; rect: CellRect; binMs: number; laneLabel: string }
  | { type: "step"; x: number; y: number; glyph: StepGlyph }
  | { type: "gaps"; x: number; y: number; bands: GapBand[] };

/** Everything drawn, indexed for finding what lies under a point: marks in a quadtree, bins per row by x. */
export type HitIndex = {
  rows: readonly LaneRow[];
  glyphs: readonly StepGlyph[];
  tree: Quadtree<EventMark>;
  cellsByRow: Map<string, CellRect[]>;
  bands: readonly GapBand[];
  binMs: number | null;
};

const MARK_PX = 8;
const STEP_PX = 10;

export function buildHitIndex(args: {
  rows: readonly LaneRow[];
  glyphs: readonly StepGlyph[];
  marks: readonly EventMark[];
  cells: readonly CellRect[];
  bands: readonly GapBand[];
  binMs: number | null;
}): HitIndex {
  const cellsByRow = new Map<string, CellRect[]>();
  for (const c of args.cells) {
    const list = cellsByRow.get(c.rowKey);
    if (list) list.push(c);
    else cellsByRow.set(c.rowKey, [c]);
  }
  for (const list of cellsByRow.values()) list.sort((a, b) => a.x - b.x);
  const tree = quadtree<EventMark>()
    .x((m) => m.x)
    .y((m) => m.y)
    .addAll(args.marks as EventMark[]);
  return { rows: args.rows, glyphs: args.glyphs, tree, cellsByRow, bands: args.bands, binMs: args.binMs };
}

/** The bin of a row under x: the last one starting at or before it, if it reaches x. */
function cellAt(list: readonly CellRect[], x: number): CellRect | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as CellRect).x - 1 <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const c = list[found];
  return c && x <= c.x + c.w + 1 ? c : undefined;
}

/** What is under (x, y): a milestone first, then an event mark, a bin, the gaps of that row. */
export function hitTest(index: HitIndex, x: number, y: number): Hover | null {
  let step: StepGlyph | null = null;
  let best = STEP_PX;
  for (const g of index.glyphs) {
    const d = Math.hypot(g.x - x, g.y - y);
    if (d < best) {
      best = d;
      step = g;
    }
  }
  if (step) return { type: "step", x, y, glyph: step };
  const mark = index.tree.find(x, y, MARK_PX);
  if (mark) return { type: "event", x, y, mark };
  const row = index.rows.find((r) => y >= r.y && y < r.y + r.h);
  if (!row) return null;
  if (index.binMs !== null) {
    const cell = cellAt(index.cellsByRow.get(row.key) ?? [], x);
    if (cell) return { type: "cell", x, y, rect: cell, binMs: index.binMs, laneLabel: row.label };
  }
  const under = index.bands.filter((b) => b.rowKey === row.key && x >= b.x && x <= b.x + b.w);
  return under.length ? { type: "gaps", x, y, bands: under } : null;
}
