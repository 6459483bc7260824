// The Events view's state and its URL: filters, sort and visible columns. Pure: used by the
// server page (to load the first page the URL asks for) and by the client (to keep the URL in step).
import { EVENT_SORTS, type EventSort, type TEventFilters, ZEventFilters } from "@/lib/schemas/annotations";

/** A column of the events table, in display order. `sort` names the API sort it drives. */
export type EventColumn = { key: ColumnKey; label: string; width: string; sort?: EventSort };

export const EVENT_COLUMNS = [
  { key: "time", label: "Time (UTC)", width: "12.75rem", sort: "time" },
  { key: "stage", label: "Stage", width: "10.5rem" },
  { key: "severity", label: "Severity", width: "5.25rem", sort: "severity" },
  { key: "source", label: "Source", width: "9.5rem", sort: "source" },
  { key: "action", label: "Action", width: "8.5rem", sort: "action" },
  { key: "actor", label: "Actor", width: "10rem" },
  { key: "host", label: "Host", width: "8rem" },
  { key: "srcIp", label: "Source IP", width: "8rem" },
  { key: "target", label: "Target", width: "10rem" },
  { key: "technique", label: "Technique", width: "6.5rem" },
  { key: "message", label: "Message", width: "minmax(16rem, 1fr)" },
  { key: "tags", label: "Tags", width: "7rem" },
] as const satisfies readonly { key: string; label: string; width: string; sort?: EventSort }[];

export type ColumnKey = (typeof EVENT_COLUMNS)[number]["key"];

/** Tags show as chips in the message cell unless their own column is chosen. */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = ["time", "stage", "severity", "source", "action", "actor", "message"];

/** Everything a link to the Events view reproduces. */
export type EventsView = {
  filters: TEventFilters;
  sort: EventSort;
  dir: "asc" | "desc";
  /** Visible columns, in EVENT_COLUMNS order; time is always shown. */
  cols: ColumnKey[];
};

export const NO_EVENT_FILTERS: TEventFilters = { stage: [], source: [], severity: [], starred: false };

const COLUMN_KEYS = new Set<string>(EVENT_COLUMNS.map((c) => c.key));

/** Columns from the URL ("time,stage,message"), kept in table order; unknown names are dropped. */
export function parseColumns(text: string | undefined): ColumnKey[] {
  if (!text) return [...DEFAULT_COLUMNS];
  const wanted = new Set(text.split(",").filter((c) => COLUMN_KEYS.has(c)));
  wanted.add("time");
  return EVENT_COLUMNS.map((c) => c.key).filter((k) => wanted.has(k));
}

/**
 * The view from the page's URL, forgiving: a parameter that does not parse is dropped (its
 * default applies) instead of failing the page, so an old or hand-edited link still opens.
 */
export function parseEventsView(params: Record<string, string>): EventsView {
  const record: Record<string, string> = { ...params };
  let filters = NO_EVENT_FILTERS;
  for (let attempt = 0; attempt < 12; attempt++) {
    const r = ZEventFilters.safeParse(record);
    if (r.success) {
      filters = r.data;
      if (filters.from && filters.to && Date.parse(filters.from) >= Date.parse(filters.to)) filters = { ...filters, to: undefined };
      break;
    }
    for (const i of r.error.issues) delete record[String(i.path[0] ?? "")];
  }
  const sort = (EVENT_SORTS as readonly string[]).includes(params.sort ?? "") ? (params.sort as EventSort) : "time";
  return { filters, sort, dir: params.dir === "desc" ? "desc" : "asc", cols: parseColumns(params.cols) };
}

/** The filters alone as a query string (what an export of this view selects). */
export function filtersSearch(f: TEventFilters): string {
  const q = new URLSearchParams();
  putFilters(q, f);
  return q.toString();
}

function putFilters(q: URLSearchParams, f: TEventFilters) {
  if (f.q) q.set("q", f.q);
  if (f.stage.length) q.set("stage", f.stage.join(","));
  if (f.source.length) q.set("source", f.source.join(","));
  if (f.severity.length) q.set("severity", f.severity.join(","));
  if (f.entity) q.set("entity", f.entity);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.starred) q.set("starred", "1");
  if (f.tag) q.set("tag", f.tag);
}

/** The page's query string for a view: only what differs from the defaults. */
export function viewToSearch(v: EventsView): string {
  const q = new URLSearchParams();
  putFilters(q, v.filters);
  if (v.sort !== "time") q.set("sort", v.sort);
  if (v.dir !== "asc") q.set("dir", v.dir);
  if (v.cols.join(",") !== DEFAULT_COLUMNS.join(",")) q.set("cols", v.cols.join(","));
  return q.toString();
}

/** The API's query string for a page of a view. */
export function apiSearch(v: EventsView, page: { limit: number; cursor?: string | null }): string {
  const q = new URLSearchParams();
  putFilters(q, v.filters);
  q.set("sort", v.sort);
  q.set("dir", v.dir);
  q.set("limit", String(page.limit));
  if (page.cursor) q.set("cursor", page.cursor);
  return q.toString();
}

/** "2023-05-15 03:12:44.123456" from the API's microsecond ISO time (UTC). */
export function formatEventTime(iso: string): string {
  return iso.replace("T", " ").replace(/Z$/, "");
}

/** How many filters are set (for "Clear filters"). */
export function countFilters(f: TEventFilters): number {
  return (
    f.stage.length +
    f.source.length +
    f.severity.length +
    (f.q ? 1 : 0) +
    (f.entity ? 1 : 0) +
    (f.from ? 1 : 0) +
    (f.to ? 1 : 0) +
    (f.starred ? 1 : 0) +
    (f.tag ? 1 : 0)
  );
}
