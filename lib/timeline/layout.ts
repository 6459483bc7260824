import type { LaneKind, LaneMode, TimelineLane } from "./lanes";

/** A horizontal band of the main view: a lane, the chain row or the gaps row. */
export type LaneRow = {
  key: string;
  label: string;
  kind: LaneKind | "chain" | "gaps";
  y: number;
  h: number;
  count: number;
};

/** Row key of the chain milestones when the lanes are not stages. */
export const CHAIN_ROW = "__chain__";
/** Row key prefix of the gaps that affect no single lane: one row per source (or scope) they belong to. */
export const GAPS_ROW = "__gaps__";

/** Whose a gap on no lane is: its source, else its scope ("" when it names neither). */
export function gapOwner(g: { sourceId: string | null; scope: string }): string {
  return g.sourceId ?? g.scope;
}

/** The row of the unplaced gaps of one owner, so each band sits in a row that says whose gap it is. */
export function gapsRowKey(owner: string): string {
  return `${GAPS_ROW}:${owner}`;
}

export const LANE_H = 30;
const CHAIN_H = 38;
const GAPS_H = 26;

/** Stacks the rows: the chain first (unless steps sit on their stage lanes), then the lanes, then a row per owner of unplaced gaps. */
export function layoutRows(args: {
  laneMode: LaneMode;
  lanes: readonly TimelineLane[];
  hasSteps: boolean;
  /** One row per owner of gaps that affect no lane, labelled with whose gaps they are. */
  gapRows: readonly { key: string; label: string }[];
}): {
  rows: LaneRow[];
  height: number;
} {
  const rows: LaneRow[] = [];
  let y = 0;
  if (args.laneMode !== "stage" && args.hasSteps) {
    rows.push({ key: CHAIN_ROW, label: "Attack chain", kind: "chain", y, h: CHAIN_H, count: 0 });
    y += CHAIN_H;
  }
  for (const l of args.lanes) {
    rows.push({ key: l.key, label: l.label, kind: l.kind, y, h: LANE_H, count: l.count });
    y += LANE_H;
  }
  for (const g of args.gapRows) {
    rows.push({ key: g.key, label: g.label, kind: "gaps", y, h: GAPS_H, count: 0 });
    y += GAPS_H;
  }
  return { rows, height: y };
}

/** A stable offset in [-1, 1] from an id, so overlapping marks spread vertically the same way on every frame. */
export function jitter(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) / 4294967295) * 2 - 1;
}
