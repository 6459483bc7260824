import { csvLine } from "../csv-cell";
import type { ExportRow } from "./export-rows";

export const EVENT_FORMATS = ["csv", "jsonl", "timesketch-csv", "timesketch-jsonl"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** A format's file: its header (if any), one text per event, content type and file extension. */
export type EventWriter = { header: string; row(r: ExportRow): string; contentType: string; ext: string };

const CSV_TYPE = "text/csv; charset=utf-8";
const JSONL_TYPE = "application/x-ndjson; charset=utf-8";

// Chainline's own columns: what the Events table shows, every value whole.
const CHAINLINE_COLUMNS = [
  ["id", (r: ExportRow) => r.id],
  ["time", (r: ExportRow) => r.time],
  ["timestamp_desc", (r: ExportRow) => r.timestampDesc],
  ["source", (r: ExportRow) => r.source],
  ["line", (r: ExportRow) => r.line],
  ["stage", (r: ExportRow) => r.stage],
  ["technique", (r: ExportRow) => r.technique],
  ["severity", (r: ExportRow) => r.severity],
  ["action", (r: ExportRow) => r.action],
  ["category", (r: ExportRow) => r.category],
  ["outcome", (r: ExportRow) => r.outcome],
  ["actor", (r: ExportRow) => r.actor],
  ["host", (r: ExportRow) => r.host],
  ["src_ip", (r: ExportRow) => r.srcIp],
  ["dst_ip", (r: ExportRow) => r.dstIp],
  ["target", (r: ExportRow) => r.target],
  ["message", (r: ExportRow) => r.message],
] as const;

/**
 * Timesketch's contract (message, datetime, timestamp_desc; timestamp in µs, exact) and then the
 * canonical fields under the names Chainline's own importer maps back to the same fields, so a
 * Timesketch export re-imported is the same events. Chainline's analysis (stage, technique,
 * severity, where it came from) rides along under chainline_* names, kept as fields.
 */
const TIMESKETCH_COLUMNS = [
  ["message", (r: ExportRow) => r.message],
  ["datetime", (r: ExportRow) => r.time],
  ["timestamp_desc", (r: ExportRow) => r.timestampDesc],
  ["timestamp", (r: ExportRow) => r.epochUs],
  ["action", (r: ExportRow) => r.action],
  ["category", (r: ExportRow) => r.category],
  ["outcome", (r: ExportRow) => r.outcome],
  ["actor", (r: ExportRow) => r.actor],
  ["host", (r: ExportRow) => r.host],
  ["src_ip", (r: ExportRow) => r.srcIp],
  ["dst_ip", (r: ExportRow) => r.dstIp],
  ["target", (r: ExportRow) => r.target],
  ["chainline_event_id", (r: ExportRow) => r.id],
  ["chainline_source", (r: ExportRow) => r.source],
  ["chainline_line", (r: ExportRow) => r.line],
  ["chainline_stage", (r: ExportRow) => r.stage],
  ["chainline_technique", (r: ExportRow) => r.technique],
  ["chainline_severity", (r: ExportRow) => r.severity],
] as const;

type Columns = readonly (readonly [string, (r: ExportRow) => string | number | null])[];

const csv = (columns: Columns): EventWriter => ({
  header: csvLine(columns.map(([name]) => name)),
  row: (r) => csvLine(columns.map(([, get]) => get(r))),
  contentType: CSV_TYPE,
  ext: "csv",
});

// Every line has every key (null where the event has no value): an importer that learns the
// fields from the first lines, as Chainline's and Timesketch's do, then knows them all.
const jsonl = (columns: Columns, epochAsNumber: boolean): EventWriter => ({
  header: "",
  row: (r) => {
    const o: Record<string, unknown> = {};
    for (const [name, get] of columns) {
      const v = get(r);
      o[name] = name === "timestamp" && epochAsNumber && v !== null ? Number(v) : v;
    }
    return `${JSON.stringify(o)}\n`;
  },
  contentType: JSONL_TYPE,
  ext: "jsonl",
});

export function eventWriter(format: EventFormat): EventWriter {
  switch (format) {
    case "csv":
      return csv(CHAINLINE_COLUMNS);
    case "jsonl":
      return jsonl(CHAINLINE_COLUMNS, false);
    case "timesketch-csv":
      return csv(TIMESKETCH_COLUMNS);
    case "timesketch-jsonl":
      // Timesketch's own JSONL writes the timestamp as a number; µs since 1970 stay exact below 2^53 until the year 2255.
      return jsonl(TIMESKETCH_COLUMNS, true);
  }
}
