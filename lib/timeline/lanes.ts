/** How the timeline splits events into swimlanes. */
export const LANE_MODES = ["stage", "source", "host", "actor"] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export const LANE_MODE_LABEL: Record<LaneMode, string> = { stage: "Stage", source: "Source", host: "Host", actor: "Actor" };

/** Stage lane (and stage filter value) for events no rule or analyst has tagged. */
export const UNTAGGED = "untagged";
/** Host/actor lane for the values outside the top N. */
export const OTHER_LANE = "__other__";
/** Host/actor lane for events with no host/actor. */
export const NONE_LANE = "__none__";
/** How many hosts/actors get a lane of their own. */
export const TOP_LANES = 10;

/** What a lane stands for: a stage, a source, one host/actor value, or a catch-all. */
export type LaneKind = "stage" | "untagged" | "source" | "value" | "other" | "none";

/** One swimlane: its key (stage key, source id or the host/actor value) and its label. */
export type TimelineLane = { key: string; label: string; kind: LaneKind; count: number };
