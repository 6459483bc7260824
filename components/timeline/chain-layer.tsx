"use client";

import { memo } from "react";
import type { TimelineLink, TimelineStep } from "@/lib/queries/get-timeline-data";
import type { StepGlyph } from "@/lib/timeline/geometry";
import { formatInstant } from "@/lib/timeline/time-format";

/** Line style by confidence: the surer, the more solid. */
export const CONFIDENCE_DASH: Record<TimelineStep["confidence"], string | undefined> = {
  confirmed: undefined,
  likely: "7 3",
  possible: "3 3",
  unknown: "1 3",
};

/** "likely 70 · inferred". */
export function confidenceText(s: TimelineStep): string {
  return `${s.confidence} ${s.confidenceScore}${s.isInferred ? " · inferred" : ""}`;
}

/** What a milestone says to a screen reader and in its tooltip. */
export function describeStep(s: TimelineStep): string {
  const when = s.startAt
    ? `${formatInstant(Date.parse(s.startAt))}${s.endAt && s.endAt !== s.startAt ? ` to ${formatInstant(Date.parse(s.endAt))}` : ""}`
    : "time unknown";
  return `Step ${s.position + 1}: ${s.title} (${s.stageName}), ${when}, confidence ${s.confidence} (${s.confidenceScore}/100)${s.isInferred ? ", inferred" : ""}`;
}

const LIMIT = 4_000;
const clampX = (x: number) => Math.max(-LIMIT, Math.min(LIMIT, x));

const R = 6.5;

/**
 * A milestone's label, never cut: the title with its confidence when both fit, else the title,
 * else the step's number (the whole text is the milestone's tooltip and in the steps list).
 */
function wholeLabel(s: TimelineStep, text: string, room: number): string {
  for (const option of [text, s.title, `${s.position + 1}`]) if (option.length * 6 <= room) return option;
  return "";
}

/**
 * The arrow from one milestone to the next: along the row when they share it, else down (or up)
 * out of the first and across into the second, so it never runs through a label beside a milestone.
 */
function connector(x1: number, y1: number, x2: number, y2: number): string | null {
  const sign = x2 >= x1 ? 1 : -1;
  if (Math.abs(y2 - y1) < 2) {
    if (Math.abs(x2 - x1) < 2 * R + 8) return null;
    return `M${x1 + sign * (R + 1)},${y1}L${x2 - sign * (R + 3)},${y2}`;
  }
  const down = y2 > y1 ? 1 : -1;
  const sy = y1 + down * (R + 1);
  const ex = x2 - sign * (R + 3);
  if (Math.abs(x2 - x1) < R + 6) return `M${x1},${sy}L${x2},${y2 - down * (R + 3)}`;
  const k = Math.min(10, Math.abs(ex - x1), Math.abs(y2 - sy));
  return `M${x1},${sy}L${x1},${y2 - down * k}Q${x1},${y2} ${x1 + sign * k},${y2}L${ex},${y2}`;
}

function diamond(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

/**
 * Chain steps as milestones on the plot (plot-local coordinates), joined by the chain's arrows
 * (a later step that shares an entity with an earlier one, or that an inference joins to it);
 * inferred steps hollow and dashed, line style by confidence, a label when there is room.
 */
export const ChainLayer = memo(function ChainLayer({
  glyphs,
  links,
  plotWidth,
  markerId,
}: {
  glyphs: readonly StepGlyph[];
  links: readonly TimelineLink[];
  plotWidth: number;
  markerId: string;
}) {
  const glyphOf = new Map(glyphs.map((g) => [g.step.id, g]));
  const arrows: { key: string; d: string; dash?: string; title: string }[] = [];
  for (const link of links) {
    const a = glyphOf.get(link.fromStepId);
    const b = glyphOf.get(link.toStepId);
    if (!a || !b) continue;
    // Into a window (an inferred step's bounds) at its first point not before the earlier step:
    // an arrow never points back in time.
    const bx = Math.min(Math.max(a.x, b.x), b.xEnd);
    if ((a.x < 0 && bx < 0) || (a.x > plotWidth && bx > plotWidth)) continue;
    const d = connector(clampX(a.x), a.y, clampX(bx), b.y);
    const dash = link.kind === "inferred" ? CONFIDENCE_DASH.possible : CONFIDENCE_DASH[b.step.confidence];
    if (d) arrows.push({ key: `${link.fromStepId}-${link.toStepId}`, d, dash, title: `${a.step.title} → ${b.step.title}: ${link.ties}` });
  }
  // One label per free stretch of a row, left to right.
  const lastEnd = new Map<string, number>();
  const byX = [...glyphs].sort((a, b) => a.x - b.x);
  const nextX = new Map<string, number>();
  const seen = new Map<string, StepGlyph>();
  for (const g of [...byX].reverse()) {
    const later = seen.get(g.rowKey);
    nextX.set(g.step.id, later ? later.x : plotWidth + 200);
    seen.set(g.rowKey, g);
  }
  return (
    <g>
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10Z" className="fill-ink" />
        </marker>
      </defs>
      {arrows.map((a) => (
        <path
          key={a.key}
          d={a.d}
          fill="none"
          className="stroke-ink"
          strokeOpacity="0.75"
          strokeWidth="1.5"
          strokeDasharray={a.dash}
          markerEnd={`url(#${markerId})`}
        >
          <title>{a.title}</title>
        </path>
      ))}
      {byX.map((g) => {
        if (g.xEnd < -20 || g.x > plotWidth + 20) return null;
        const s = g.step;
        const dash = CONFIDENCE_DASH[s.confidence];
        const text = `${s.title} · ${confidenceText(s)}`;
        const last = lastEnd.get(g.rowKey) ?? Number.NEGATIVE_INFINITY;
        const next = nextX.get(s.id) ?? plotWidth;
        let label = "";
        let labelX = g.x + R + 4;
        if (g.isLabelBelow) {
          // Centred under the milestone, as wide as the neighbours leave.
          const room = Math.min(220, (next - g.x) * 2 - 12, (g.x - Math.max(last, -40)) * 2 - 12);
          label = wholeLabel(s, text, room);
          labelX = g.x;
          if (label) lastEnd.set(g.rowKey, g.x + (label.length * 6) / 2);
        } else {
          const room = Math.min(300, next - g.x - 16, plotWidth - g.x - 12);
          label = g.x > last + 6 ? wholeLabel(s, text, room) : "";
          if (label) lastEnd.set(g.rowKey, labelX + label.length * 6);
        }
        const x0 = clampX(g.x);
        const x1 = clampX(g.xEnd);
        return (
          <g key={s.id} aria-label={describeStep(s)} data-step-id={s.id}>
            <title>{describeStep(s)}</title>
            {x1 - x0 > 4 ? (
              <line
                x1={x0}
                x2={x1}
                y1={g.y}
                y2={g.y}
                stroke={g.color}
                strokeWidth="4"
                strokeOpacity="0.55"
                strokeDasharray={s.isInferred ? "6 3" : undefined}
                strokeLinecap="round"
              />
            ) : null}
            <path
              d={diamond(x0, g.y, R)}
              fill={s.isInferred ? "var(--panel)" : g.color}
              stroke={s.isInferred ? g.color : "var(--ink)"}
              strokeWidth={s.isInferred ? 2 : 1.2}
              strokeDasharray={s.isInferred ? (dash ?? "3 2") : undefined}
            />
            {label ? (
              <text
                x={g.isLabelBelow ? x0 : labelX}
                y={g.isLabelBelow ? g.y + R + 10 : g.y}
                dy={g.isLabelBelow ? undefined : "0.35em"}
                textAnchor={g.isLabelBelow ? "middle" : undefined}
                className="fill-ink text-[11px] font-medium"
                stroke="var(--panel)"
                strokeWidth="3"
                strokeLinejoin="round"
                paintOrder="stroke"
              >
                {label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
