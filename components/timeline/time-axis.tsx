"use client";

import { memo } from "react";
import { formatDuration } from "@/lib/timeline/time-format";
import type { AxisTick, TimeSegment } from "@/lib/timeline/time-scale";

/**
 * The time axis above the lanes (plot-local x, y = 0 at its top): ticks labelled for the scale,
 * folded stretches marked with their length, and what the labels leave out (date, zone) in the
 * label column to the left.
 */
export const TimeAxis = memo(function TimeAxis({
  height,
  gutter,
  plotWidth,
  ticks,
  breaks,
  context,
}: {
  height: number;
  gutter: number;
  plotWidth: number;
  ticks: readonly AxisTick[];
  breaks: readonly TimeSegment[];
  /** What the tick labels leave out (the date, the year) and the zone. */
  context: string;
}) {
  const base = height - 0.5;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the window is given as text above the lanes.
    <g aria-hidden="true">
      <text x={-gutter + 8} y={height / 2} dy="0.35em" className="fill-muted text-[11px]">
        {context}
      </text>
      <line x1={0} x2={plotWidth} y1={base} y2={base} className="stroke-muted" />
      {ticks.map((t) => (
        <g key={t.t} transform={`translate(${t.x},0)`}>
          <line y1={base - 5} y2={base} className="stroke-muted" />
          <text y={base - 9} textAnchor="middle" className="fill-ink text-[11px] tabular-nums">
            {t.label}
          </text>
        </g>
      ))}
      {breaks.map((b) => {
        const mid = (b.x0 + b.x1) / 2;
        return (
          <g key={b.t0}>
            <rect x={b.x0} y={base - 4} width={b.x1 - b.x0} height={8} className="fill-panel" />
            <path
              d={`M${b.x0 + 4},${base + 4}L${b.x0 + 10},${base - 4}M${b.x1 - 10},${base + 4}L${b.x1 - 4},${base - 4}`}
              className="stroke-muted"
              strokeWidth="1.5"
            />
            <text x={mid} y={base - 9} textAnchor="middle" className="fill-muted text-[10px] italic">
              {formatDuration(b.t1 - b.t0)}
            </text>
          </g>
        );
      })}
    </g>
  );
});
