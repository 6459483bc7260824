import type { EntityRef, RecordMapper } from "../canonical";
import { createCsvParser, csvHeader } from "../formats/csv";
import type { Format, Sample } from "../formats/format";
import { createZoneResolver, type ZoneResolver } from "../time/zone-offset";
import { plasoSourceFile } from "./plaso-json-line";

/** log2timeline's CSV columns, in the order psort -o l2tcsv writes them. */
export const L2TCSV_COLUMNS = [
  "date",
  "time",
  "timezone",
  "MACB",
  "source",
  "sourcetype",
  "type",
  "user",
  "host",
  "short",
  "desc",
  "version",
  "filename",
  "inode",
  "notes",
  "format",
  "extra",
] as const;

const WALL_CLOCK = "%m/%d/%Y %H:%M:%S";
const UTC_NAMES = new Set(["UTC", "GMT", "Z", "ETC/UTC", "ETC/GMT", "UNIVERSAL", "ZULU"]);

// l2tcsv writes "-" for an empty cell.
const cell = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" && v !== "-" ? v : undefined);

/** "+02:00" for a zone's offset at a wall-clock time, or null when the runtime does not know the zone. */
function offsetIn(zone: string, resolvers: Map<string, ZoneResolver | null>, date: string, time: string): string | null {
  let resolve = resolvers.get(zone);
  if (resolve === undefined) {
    try {
      resolve = createZoneResolver(zone);
    } catch {
      resolve = null;
    }
    resolvers.set(zone, resolve);
  }
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(time);
  if (!resolve || !d || !t) return null;
  const localMs = Date.UTC(Number(d[3]), Number(d[1]) - 1, Number(d[2]), Number(t[1]), Number(t[2]), Number(t[3]));
  const minutes = Math.round((localMs - resolve(localMs)) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function createL2tMapper(): RecordMapper {
  const resolvers = new Map<string, ZoneResolver | null>();
  return (raw) => {
    const date = cell(raw.date);
    const time = cell(raw.time);
    if (!date || !time) return { error: "no date or time in the l2tcsv row" };
    const zone = cell(raw.timezone);
    let when: { time: string; timeFormat: string; isZoneStated?: boolean };
    if (!zone) when = { time: `${date} ${time}`, timeFormat: WALL_CLOCK };
    else if (UTC_NAMES.has(zone.toUpperCase())) when = { time: `${date} ${time}`, timeFormat: WALL_CLOCK, isZoneStated: true };
    else {
      // The row states its zone by name: the wall-clock time is read in it, and the offset that
      // zone had then is written next to the text, so the stored timestamp text says what was used.
      const offset = offsetIn(zone, resolvers, date, time);
      if (!offset) return { error: `unknown timezone "${zone}" in the l2tcsv row` };
      when = { time: `${date} ${time} ${offset}`, timeFormat: `${WALL_CLOCK} %z` };
    }
    const file = plasoSourceFile(undefined, raw.filename);
    const entities: EntityRef[] = file ? [{ kind: "file", value: file, role: "source-file" }] : [];
    const macb = cell(raw.MACB);
    return {
      ...when,
      timestampDesc: cell(raw.type),
      message: cell(raw.desc) ?? cell(raw.short) ?? `${cell(raw.sourcetype) ?? "Plaso event"}${macb ? ` ${macb}` : ""}`,
      category: cell(raw.sourcetype) ?? cell(raw.source),
      actor: cell(raw.user),
      host: cell(raw.host),
      target: file,
      entities,
    };
  };
}

/** The header names the 17 l2tcsv columns in order (the last ones may be missing in old exports). */
function isL2tHeader(sample: Sample): boolean {
  const header = csvHeader(sample);
  return header.length >= 11 && header.every((h, i) => h === L2TCSV_COLUMNS[i]);
}

export const plasoL2tCsvFormat: Format = {
  name: "plaso-l2tcsv",
  label: "Plaso / log2timeline l2tcsv",
  description:
    "psort -o l2tcsv: date (MM/DD/YYYY), time, timezone (honoured: UTC or an IANA name), MACB, source, sourcetype, type, user, host, short, desc, … filename, format, extra.",
  example: `${L2TCSV_COLUMNS.join(",")}\n05/15/2023,03:12:44,UTC,M...,LOG,Log File,Content Modification Time,alice,web01.example.test,Accepted publickey for alice,Accepted publickey for alice from 203.0.113.7,2,OS:/var/log/auth.log,-,-,text/syslog,-`,
  detect: (sample) => (isL2tHeader(sample) ? 95 : 0),
  createParser: createCsvParser,
  createMapper: () => createL2tMapper(),
  sampleFields: csvHeader,
};
