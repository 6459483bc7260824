"use client";

import { revealControls } from "@/lib/format/reveal-controls";
import type { TimelineData } from "@/lib/queries/get-timeline-data";
import type { Hover } from "@/lib/timeline/hit-test";
import { formatDuration, formatInstant, formatIsoMicros } from "@/lib/timeline/time-format";
import { confidenceText } from "./chain-layer";
import { describeGap } from "./lane-background";

const nf = new Intl.NumberFormat("en-US");

function Body({ hover, data }: { hover: Hover; data: TimelineData | null }) {
  const sourceName = (id: string | null) => data?.sources.find((s) => s.id === id)?.name;
  switch (hover.type) {
    case "event": {
      const e = hover.mark.event;
      const stage = data?.stages.find((s) => s.key === e.stage)?.name;
      return (
        <>
          <p className="mono text-[11px] text-muted">{formatIsoMicros(e.occurredAt)}</p>
          <p className="font-medium">{e.action || "(no action)"}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-[11px]">
            {e.actor ? (
              <>
                <dt className="text-muted">actor</dt>
                <dd className="break-all">{e.actor}</dd>
              </>
            ) : null}
            {e.host ? (
              <>
                <dt className="text-muted">host</dt>
                <dd className="break-all">{e.host}</dd>
              </>
            ) : null}
            <dt className="text-muted">source</dt>
            <dd className="break-all">{sourceName(e.sourceId) ?? e.sourceId}</dd>
            <dt className="text-muted">stage</dt>
            <dd>{stage ?? "untagged"}</dd>
            {e.severity ? (
              <>
                <dt className="text-muted">severity</dt>
                <dd>{e.severity}</dd>
              </>
            ) : null}
          </dl>
          {e.message ? <p className="mt-1 line-clamp-4 break-words whitespace-pre-wrap text-[11px]">{revealControls(e.message)}</p> : null}
          <p className="mt-1 text-[10px] text-muted">Click for details</p>
        </>
      );
    }
    case "cell": {
      const c = hover.rect.cell;
      return (
        <>
          <p className="font-medium">
            {nf.format(c.n)} event{c.n === 1 ? "" : "s"} · {hover.laneLabel}
          </p>
          <p className="mono text-[11px] text-muted">
            {formatInstant(c.t)} + {formatDuration(hover.binMs)}
          </p>
          <p className="mt-1 text-[10px] text-muted">Click to zoom in</p>
        </>
      );
    }
    case "step": {
      const s = hover.glyph.step;
      return (
        <>
          <p className="text-[11px] text-muted">
            Step {s.position + 1} · {s.stageName}
          </p>
          <p className="font-medium">{s.title}</p>
          <p className="mono text-[11px] text-muted">
            {s.startAt ? formatInstant(Date.parse(s.startAt)) : "time unknown"}
            {s.endAt && s.endAt !== s.startAt ? ` → ${formatInstant(Date.parse(s.endAt))}` : ""}
          </p>
          <p className="text-[11px]">
            Confidence {confidenceText(s)} · {nf.format(s.eventCount)} events
          </p>
          <p className="mt-1 text-[10px] text-muted">Click to zoom to this step</p>
        </>
      );
    }
    case "gaps":
      return (
        <ul className="space-y-1">
          {hover.bands.map((b) => (
            <li key={b.gap.id} className="text-[11px]">
              <span className="font-medium text-danger">Evidence gap</span> — {describeGap(b.gap, sourceName(b.gap.sourceId))}
            </li>
          ))}
        </ul>
      );
  }
}

/** The hover card: text only (log content is never HTML), kept inside the timeline's box. */
export function TimelineTooltip({
  hover,
  data,
  left,
  top,
  boxWidth,
}: {
  hover: Hover;
  data: TimelineData | null;
  left: number;
  top: number;
  boxWidth: number;
}) {
  const x = left + hover.x;
  const isFlipped = x > boxWidth - 340;
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-20 w-80 rounded border border-line bg-panel p-2 text-xs text-ink shadow-lg"
      style={{ top: top + hover.y + 14, left: isFlipped ? undefined : x + 14, right: isFlipped ? boxWidth - x + 14 : undefined }}
    >
      <Body hover={hover} data={data} />
    </div>
  );
}
