"use client";

import Link from "next/link";
import { type MouseEvent, memo, type ReactNode } from "react";
import { revealControls } from "@/lib/format/reveal-controls";
import type { EventListRow } from "@/lib/queries/list-events";
import type { SeverityLevel } from "@/lib/schemas/timeline";
import { stageColor } from "@/lib/timeline/stage-colors";
import { type EventColumn, formatEventTime } from "./events-view";

/** Every row is this tall; only an open row grows, by EXPANDED_HEIGHT. */
export const ROW_HEIGHT = 32;
export const EXPANDED_HEIGHT = 300;
/** The checkbox, star and annotations columns before the chosen ones. */
export const LEAD_COLUMNS = "2.25rem 1.75rem 3.75rem";

/** How a click on a row changes the selection. */
export type SelectMode = "toggle" | "only" | "range";

const SEVERITY_CLASS: Record<SeverityLevel, string> = {
  critical: "bg-red-600 text-white",
  high: "bg-orange-500/20 text-orange-700 dark:text-orange-300",
  medium: "bg-amber-400/25 text-amber-800 dark:text-amber-200",
  low: "bg-sky-500/15 text-sky-800 dark:text-sky-200",
  info: "bg-line text-muted",
};

const INTERACTIVE = "a,button,input,select,textarea,label,[data-row-panel]";

const EMPTY = "text-muted/60";

/** A plain text cell: one line, cut with an ellipsis, the whole value in the tooltip. */
function TextCell({ value: text, className = "" }: { value: string | null; className?: string }) {
  const value = revealControls(text);
  const isEmpty = value === null || value === "";
  return (
    <td className={`min-w-0 truncate px-2 ${isEmpty ? EMPTY : className}`} title={isEmpty ? undefined : value}>
      {isEmpty ? "—" : value}
    </td>
  );
}

/**
 * One cell. Log fields are attacker-controlled: they are only ever rendered as text. Cells
 * hold their text directly (few elements per row keeps a fast scroll cheap to restyle).
 */
function Cell({ col, row, incidentId, hasTagColumn }: { col: EventColumn; row: EventListRow; incidentId: string; hasTagColumn: boolean }) {
  switch (col.key) {
    case "time": {
      const time = formatEventTime(row.occurredAt);
      return (
        <td className="min-w-0 px-2">
          <Link
            href={`/incidents/${incidentId}/timeline?event=${row.id}`}
            prefetch={false}
            title="Open on the timeline"
            className="mono block truncate text-xs text-accent hover:underline"
          >
            {time.slice(0, 19)}
            <span className="opacity-60">{time.slice(19)}</span>
          </Link>
        </td>
      );
    }
    case "stage":
      return row.stage ? (
        <td className="flex min-w-0 items-center gap-1.5 px-2" title={row.stage.name}>
          <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: stageColor(row.stage.position) }} />
          <span className="truncate">{row.stage.name}</span>
        </td>
      ) : (
        <td className={`px-2 ${EMPTY}`}>—</td>
      );
    case "severity":
      return row.severity ? (
        <td className="px-2">
          <span className={`rounded px-1.5 py-px text-xs ${SEVERITY_CLASS[row.severity]}`}>{row.severity}</span>
        </td>
      ) : (
        <td className={`px-2 ${EMPTY}`}>—</td>
      );
    case "source":
      return <TextCell value={row.source.name} />;
    case "action":
      return <TextCell value={row.action} />;
    case "actor":
      return <TextCell value={row.actor} />;
    case "host":
      return <TextCell value={row.host} />;
    case "srcIp":
      return <TextCell value={row.srcIp} className="mono text-xs" />;
    case "target":
      return <TextCell value={row.target} />;
    case "technique":
      return <TextCell value={row.technique} className="mono text-xs" />;
    case "message": {
      const text = revealControls(row.messageTruncated ? `${row.message}…` : row.message);
      if (hasTagColumn || row.tags.length === 0) return <TextCell value={text} />;
      return (
        <td className="flex min-w-0 items-center gap-1.5 px-2">
          <Tags tags={row.tags} className="max-w-[45%]" />
          <span className="min-w-0 truncate" title={text}>
            {text}
          </span>
        </td>
      );
    }
    case "tags":
      return (
        <td className="flex min-w-0 items-center px-2">
          <Tags tags={row.tags} />
        </td>
      );
  }
}

function Tags({ tags, className = "" }: { tags: readonly string[]; className?: string }) {
  if (!tags.length) return null;
  return (
    <span className={`flex min-w-0 shrink-0 gap-1 overflow-hidden ${className}`} title={tags.join(", ")}>
      {tags.map((t) => (
        <span key={t} className="max-w-32 shrink-0 truncate rounded bg-accent/10 px-1 text-xs leading-5">
          {t}
        </span>
      ))}
    </span>
  );
}

type Props = {
  row: EventListRow;
  index: number;
  top: number;
  columns: readonly EventColumn[];
  template: string;
  incidentId: string;
  isSelected: boolean;
  isExpanded: boolean;
  onSelect(index: number, mode: SelectMode): void;
  onToggleExpand(id: string, focusComment: boolean): void;
  onStar(row: EventListRow): void;
  /** The open row's panel. */
  panel?: ReactNode;
};

/** One absolutely-placed row of the virtual table (a grid), with its panel as a full-width second line when open. */
export const EventRow = memo(function EventRow({
  row,
  index,
  top,
  columns,
  template,
  incidentId,
  isSelected,
  isExpanded,
  onSelect,
  onToggleExpand,
  onStar,
  panel,
}: Props) {
  const hasTagColumn = columns.some((c) => c.key === "tags");
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // the analyst is copying text
    onSelect(index, e.shiftKey ? "range" : e.metaKey || e.ctrlKey ? "toggle" : "only");
  };
  return (
    // The row's checkbox is the keyboard path; a click on the row is a mouse shortcut.
    <tr
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      onClick={onRowClick}
      className={`absolute inset-x-0 top-0 grid items-center border-b border-line text-sm ${isSelected ? "bg-accent/10" : isExpanded ? "bg-bg" : "hover:bg-bg"}`}
      style={{
        transform: `translateY(${top}px)`,
        gridTemplateColumns: template,
        // Exactly ROW_HEIGHT tall including the 1px bottom border, so rows tile without overlap.
        height: isExpanded ? ROW_HEIGHT + EXPANDED_HEIGHT : ROW_HEIGHT,
        gridTemplateRows: isExpanded ? `${ROW_HEIGHT - 1}px ${EXPANDED_HEIGHT}px` : `${ROW_HEIGHT - 1}px`,
      }}
    >
      <td className="flex justify-center">
        <input
          type="checkbox"
          aria-label={`Select event ${row.id}`}
          checked={isSelected}
          onChange={() => undefined}
          onClick={(e) => onSelect(index, e.shiftKey ? "range" : "toggle")}
        />
      </td>
      <td className="flex justify-center">
        <button
          type="button"
          aria-label={row.starred ? `Unstar event ${row.id}` : `Star event ${row.id}`}
          aria-pressed={row.starred}
          onClick={() => onStar(row)}
          className={`text-base leading-none ${row.starred ? "text-amber-500" : "text-muted/50 hover:text-muted"}`}
        >
          {row.starred ? "★" : "☆"}
        </button>
      </td>
      <td className="flex items-center gap-0.5 pr-1">
        <button
          type="button"
          aria-expanded={isExpanded}
          aria-label={`Annotations of event ${row.id}`}
          onClick={() => onToggleExpand(row.id, false)}
          className="w-4 text-xs text-muted hover:text-ink"
        >
          {isExpanded ? "▾" : "▸"}
        </button>
        <button
          type="button"
          aria-label={`Comment on event ${row.id}${row.commentCount ? ` (${row.commentCount} comment${row.commentCount === 1 ? "" : "s"})` : ""}`}
          title={row.commentCount ? `${row.commentCount} comment${row.commentCount === 1 ? "" : "s"}` : "Add a comment"}
          onClick={() => onToggleExpand(row.id, true)}
          className={`flex items-center text-xs ${row.commentCount ? "text-ink" : "text-muted/50 hover:text-muted"}`}
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
            <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" strokeLinejoin="round" />
          </svg>
          {row.commentCount ? <span className="ml-0.5 tabular-nums">{row.commentCount}</span> : null}
        </button>
        {row.isKey ? (
          <span title="Key event" className="text-xs text-accent">
            ◆
          </span>
        ) : null}
      </td>
      {columns.map((c) => (
        <Cell key={c.key} col={c} row={row} incidentId={incidentId} hasTagColumn={hasTagColumn} />
      ))}
      {isExpanded ? (
        <td data-row-panel className="col-span-full h-full min-w-0 self-stretch border-t border-line">
          {panel}
        </td>
      ) : null}
    </tr>
  );
});
