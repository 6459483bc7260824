"use client";

import { memo, type ReactNode, type Ref, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { EventListRow } from "@/lib/queries/list-events";
import type { EventSort } from "@/lib/schemas/annotations";
import { EventRow, EXPANDED_HEIGHT, LEAD_COLUMNS, ROW_HEIGHT, type SelectMode } from "./event-row";
import type { EventColumn } from "./events-view";

/** Rows drawn above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 12;
/** Ask for the next page when the last drawn row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 300;

type Props = {
  incidentId: string;
  rows: readonly EventListRow[];
  columns: readonly EventColumn[];
  sort: EventSort;
  dir: "asc" | "desc";
  onSort(sort: EventSort): void;
  selected: ReadonlySet<string>;
  onSelect(index: number, mode: SelectMode): void;
  onSelectAll(checked: boolean): void;
  expanded: { id: string; focusComment: boolean } | null;
  onToggleExpand(id: string, focusComment: boolean): void;
  onStar(row: EventListRow): void;
  renderPanel(row: EventListRow, focusComment: boolean): ReactNode;
  hasMore: boolean;
  isLoading: boolean;
  onNearEnd(): void;
  /** Changes when a new result set replaces the rows: scroll back to the top. */
  resetKey: string;
  emptyText: string;
};

/**
 * The events as a virtual table: every row has one height, only the rows in view (plus a few)
 * are in the DOM, placed absolutely over a spacer as tall as all loaded rows, so scrolling
 * through 100,000 rows costs the same as through 100. One row at a time may be open.
 */
export function EventsTable(props: Props) {
  const { rows, columns, expanded } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [headHeight, setHeadHeight] = useState(ROW_HEIGHT);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      setViewport(el.clientHeight);
      setHeadHeight(headRef.current?.offsetHeight ?? ROW_HEIGHT);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const openIndex = useMemo(() => (expanded ? rows.findIndex((r) => r.id === expanded.id) : -1), [rows, expanded]);
  const extra = openIndex >= 0 ? EXPANDED_HEIGHT : 0;
  const topOf = (i: number) => i * ROW_HEIGHT + (openIndex >= 0 && i > openIndex ? EXPANDED_HEIGHT : 0);
  const indexAt = (y: number) => {
    if (openIndex >= 0 && y >= openIndex * ROW_HEIGHT) {
      if (y < (openIndex + 1) * ROW_HEIGHT + EXPANDED_HEIGHT) return openIndex;
      return Math.floor((y - EXPANDED_HEIGHT) / ROW_HEIGHT);
    }
    return Math.floor(y / ROW_HEIGHT);
  };
  const bodyTop = Math.max(0, scrollTop - headHeight);
  const first = Math.max(0, indexAt(bodyTop) - OVERSCAN);
  const last = Math.min(rows.length - 1, indexAt(bodyTop + viewport) + OVERSCAN);
  const bodyHeight = rows.length * ROW_HEIGHT + extra + (props.hasMore || props.isLoading ? ROW_HEIGHT : 0);

  const { hasMore, isLoading, onNearEnd } = props;
  useEffect(() => {
    if (hasMore && !isLoading && last >= rows.length - PREFETCH_ROWS) onNearEnd();
  }, [hasMore, isLoading, last, rows.length, onNearEnd]);

  // An opened row's panel is scrolled into view when it would fall below the fold.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another row opens
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || openIndex < 0) return;
    const bottom = headHeight + topOf(openIndex) + ROW_HEIGHT + EXPANDED_HEIGHT;
    if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }, [expanded?.id]);

  const template = `${LEAD_COLUMNS} ${columns.map((c) => c.width).join(" ")}`;
  const minWidth = `calc(${LEAD_COLUMNS.split(" ").join(" + ")} + ${columns.map((c) => (c.width.startsWith("minmax") ? "16rem" : c.width)).join(" + ")})`;
  const loaded = rows.length;
  const { selected } = props;
  const allSelected = useMemo(
    () => loaded > 0 && selected.size >= loaded && rows.every((r) => selected.has(r.id)),
    [loaded, rows, selected],
  );

  // Rows are keyed by slot, not by event: a row scrolled out hands its DOM to the one scrolled
  // in, so a fast scroll updates a few dozen rows' text instead of building them anew.
  const slots = Math.ceil(viewport / ROW_HEIGHT) + 2 * OVERSCAN + 4;
  const drawn: ReactNode[] = new Array(slots).fill(null);
  for (let i = first; i <= last; i++) {
    const row = rows[i];
    if (!row) continue;
    const isExpanded = i === openIndex;
    drawn[i % slots] = (
      <EventRow
        key={`slot-${i % slots}`}
        row={row}
        index={i}
        top={topOf(i)}
        columns={columns}
        template={template}
        incidentId={props.incidentId}
        isSelected={selected.has(row.id)}
        isExpanded={isExpanded}
        onSelect={props.onSelect}
        onToggleExpand={props.onToggleExpand}
        onStar={props.onStar}
        panel={isExpanded ? props.renderPanel(row, expanded?.focusComment ?? false) : undefined}
      />
    );
  }

  return (
    <div
      ref={scrollRef}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      className="relative h-[calc(100vh-16.5rem)] min-h-96 overflow-auto rounded border border-line bg-panel [overflow-anchor:none]"
    >
      <table aria-label="Events" aria-rowcount={loaded + 1} className="block" style={{ minWidth }}>
        <TableHead
          ref={headRef}
          columns={columns}
          template={template}
          sort={props.sort}
          dir={props.dir}
          onSort={props.onSort}
          loaded={loaded}
          allSelected={allSelected}
          onSelectAll={props.onSelectAll}
        />
        <tbody className="relative block" style={{ height: bodyHeight }}>
          {drawn}
        </tbody>
      </table>
      {props.hasMore || props.isLoading ? (
        <p
          className="absolute inset-x-0 px-3 text-sm leading-8 text-muted"
          style={{ top: headHeight + loaded * ROW_HEIGHT + extra, minWidth }}
        >
          {props.isLoading ? "Loading more events…" : ""}
        </p>
      ) : null}
      {loaded === 0 && !props.isLoading ? (
        <p className="absolute inset-x-0 px-3 py-6 text-sm text-muted" style={{ top: headHeight }}>
          {props.emptyText}
        </p>
      ) : null}
    </div>
  );
}

type HeadProps = {
  ref: Ref<HTMLTableSectionElement>;
  columns: readonly EventColumn[];
  template: string;
  sort: EventSort;
  dir: "asc" | "desc";
  onSort(sort: EventSort): void;
  loaded: number;
  allSelected: boolean;
  onSelectAll(checked: boolean): void;
};

/** The sticky header: select-all and the sortable column titles (memoized: scrolling does not redraw it). */
const TableHead = memo(function TableHead({ ref, columns, template, sort, dir, onSort, loaded, allSelected, onSelectAll }: HeadProps) {
  return (
    <thead ref={ref} className="sticky top-0 z-20 block border-b border-line bg-panel">
      <tr
        aria-rowindex={1}
        className="grid items-center text-left text-xs text-muted"
        style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
      >
        <th className="flex justify-center font-normal">
          <input
            type="checkbox"
            aria-label="Select all loaded events"
            title={`Select all ${loaded.toLocaleString("en-US")} loaded events`}
            checked={allSelected}
            disabled={loaded === 0}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
        </th>
        <th className="text-center font-normal" title="Starred">
          <span aria-hidden>★</span>
          <span className="sr-only">Starred</span>
        </th>
        <th className="font-normal" title="Annotations">
          <span className="sr-only">Annotations</span>
        </th>
        {columns.map((c) => {
          const isSorted = c.sort !== undefined && c.sort === sort;
          return (
            <th
              key={c.key}
              aria-sort={isSorted ? (dir === "asc" ? "ascending" : "descending") : undefined}
              className="min-w-0 px-2 font-medium"
            >
              {c.sort ? (
                <button
                  type="button"
                  onClick={() => onSort(c.sort as EventSort)}
                  className={`flex items-center gap-1 hover:text-ink ${isSorted ? "text-ink" : ""}`}
                  title={`Sort by ${c.label.toLowerCase()}`}
                >
                  {c.label}
                  <span aria-hidden className={isSorted ? "" : "opacity-0"}>
                    {isSorted && dir === "desc" ? "↓" : "↑"}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
