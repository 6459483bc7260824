"use client";

import { memo } from "react";
import { wrapText } from "@/lib/format/wrap-text";
import { gapBandText, gapReasonLabel } from "@/lib/timeline/gap-labels";
import type { GapBand } from "@/lib/timeline/geometry";
import { gapOwner, gapsRowKey, type LaneRow } from "@/lib/timeline/layout";
import { formatDuration, formatInstant } from "@/lib/timeline/time-format";
import type { AxisTick, TimeSegment } from "@/lib/timeline/time-scale";
import { GUTTER } from "./timeline-constants";

/** A lane's name in one line, or two (at 11px) when it does not fit in one. */
function laneLabelLines(label: string, px: number): string[] {
  return label.length * 6.9 <= px ? [label] : wrapText(label, px, 6.3, 2);
}

const nf = new Intl.NumberFormat("en-US");

/** The name people read for a gap: its reason and what lost visibility, with its dates. */
export function describeGap(g: GapBand["gap"], sourceName?: string): string {
  const what = sourceName ?? g.scope;
  return `${gapReasonLabel(g.reason)} gap${what ? ` in ${what}` : ""}: ${formatInstant(Date.parse(g.startAt))} to ${formatInstant(Date.parse(g.endAt))}${g.description ? ` — ${g.description}` : ""}`;
}

type Props = {
  /** Where the lanes start (the axis is above them). */
  top: number;
  width: number;
  plotWidth: number;
  height: number;
  rows: readonly LaneRow[];
  ticks: readonly AxisTick[];
  breaks: readonly TimeSegment[];
  bands: readonly GapBand[];
  hatchId: string;
  laneColor(row: LaneRow): string | null;
  sourceOf(id: string | null): { name: string; firstEventAt: string | null } | undefined;
};

/** Under the marks: lane stripes and labels, grid lines, folded stretches and hatched evidence gaps. */
export const LaneBackground = memo(function LaneBackground({
  top,
  width,
  plotWidth,
  height,
  rows,
  ticks,
  breaks,
  bands,
  hatchId,
  laneColor,
  sourceOf,
}: Props) {
  // Label each band once per row where it has room and does not run into the previous label.
  const lastLabelEnd = new Map<string, number>();
  return (
    <svg width={width} height={height} className="pointer-events-none absolute left-0" style={{ top }} aria-label="Lanes and evidence gaps">
      <defs>
        <pattern id={hatchId} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="7" className="stroke-danger" strokeWidth="2" strokeOpacity="0.55" />
        </pattern>
        <clipPath id={`${hatchId}-plot`}>
          <rect x={0} y={0} width={plotWidth} height={height} />
        </clipPath>
      </defs>
      {rows.map((r, i) => {
        const color = laneColor(r);
        const isCatchAll = r.kind === "other" || r.kind === "none" || r.kind === "untagged" || r.kind === "gaps" || r.kind === "chain";
        const labelX = color ? 24 : 8;
        const lines = laneLabelLines(r.label, GUTTER - labelX - (r.kind === "chain" || r.kind === "gaps" ? 8 : 54));
        return (
          <g key={r.key}>
            <rect x={0} y={r.y} width={width} height={r.h} className={i % 2 ? "fill-bg" : "fill-panel"} />
            <line x1={0} x2={width} y1={r.y + r.h - 0.5} y2={r.y + r.h - 0.5} className="stroke-line" />
            {color ? <rect x={8} y={r.y + r.h / 2 - 5} width={10} height={10} rx={2} fill={color} /> : null}
            <text
              pointerEvents="auto"
              x={labelX}
              y={r.y + r.h / 2}
              className={`${lines.length > 1 ? "text-[11px]" : "text-[12px]"} ${isCatchAll ? "fill-muted italic" : "fill-ink"}`}
            >
              <title>{`${r.label}${r.kind === "chain" || r.kind === "gaps" ? "" : `: ${nf.format(r.count)} events in view`}`}</title>
              {/* Whole names: a long one takes two lines of the lane rather than an ellipsis. */}
              {lines.map((line, k) => (
                <tspan key={line} x={labelX} dy={k === 0 ? `${0.35 - (lines.length - 1) * 0.55}em` : "1.1em"}>
                  {line}
                </tspan>
              ))}
            </text>
            {r.kind !== "chain" && r.kind !== "gaps" ? (
              <text x={GUTTER - 8} y={r.y + r.h / 2} dy="0.35em" textAnchor="end" className="fill-muted text-[10px] tabular-nums">
                {r.count ? nf.format(r.count) : ""}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={GUTTER - 0.5} x2={GUTTER - 0.5} y1={0} y2={height} className="stroke-line" />
      <g transform={`translate(${GUTTER},0)`} clipPath={`url(#${hatchId}-plot)`}>
        {ticks.map((t) => (
          <line key={t.t} x1={t.x} x2={t.x} y1={0} y2={height} className="stroke-line" strokeDasharray="2 3" />
        ))}
        {breaks.map((b) => (
          <g key={b.t0}>
            <title>{`Quiet for ${formatDuration(b.t1 - b.t0)}: ${formatInstant(b.t0)} to ${formatInstant(b.t1)} (folded)`}</title>
            <rect x={b.x0} y={0} width={b.x1 - b.x0} height={height} className="fill-line" fillOpacity="0.55" />
            <line x1={b.x0 + 0.5} x2={b.x0 + 0.5} y1={0} y2={height} className="stroke-muted" strokeDasharray="3 3" />
            <line x1={b.x1 - 0.5} x2={b.x1 - 0.5} y1={0} y2={height} className="stroke-muted" strokeDasharray="3 3" />
          </g>
        ))}
        {bands.map((b) => {
          const source = sourceOf(b.gap.sourceId);
          // A source's own lane and its gaps row say whose gap it is; anywhere else the band names its source.
          const isOwnRow = b.rowKey === b.gap.sourceId || b.rowKey === gapsRowKey(gapOwner(b.gap));
          const { text: label, isBeforeSource, tooltipPrefix } = gapBandText(b.gap, source, !isOwnRow);
          const pillW = label.length * 6.2 + 10;
          const cx = b.x + b.w / 2;
          const last = lastLabelEnd.get(b.rowKey) ?? Number.NEGATIVE_INFINITY;
          const hasLabel = b.w > pillW + 6 && cx - pillW / 2 > last + 4;
          if (hasLabel) lastLabelEnd.set(b.rowKey, cx + pillW / 2);
          const description = `${tooltipPrefix}${describeGap(b.gap, source?.name)}`;
          return (
            <g key={`${b.gap.id}-${b.rowKey}`} aria-label={description} data-gap-reason={b.gap.reason}>
              <title>{description}</title>
              {/* Before a source begins: a lighter band with a dashed edge, apart from a gap inside or after its records. */}
              <rect
                x={b.x}
                y={b.y}
                width={b.w}
                height={b.h}
                fill={`url(#${hatchId})`}
                fillOpacity={isBeforeSource ? 0.35 : 1}
                className={isBeforeSource ? "stroke-muted" : "stroke-danger"}
                strokeOpacity="0.6"
                strokeDasharray={isBeforeSource ? "4 3" : undefined}
              />
              {hasLabel ? (
                <>
                  <rect
                    x={cx - pillW / 2}
                    y={b.y + b.h / 2 - 8}
                    width={pillW}
                    height={16}
                    rx={3}
                    className="fill-panel"
                    fillOpacity="0.92"
                  />
                  <text
                    x={cx}
                    y={b.y + b.h / 2}
                    dy="0.35em"
                    textAnchor="middle"
                    className={`${isBeforeSource ? "fill-muted" : "fill-danger"} text-[11px] font-medium`}
                  >
                    {label}
                  </text>
                </>
              ) : null}
            </g>
          );
        })}
      </g>
    </svg>
  );
});
