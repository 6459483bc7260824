import type { Line } from "./read/read-lines";

/** A record a parser read: the fields as found, and the text it came from. */
export type ParsedRecord = {
  kind: "record";
  /** First line of the record in the file (1-based). */
  line: number;
  raw: Record<string, unknown>;
  /** The record's text as read (a JSONL line, a CSV row); hashed for the fingerprint. */
  rawText: string;
  /** The record as written in the file, when rawText is not (a CSV row's cells are joined for hashing): shown if it is rejected. */
  lineText?: string;
  /** True when rawText is itself the JSON of raw, so it can be stored without re-serialising. */
  isRawTextJson?: boolean;
};

/** Input a parser could not turn into a record, with the reason. */
export type ParseProblem = { kind: "problem"; line: number; reason: string; rawText: string };

export type ParseOutput = ParsedRecord | ParseProblem;

/** A pure, streaming parser: lines in, records and problems out. It never touches the database. */
export type RecordParser = { push(lines: Line[]): ParseOutput[]; end(): ParseOutput[] };

/** The canonical fields one record maps to, before time parsing and redaction. */
export type EventDraft = {
  /** The timestamp as found: text, or a number for epochs. */
  time: string | number;
  /** Overrides the source's time format for this record (e.g. "epoch-us" for Timesketch's timestamp). */
  timeFormat?: string;
  /** True when the source states the zone (e.g. a "[UTC]" column), so none is assumed. */
  isZoneStated?: boolean;
  timestampDesc?: string;
  message: string;
  action?: string;
  category?: string;
  outcome?: string;
  actor?: string;
  host?: string;
  srcIp?: string;
  dstIp?: string;
  target?: string;
  /** The format's own unique id for the record (UAL Id, EventRecordID…), when it has one. */
  nativeId?: string;
  /** What the record is about, beyond actor/host/IPs (which become entities by themselves). */
  entities?: EntityRef[];
  /** The values of a record the source carries as text in one field (Sysmon XML in SyslogMessage), for rules to read one by one. */
  fields?: Record<string, string>;
};

/** Kinds of thing events are about; pivots and the entity pages group by these. */
export type EntityKind = "account" | "host" | "ip" | "app" | "mailbox" | "file" | "key" | "session" | "process" | "tenant" | "url";

/** An entity a record mentions, and how (role: actor, target, src, dst, host, app, key, …). */
export type EntityRef = { kind: EntityKind; value: string; role: string };

/** Maps one record to its canonical fields, or says why it cannot. */
export type RecordMapper = (raw: Record<string, unknown>) => EventDraft | { error: string };
