import type { SeverityLevel } from "@/lib/schemas/timeline";
import type { LaneMode } from "./lanes";
import type { ViewWindow } from "./view-window";

/** The filters the timeline applies, as the page holds them. */
export type TimelineFilterState = {
  stage: string[];
  source: string[];
  entity?: string;
  q?: string;
  severity: SeverityLevel[];
};

/** Everything a link to the timeline reproduces. */
export type TimelineViewState = {
  window: ViewWindow;
  lanes: LaneMode;
  filters: TimelineFilterState;
  /** The event whose details are open. */
  event?: string;
  compress: boolean;
};

export const NO_FILTERS: TimelineFilterState = { stage: [], source: [], severity: [] };

export function isoMs(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

function putFilters(q: URLSearchParams, f: TimelineFilterState) {
  if (f.stage.length) q.set("stage", f.stage.join(","));
  if (f.source.length) q.set("source", f.source.join(","));
  if (f.entity) q.set("entity", f.entity);
  if (f.q) q.set("q", f.q);
  if (f.severity.length) q.set("severity", f.severity.join(","));
}

/** The page's query string for a view (what the address bar shows). */
export function viewToSearch(v: TimelineViewState): string {
  const q = new URLSearchParams();
  q.set("from", isoMs(v.window.from));
  q.set("to", isoMs(v.window.to));
  q.set("lanes", v.lanes);
  putFilters(q, v.filters);
  if (v.event) q.set("event", v.event);
  if (v.compress) q.set("compress", "1");
  return q.toString();
}

/** The API's query string for one window of a view (or the whole incident). */
export function apiSearch(args: {
  window?: ViewWindow;
  lanes: LaneMode;
  filters: TimelineFilterState;
  width: number;
  limit?: number;
}): string {
  const q = new URLSearchParams();
  // No window: the whole incident (the server knows its extent).
  if (args.window) {
    q.set("from", isoMs(args.window.from));
    q.set("to", isoMs(args.window.to));
  }
  q.set("lanes", args.lanes);
  q.set("width", String(Math.max(50, Math.round(args.width))));
  if (args.limit !== undefined) q.set("limit", String(args.limit));
  putFilters(q, args.filters);
  return q.toString();
}

/** True when two filter states select the same events. */
export function sameFilters(a: TimelineFilterState, b: TimelineFilterState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
