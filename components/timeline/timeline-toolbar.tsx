"use client";

import { LANE_MODE_LABEL, LANE_MODES, type LaneMode } from "@/lib/timeline/lanes";

const button =
  "rounded border border-line bg-panel px-2 py-1 text-sm leading-none text-ink hover:border-accent focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50";

/** Lane mode, zoom and pan buttons, and the quiet-time toggle. */
export function TimelineToolbar({
  lanes,
  isCompressed,
  onLanes,
  onZoom,
  onPan,
  onHome,
  onCompress,
}: {
  lanes: LaneMode;
  isCompressed: boolean;
  onLanes(mode: LaneMode): void;
  onZoom(factor: number): void;
  onPan(fraction: number): void;
  onHome(): void;
  onCompress(isOn: boolean): void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Lanes by</legend>
        <span className="mr-1 text-sm text-muted" aria-hidden="true">
          Lanes by
        </span>
        <div className="flex overflow-hidden rounded border border-line">
          {LANE_MODES.map((m) => (
            <label
              key={m}
              className={`cursor-pointer px-2.5 py-1 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent ${m === lanes ? "bg-accent font-medium text-accent-ink" : "bg-panel text-ink hover:bg-bg"}`}
            >
              <input type="radio" name="timeline-lanes" value={m} checked={m === lanes} onChange={() => onLanes(m)} className="sr-only" />
              {LANE_MODE_LABEL[m]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Zoom and pan</legend>
        <button type="button" className={button} onClick={() => onPan(-0.5)} aria-label="Pan earlier" title="Pan earlier (←)">
          ←
        </button>
        <button type="button" className={button} onClick={() => onZoom(0.5)} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" className={button} onClick={() => onZoom(2)} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <button type="button" className={button} onClick={() => onPan(0.5)} aria-label="Pan later" title="Pan later (→)">
          →
        </button>
        <button type="button" className={button} onClick={onHome} title="The whole incident (Home)">
          Whole incident
        </button>
      </fieldset>
      <label className="flex cursor-pointer items-center gap-1.5 text-sm">
        <input type="checkbox" checked={isCompressed} onChange={(e) => onCompress(e.target.checked)} />
        Compress quiet time
      </label>
    </div>
  );
}
