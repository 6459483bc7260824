"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { EventListRow, EventPage } from "@/lib/queries/list-events";
import type { EventSort, TAnnotateEvents, TEventFilters } from "@/lib/schemas/annotations";
import type { AnnotationSummary } from "./annotation-panel";
import { BulkBar, type BulkChange } from "./bulk-bar";
import { ColumnChooser } from "./column-chooser";
import { EventFilters, type StageOption } from "./event-filters";
import { EventPanel } from "./event-panel";
import type { SelectMode } from "./event-row";
import { EventsTable } from "./events-table";
import { apiSearch, type ColumnKey, countFilters, EVENT_COLUMNS, type EventsView, filtersSearch, viewToSearch } from "./events-view";
import { ExportMenu } from "./export-menu";

type Props = {
  incidentId: string;
  initialView: EventsView;
  initialPage: EventPage;
  /** The API query the initial page answers (no refetch while the view still asks for it). */
  initialSearch: string;
  pageSize: number;
  stages: StageOption[];
  sources: { id: string; name: string }[];
  tags: { tag: string; count: number }[];
  /** The reader may cite in stories: an open row offers "Cite in story…". */
  canCite: boolean;
};

/** The most events one request annotates; a larger selection is sent in parts. */
const ANNOTATE_CHUNK = 10_000;

const nf = new Intl.NumberFormat("en-US");

async function readJson<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => null)) as (T & { error?: string; issues?: { field: string; reason: string }[] }) | null;
  if (!r.ok)
    throw new Error(body?.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") || body?.error || `request failed (${r.status})`);
  return body as T;
}

/**
 * The Events view's state: the view lives here and in the URL (replaceState, so a link
 * reproduces it); pages are fetched as the table scrolls; selection, bulk and per-row
 * annotations patch the loaded rows in place instead of reloading them.
 */
export function EventsClient(props: Props) {
  const { incidentId, pageSize, stages } = props;
  const [view, setView] = useState(props.initialView);
  const [rows, setRows] = useState<EventListRow[]>(props.initialPage.events);
  const [nextCursor, setNextCursor] = useState(props.initialPage.nextCursor);
  const [total, setTotal] = useState(props.initialPage.total);
  const [phase, setPhase] = useState<"idle" | "loading" | "more">("idle");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [expanded, setExpanded] = useState<{ id: string; focusComment: boolean } | null>(null);
  const [tags, setTags] = useState(props.tags);
  const [isBusy, setIsBusy] = useState(false);
  const [resetKey, setResetKey] = useState(props.initialSearch);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const anchor = useRef<number | null>(null);
  const generation = useRef(0);
  const isPristine = useRef(true);
  const isFetchingMore = useRef(false);
  const api = `/api/incidents/${incidentId}/events`;
  const search = apiSearch(view, { limit: pageSize });

  useEffect(() => {
    const qs = viewToSearch(view);
    const t = setTimeout(() => window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname), 150);
    return () => clearTimeout(t);
  }, [view]);

  // A new filter or sort: the first page again, replacing the rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the whole input
  useEffect(() => {
    if (isPristine.current && search === props.initialSearch) return;
    isPristine.current = false;
    const gen = ++generation.current;
    isFetchingMore.current = false;
    const ctrl = new AbortController();
    setPhase("loading");
    setError(null);
    fetch(`${api}?${search}`, { signal: ctrl.signal, cache: "no-store" })
      .then((r) => readJson<EventPage>(r))
      .then((page) => {
        if (gen !== generation.current) return;
        setRows(page.events);
        setNextCursor(page.nextCursor);
        setTotal(page.total);
        setSelected(new Set());
        anchor.current = null;
        setExpanded(null);
        setResetKey(search);
        setPhase("idle");
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted || gen !== generation.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setPhase("idle");
      });
    return () => ctrl.abort();
  }, [search]);

  const loadMore = useCallback(() => {
    if (!nextCursor || isFetchingMore.current || phase === "loading") return;
    isFetchingMore.current = true;
    const gen = generation.current;
    setPhase("more");
    fetch(`${api}?${apiSearch(view, { limit: pageSize, cursor: nextCursor })}`, { cache: "no-store" })
      .then((r) => readJson<EventPage>(r))
      .then((page) => {
        if (gen !== generation.current) return;
        setRows((r) => r.concat(page.events));
        setNextCursor(page.nextCursor);
        setPhase("idle");
      })
      .catch((e: unknown) => {
        if (gen !== generation.current) return;
        setError(`Could not load more events: ${e instanceof Error ? e.message : String(e)}`);
        setPhase("idle");
      })
      .finally(() => {
        if (gen === generation.current) isFetchingMore.current = false;
      });
  }, [api, view, pageSize, nextCursor, phase]);

  const setFilters = useCallback((filters: TEventFilters) => setView((v) => ({ ...v, filters })), []);
  const onSort = useCallback(
    (sort: EventSort) =>
      setView((v) => ({
        ...v,
        sort,
        // A new column starts where analysts look first: most severe first, otherwise ascending.
        dir: v.sort === sort ? (v.dir === "asc" ? "desc" : "asc") : sort === "severity" ? "desc" : "asc",
      })),
    [],
  );

  const onSelect = useCallback((index: number, mode: SelectMode) => {
    const list = rowsRef.current;
    const row = list[index];
    if (!row) return;
    if (mode === "range" && anchor.current !== null) {
      const [a, b] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
      const ids = list.slice(a, b + 1).map((r) => r.id);
      setSelected((prev) => new Set([...prev, ...ids]));
      return;
    }
    anchor.current = index;
    setSelected((prev) => {
      if (mode === "only") return prev.size === 1 && prev.has(row.id) ? new Set() : new Set([row.id]);
      const next = new Set(prev);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  }, []);
  const onSelectAll = useCallback((checked: boolean) => setSelected(checked ? new Set(rowsRef.current.map((r) => r.id)) : new Set()), []);

  const patchRows = useCallback((ids: ReadonlySet<string>, patch: (r: EventListRow) => EventListRow) => {
    setRows((list) => list.map((r) => (ids.has(r.id) ? patch(r) : r)));
  }, []);

  const annotate = useCallback(
    async (body: TAnnotateEvents): Promise<number> => {
      const r = await fetch(`${api}/annotations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return (await readJson<{ changed: number }>(r)).changed;
    },
    [api],
  );

  const onStar = useCallback(
    (row: EventListRow) => {
      const starred = !row.starred;
      patchRows(new Set([row.id]), (r) => ({ ...r, starred }));
      annotate({ eventIds: [row.id], action: starred ? "star" : "unstar" }).catch((e: unknown) => {
        patchRows(new Set([row.id]), (r) => ({ ...r, starred: !starred }));
        setError(e instanceof Error ? e.message : String(e));
      });
    },
    [annotate, patchRows],
  );

  const onToggleExpand = useCallback(
    (id: string, focusComment: boolean) => setExpanded((cur) => (cur?.id === id ? null : { id, focusComment })),
    [],
  );

  const applyBulk = async (change: BulkChange) => {
    const ids = [...selected];
    if (!ids.length) return;
    setIsBusy(true);
    setError(null);
    setNotice(null);
    try {
      let changed = 0;
      for (let i = 0; i < ids.length; i += ANNOTATE_CHUNK)
        changed += await annotate({ ...change, eventIds: ids.slice(i, i + ANNOTATE_CHUNK) });
      const set = new Set(ids);
      const n = `${nf.format(ids.length)} event${ids.length === 1 ? "" : "s"}`;
      switch (change.action) {
        case "star":
        case "unstar": {
          const starred = change.action === "star";
          patchRows(set, (r) => ({ ...r, starred }));
          setNotice(`${starred ? "Starred" : "Unstarred"} ${n}.`);
          break;
        }
        case "tag": {
          const tag = change.value;
          patchRows(set, (r) => (r.tags.includes(tag) ? r : { ...r, tags: [...r.tags, tag].sort() }));
          setTags((list) => {
            const found = list.find((t) => t.tag === tag);
            return found ? list.map((t) => (t === found ? { ...t, count: t.count + changed } : t)) : [...list, { tag, count: changed }];
          });
          setNotice(`Tagged ${n} “${tag}”.`);
          break;
        }
        case "stage": {
          const stage = stages.find((s) => s.key === change.stageKey) ?? null;
          patchRows(set, (r) => ({ ...r, stage: stage ? { key: stage.key, name: stage.name, position: stage.position } : null }));
          setNotice(stage ? `Set the stage of ${n} to ${stage.name}.` : `Cleared the stage of ${n}; the rules will tag them again.`);
          break;
        }
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
    }
  };

  const onAnnotated = useCallback(
    (eventId: string, s: AnnotationSummary) => {
      patchRows(new Set([eventId]), (r) => ({ ...r, ...s }));
      setTags((list) => {
        const added = s.tags.filter((t) => !list.some((x) => x.tag === t));
        return added.length ? [...list, ...added.map((tag) => ({ tag, count: 1 }))] : list;
      });
    },
    [patchRows],
  );
  const renderPanel = useCallback(
    (row: EventListRow, focusComment: boolean) => (
      <EventPanel incidentId={incidentId} row={row} focusComment={focusComment} canCite={props.canCite} onAnnotated={onAnnotated} />
    ),
    [incidentId, onAnnotated, props.canCite],
  );

  const columns = EVENT_COLUMNS.filter((c) => view.cols.includes(c.key));
  const hasMore = nextCursor !== null && error === null;
  const count = total ?? null;
  return (
    <div className="space-y-2">
      <div className="flex items-start justify-between gap-3">
        <EventFilters
          incidentId={incidentId}
          filters={view.filters}
          stages={stages}
          sources={props.sources}
          tags={tags}
          onChange={setFilters}
        />
        <div className="flex gap-2">
          <ExportMenu incidentId={incidentId} filtersQuery={filtersSearch(view.filters)} />
          <ColumnChooser columns={view.cols} onChange={(cols: ColumnKey[]) => setView((v) => ({ ...v, cols }))} />
        </div>
      </div>
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p role="status" aria-live="polite" className="text-sm">
          {count ? (
            <>
              <strong className="tabular-nums">{count.label}</strong> event{count.count === 1 && !count.isCapped ? "" : "s"}
              {countFilters(view.filters) ? " match" : ""}
              {rows.length < count.count || count.isCapped ? <span className="text-muted"> · {nf.format(rows.length)} loaded</span> : null}
            </>
          ) : (
            <span className="text-muted">{nf.format(rows.length)} loaded</span>
          )}
          {phase === "loading" ? <span className="text-muted"> · loading…</span> : null}
          {notice ? <span className="ml-2 text-muted">{notice}</span> : null}
        </p>
        <BulkBar count={selected.size} stages={stages} isBusy={isBusy} onApply={applyBulk} onClear={() => setSelected(new Set())} />
      </div>
      {error ? (
        <p role="alert" className="rounded border border-danger/40 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <EventsTable
        incidentId={incidentId}
        rows={rows}
        columns={columns}
        sort={view.sort}
        dir={view.dir}
        onSort={onSort}
        selected={selected}
        onSelect={onSelect}
        onSelectAll={onSelectAll}
        expanded={expanded}
        onToggleExpand={onToggleExpand}
        onStar={onStar}
        renderPanel={renderPanel}
        hasMore={hasMore}
        isLoading={phase === "more"}
        onNearEnd={loadMore}
        resetKey={resetKey}
        emptyText={countFilters(view.filters) ? "No events match these filters." : "No events yet: import logs on the Sources tab."}
      />
    </div>
  );
}
