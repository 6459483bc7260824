"use client";

import { scaleUtc } from "d3";
import { useEffect, useId, useMemo, useRef } from "react";
import type { TimelineData } from "@/lib/queries/get-timeline-data";
import { gapReasonLabel } from "@/lib/timeline/gap-labels";
import { stageColor, UNTAGGED_COLOR } from "@/lib/timeline/stage-colors";
import { formatInstant, formatTick, parseIsoMicros } from "@/lib/timeline/time-format";
import { homeWindow, type ViewWindow } from "@/lib/timeline/view-window";
import { GUTTER, RIGHT } from "./timeline-constants";
import { useBrushX } from "./use-brush";
import { useThemeColors } from "./use-theme-colors";

const STEPS_H = 14;
const GAPS_H = 7;
const AXIS_H = 18;
const DENSITY_H = 60;

/**
 * The whole incident at a glance: density per lane (from bins), chain milestones and evidence
 * gaps, with a brush that sets the main view's window.
 */
export function OverviewStrip({
  data,
  window: w,
  width,
  isLoading,
  onWindow,
}: {
  data: TimelineData | null;
  window: ViewWindow;
  width: number;
  isLoading: boolean;
  onWindow(w: ViewWindow, isFinal: boolean): void;
}) {
  const plotWidth = Math.max(100, width - GUTTER - RIGHT);
  const colors = useThemeColors();
  const uid = useId().replace(/:/g, "");
  const extent = useMemo(
    () => (data?.extent ? { from: parseIsoMicros(data.extent.from), to: parseIsoMicros(data.extent.to) } : null),
    [data?.extent],
  );
  // No events yet: the strip spans the main window (homeWindow(null) would read the clock and differ between server and browser).
  const home = useMemo(() => (extent ? homeWindow(extent) : w), [extent, w]);
  const x = useMemo(() => scaleUtc().domain([home.from, home.to]).range([0, plotWidth]), [home, plotWidth]);
  const lanes = data?.lanes ?? [];
  const rowH = lanes.length ? Math.max(2, Math.min(8, Math.floor(DENSITY_H / lanes.length))) : 0;
  const densityH = rowH * lanes.length;
  const brushH = STEPS_H + densityH + GAPS_H;
  const height = brushH + AXIS_H;
  const stagePos = useMemo(() => new Map((data?.stages ?? []).map((s) => [s.key, s.position])), [data?.stages]);

  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(plotWidth * dpr));
    canvas.height = Math.max(1, Math.round(densityH * dpr));
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, plotWidth, densityH);
    if (data?.kind !== "buckets") return;
    const laneIndex = new Map(data.lanes.map((l, i) => [l.key, i]));
    let max = 1;
    for (const c of data.cells) max = Math.max(max, c.n);
    for (const c of data.cells) {
      const i = laneIndex.get(c.lane);
      if (i === undefined) continue;
      const lane = data.lanes[i];
      ctx.fillStyle =
        lane?.kind === "stage" ? stageColor(stagePos.get(lane.key)) : lane?.kind === "untagged" ? UNTAGGED_COLOR : colors.accent;
      ctx.globalAlpha = 0.25 + 0.75 * Math.sqrt(c.n / max);
      const x0 = x(c.t);
      ctx.fillRect(x0, i * rowH, Math.max(1.5, x(c.t + data.binMs) - x0), Math.max(1, rowH - 1));
    }
    ctx.globalAlpha = 1;
  }, [data, x, plotWidth, densityH, rowH, stagePos, colors.accent]);

  const brushRef = useRef<SVGGElement>(null);
  useBrushX(brushRef, plotWidth, brushH, [x(w.from), x(w.to)], {
    onBrush: (x0, x1, isFinal) => onWindow({ from: x.invert(x0).getTime(), to: x.invert(x1).getTime() }, isFinal),
    onClick: (px) => {
      const span = w.to - w.from;
      const mid = x.invert(px).getTime();
      onWindow({ from: mid - span / 2, to: mid + span / 2 }, true);
    },
  });

  const ticks = x.ticks(Math.max(2, Math.floor(plotWidth / 110)));
  const steps = (data?.steps ?? []).filter((s) => s.startAt);
  const gaps = data?.gaps ?? [];
  const label = extent ? `${formatInstant(extent.from)} to ${formatInstant(extent.to)}` : "no events";

  return (
    <div className="relative" style={{ height }} data-state={isLoading ? "loading" : "idle"}>
      <div className="absolute top-0 left-0 pr-3 text-xs" style={{ width: GUTTER }}>
        <p className="font-medium text-ink">Whole incident</p>
        {extent ? (
          <p className="mono text-[11px] leading-snug text-muted">
            {formatInstant(extent.from)}
            <br />→ {formatInstant(extent.to)}
          </p>
        ) : (
          <p className="text-muted">No events yet.</p>
        )}
        <p className="mt-1 text-[11px] text-muted">{isLoading ? "Loading…" : "Drag to choose a window"}</p>
      </div>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabindex is not focusable; the strip's SVG names what it shows. */}
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        className="pointer-events-none absolute"
        style={{ left: GUTTER, top: STEPS_H, width: plotWidth, height: densityH }}
      />
      <svg
        width={plotWidth}
        height={height}
        className="absolute top-0"
        style={{ left: GUTTER }}
        role="img"
        aria-label={`Overview of the whole incident, ${label}: event density per lane, chain steps and evidence gaps. The highlighted window is what the timeline below shows.`}
      >
        <defs>
          <pattern id={`${uid}-hatch`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="5" className="stroke-danger" strokeWidth="1.5" />
          </pattern>
        </defs>
        <rect x={0} y={STEPS_H} width={plotWidth} height={densityH} fill="none" className="stroke-line" />
        {gaps.map((g) => {
          const x0 = Math.max(0, x(Date.parse(g.startAt)));
          const x1 = Math.min(plotWidth, x(Date.parse(g.endAt)));
          return x1 > x0 ? (
            <rect key={g.id} x={x0} y={STEPS_H + densityH + 1} width={Math.max(2, x1 - x0)} height={GAPS_H - 2} fill={`url(#${uid}-hatch)`}>
              <title>{`${gapReasonLabel(g.reason)} gap: ${g.scope || "—"}`}</title>
            </rect>
          ) : null;
        })}
        {steps.map((s) => {
          const cx = x(Date.parse(s.startAt as string));
          const color = stageColor(s.stagePosition);
          return (
            <path
              key={s.id}
              d={`M${cx},2L${cx + 5},7L${cx},12L${cx - 5},7Z`}
              fill={s.isInferred ? "var(--panel)" : color}
              stroke={s.isInferred ? color : "var(--ink)"}
              strokeWidth={s.isInferred ? 1.5 : 0.75}
            />
          );
        })}
        <g transform={`translate(0,${brushH})`}>
          {ticks.map((t) => (
            <text key={t.getTime()} x={x(t)} y={13} textAnchor="middle" className="fill-muted text-[10px] tabular-nums">
              {formatTick(t)}
            </text>
          ))}
        </g>
        <g ref={brushRef} />
      </svg>
    </div>
  );
}
