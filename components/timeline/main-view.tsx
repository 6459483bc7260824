"use client";

import { type KeyboardEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { TimelineData } from "@/lib/queries/get-timeline-data";
import { activityTimes, cellRects, type EventMark, eventMarks, gapBands, markBand, stepGlyphs } from "@/lib/timeline/geometry";
import { buildHitIndex, type Hover, hitTest } from "@/lib/timeline/hit-test";
import { gapOwner, gapsRowKey, type LaneRow, layoutRows } from "@/lib/timeline/layout";
import { stageColor, UNTAGGED_COLOR } from "@/lib/timeline/stage-colors";
import { formatAxisContext } from "@/lib/timeline/time-format";
import { compressedTimeScale, linearTimeScale } from "@/lib/timeline/time-scale";
import type { ViewWindow } from "@/lib/timeline/view-window";
import { ChainLayer } from "./chain-layer";
import { LaneBackground } from "./lane-background";
import { MARK_R, MarksCanvas } from "./marks-canvas";
import { TimeAxis } from "./time-axis";
import { AXIS_H, GUTTER, RIGHT, SVG_MAX_MARKS } from "./timeline-constants";
import { TimelineTooltip } from "./timeline-tooltip";
import { usePanZoom } from "./use-pan-zoom";
import { useThemeColors } from "./use-theme-colors";

type Props = {
  incidentId: string;
  data: TimelineData | null;
  window: ViewWindow;
  /** The box's width in CSS pixels (labels + plot). */
  width: number;
  isCompressed: boolean;
  isLoading: boolean;
  selectedEventId?: string;
  ariaLabel: string;
  helpId: string;
  getWindow(): ViewWindow;
  onWindow(w: ViewWindow): void;
  onSelectEvent(id: string): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
};

/** Few raw events: one SVG circle each, findable by their data attributes. */
const SvgMarks = memo(function SvgMarks({ marks }: { marks: readonly EventMark[] }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; marks are reached with N/P and read in the details drawer.
    <g aria-hidden="true">
      {marks.map((m) => (
        <circle
          key={m.event.id}
          cx={m.x}
          cy={m.y}
          r={MARK_R + 0.5}
          fill={m.color}
          fillOpacity="0.85"
          stroke="var(--panel)"
          strokeWidth="0.75"
          data-event-id={m.event.id}
          data-action={m.event.action ?? ""}
          data-lane={m.event.lane}
          pointerEvents="auto"
        />
      ))}
    </g>
  );
});

/** A row per owner of the gaps that affect no lane, named for it ("Gaps: debug-share-security.jsonl"). */
function unplacedGapRows(data: TimelineData | null): { key: string; label: string }[] {
  const rows = new Map<string, string>();
  for (const g of data?.gaps ?? []) {
    if (g.lanes.length) continue;
    const owner = gapOwner(g);
    const name = (g.sourceId && data?.sources.find((s) => s.id === g.sourceId)?.name) || g.scope;
    rows.set(gapsRowKey(owner), name ? `Gaps: ${name}` : "Evidence gaps");
  }
  return [...rows].map(([key, label]) => ({ key, label }));
}

/** The swimlanes: lanes, marks or bins, chain milestones and arrows, gaps, axis; wheel/drag/keys move the window. */
export function MainView(props: Props) {
  const { data, window: w, width, isCompressed, selectedEventId } = props;
  const plotWidth = Math.max(100, width - GUTTER - RIGHT);
  const colors = useThemeColors();
  const uid = useId().replace(/:/g, "");
  const boxRef = useRef<HTMLDivElement>(null);

  const stagePos = useMemo(() => new Map((data?.stages ?? []).map((s) => [s.key, s.position])), [data?.stages]);
  const { rows, height: lanesH } = useMemo(
    () =>
      layoutRows({
        laneMode: data?.laneMode ?? "stage",
        lanes: data?.lanes ?? [],
        hasSteps: (data?.steps ?? []).some((s) => s.startAt || s.endAt),
        gapRows: unplacedGapRows(data),
      }),
    [data],
  );
  const rowByKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const band = useMemo(() => markBand(data?.laneMode === "stage" && (data?.steps.length ?? 0) > 0), [data?.laneMode, data?.steps.length]);
  const activity = useMemo(() => (isCompressed ? activityTimes(data) : []), [data, isCompressed]);
  const scale = useMemo(
    () => (isCompressed ? compressedTimeScale(w.from, w.to, 0, plotWidth, activity) : linearTimeScale(w.from, w.to, 0, plotWidth)),
    [isCompressed, w.from, w.to, plotWidth, activity],
  );
  const ticks = useMemo(() => scale.ticks(), [scale]);

  const laneColor = useCallback(
    (row: LaneRow): string | null => {
      if (row.kind === "stage") return stageColor(stagePos.get(row.key));
      if (row.kind === "untagged") return UNTAGGED_COLOR;
      return null;
    },
    [stagePos],
  );
  const marks = useMemo(
    () =>
      data?.kind === "events"
        ? eventMarks(data.events, scale, rowByKey, (e) => (e.stage ? stageColor(stagePos.get(e.stage)) : UNTAGGED_COLOR), plotWidth, band)
        : [],
    [data, scale, rowByKey, stagePos, plotWidth, band],
  );
  const cells = useMemo(
    () =>
      data?.kind === "buckets"
        ? cellRects(
            data.cells,
            data.binMs,
            scale,
            rowByKey,
            (lane) => laneColor(rowByKey.get(lane) as LaneRow) ?? colors.accent,
            plotWidth,
            band,
          )
        : [],
    [data, scale, rowByKey, laneColor, colors.accent, plotWidth, band],
  );
  const glyphs = useMemo(
    () => stepGlyphs(data?.steps ?? [], scale, rowByKey, (s) => stageColor(s.stagePosition)),
    [data?.steps, scale, rowByKey],
  );
  const bands = useMemo(() => gapBands(data?.gaps ?? [], scale, rows, plotWidth), [data?.gaps, scale, rows, plotWidth]);
  const index = useMemo(
    () => buildHitIndex({ rows, glyphs, marks, cells, bands, binMs: data?.kind === "buckets" ? data.binMs : null }),
    [rows, glyphs, marks, cells, bands, data],
  );
  const isSvgMarks = marks.length <= SVG_MAX_MARKS;

  const [hover, setHover] = useState<Hover | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  // Set once hydrated (handlers attached, canvas drawn): tests and tools wait for it.
  const [isReady, setIsReady] = useState(false);
  useEffect(() => setIsReady(true), []);

  const hitAt = useCallback((x: number, y: number) => hitTest(index, x, y), [index]);
  // Marks move under a still pointer when the window or the data change: say what is there now.
  useEffect(() => {
    if (pointer.current) setHover(hitAt(pointer.current.x, pointer.current.y));
  }, [hitAt]);

  const { onWindow, onSelectEvent, getWindow } = props;
  const onClick = useCallback(
    (x: number, y: number) => {
      const hit = hitAt(x, y);
      if (!hit) return;
      if (hit.type === "event") onSelectEvent(hit.mark.event.id);
      else if (hit.type === "cell") onWindow({ from: hit.rect.cell.t - hit.binMs * 2, to: hit.rect.cell.t + hit.binMs * 3 });
      else if (hit.type === "step") {
        const s = hit.glyph.step;
        const t0 = Date.parse((s.startAt ?? s.endAt) as string);
        const t1 = s.endAt ? Date.parse(s.endAt) : t0;
        const pad = Math.max((t1 - t0) * 0.15, 30 * 60_000);
        onWindow({ from: t0 - pad, to: t1 + pad });
      }
    },
    [hitAt, onSelectEvent, onWindow],
  );
  usePanZoom(boxRef, {
    plotLeft: GUTTER,
    plotTop: AXIS_H,
    plotWidth,
    getWindow,
    invert: scale.invert,
    onWindow,
    onClick,
    onHover: (p) => {
      pointer.current = p;
      setHover(p ? hitAt(p.x, p.y) : null);
    },
  });

  const selected = selectedEventId ? marks.find((m) => m.event.id === selectedEventId) : undefined;
  const hovered = hover?.type === "event" ? hover.mark : undefined;
  const height = lanesH + AXIS_H;
  const sourceOf = useCallback((id: string | null) => data?.sources.find((s) => s.id === id), [data?.sources]);
  const isEmpty = data !== null && data.total === 0;

  return (
    <div
      ref={boxRef}
      role="application"
      aria-roledescription="timeline"
      aria-label={props.ariaLabel}
      aria-describedby={props.helpId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the timeline is a keyboard widget (arrows pan, +/− zoom); role "application" hands it the keys.
      tabIndex={0}
      onKeyDown={props.onKeyDown}
      data-ready={isReady ? "true" : undefined}
      data-state={props.isLoading ? "loading" : "idle"}
      className="relative select-none outline-none focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-1"
      style={{ height, width, touchAction: "none", cursor: "grab" }}
    >
      <LaneBackground
        top={AXIS_H}
        width={width}
        plotWidth={plotWidth}
        height={lanesH}
        rows={rows}
        ticks={ticks}
        breaks={scale.breaks}
        bands={bands}
        hatchId={`${uid}-hatch`}
        laneColor={laneColor}
        sourceOf={sourceOf}
      />
      <MarksCanvas left={GUTTER} top={AXIS_H} width={plotWidth} height={lanesH} marks={isSvgMarks ? [] : marks} cells={cells} />
      <svg width={width} height={height} className="pointer-events-none absolute top-0 left-0">
        <title>Time axis, event marks and the attack chain</title>
        <defs>
          <clipPath id={`${uid}-clip`}>
            <rect x={-8} y={0} width={plotWidth + 16} height={lanesH} />
          </clipPath>
        </defs>
        <g transform={`translate(${GUTTER},0)`}>
          <TimeAxis
            height={AXIS_H}
            gutter={GUTTER}
            plotWidth={plotWidth}
            ticks={ticks}
            breaks={scale.breaks}
            context={formatAxisContext(w.from, w.to)}
          />
        </g>
        <g transform={`translate(${GUTTER},${AXIS_H})`}>
          <g clipPath={`url(#${uid}-clip)`}>
            {isSvgMarks ? <SvgMarks marks={marks} /> : null}
            {hovered ? <circle cx={hovered.x} cy={hovered.y} r={6.5} fill="none" className="stroke-ink" strokeWidth="1.5" /> : null}
            {selected ? <circle cx={selected.x} cy={selected.y} r={8} fill="none" className="stroke-accent" strokeWidth="2.5" /> : null}
            <ChainLayer glyphs={glyphs} links={data?.links ?? []} plotWidth={plotWidth} markerId={`${uid}-arrow`} />
          </g>
        </g>
      </svg>
      {isEmpty ? (
        <p className="absolute text-sm text-muted" style={{ left: GUTTER + 12, top: AXIS_H + 8 }}>
          {data.extent ? (
            "No events match in this window."
          ) : (
            <>
              No events yet.{" "}
              <a href={`/incidents/${props.incidentId}/import`} className="text-accent hover:underline">
                Import logs
              </a>
            </>
          )}
        </p>
      ) : null}
      {props.isLoading ? (
        <p
          className="pointer-events-none absolute right-3 rounded bg-panel/90 px-1.5 text-[11px] text-muted"
          style={{ top: AXIS_H + 4 }}
          aria-hidden="true"
        >
          Loading…
        </p>
      ) : null}
      {hover ? <TimelineTooltip hover={hover} data={data} left={GUTTER} top={AXIS_H} boxWidth={width} /> : null}
    </div>
  );
}
