import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { KeyEvent, KeyMeta } from "./answer-key-types";
import { iso } from "./time";

const FLUSH_CHARS = 1 << 20;

/**
 * One output file, written as a stream: text is gathered into ~1 MiB chunks, hashed and written
 * with back-pressure, so memory stays flat whatever the size. Tracks the line the next text
 * starts on, for the answer key.
 */
export class LogFile {
  readonly name: string;
  /** 1-based line number where the next written text begins. */
  line = 1;
  records = 0;
  bytes = 0;
  private chunks: string[] = [];
  private chars = 0;
  private readonly hash: Hash = createHash("sha256");
  private readonly stream: WriteStream;

  constructor(dir: string, name: string) {
    this.name = name;
    this.stream = createWriteStream(path.join(dir, name));
  }

  write(text: string): void {
    this.chunks.push(text);
    this.chars += text.length;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.line++;
  }

  get full(): boolean {
    return this.chars >= FLUSH_CHARS;
  }

  async flush(): Promise<void> {
    if (this.chars === 0) return;
    const buf = Buffer.from(this.chunks.join(""), "utf8");
    this.chunks = [];
    this.chars = 0;
    this.hash.update(buf);
    this.bytes += buf.length;
    if (!this.stream.write(buf)) await once(this.stream, "drain");
  }

  /** Flushes, closes, and reports what was written. `lines` counts line ends. */
  async close(): Promise<{ lines: number; bytes: number; sha256: string }> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return { lines: this.line - 1, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

/** Where the record goes once written: its line and its position among the file's records. */
export type Placement = { line: number; index: number };

/** One record to write: its time, how to render it, and, for story records, what the answer key says. */
export type Rec = {
  t: number;
  /** The record's text; for "lines" layouts it ends with its line break. */
  render(at: Placement): string;
  key?: KeyMeta;
  /** Records that follow this one (ascending files): queued and written at their own time. */
  followUps?: Rec[];
};

export type Layout = {
  /** "lines": each record carries its own line end; "json-array": one element a line, commas between. */
  kind: "lines" | "json-array";
  header?: string;
  /** For "json-array": closes the array (written after a line break). */
  footer?: string;
  descending?: boolean;
  /** Fraction digits of the time as the file writes it, for the answer key's `ts`. */
  tsDigits: 0 | 3 | 6;
};

export type WriteSummary = {
  keys: KeyEvent[];
  storyRecords: number;
  backgroundRecords: number;
  first: number | null;
  last: number | null;
};

type Queued = { rec: Rec; story: boolean };

function insertByTime(queue: Queued[], item: Queued, desc: boolean): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const q = queue[mid];
    if (q && (desc ? q.rec.t >= item.rec.t : q.rec.t <= item.rec.t)) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
}

/**
 * Writes story and background records merged in time order (story first on ties, then queued
 * follow-ups, then background) and reports where each story record landed.
 */
export async function writeLog(file: LogFile, layout: Layout, story: readonly Rec[], background: Iterable<Rec>): Promise<WriteSummary> {
  const desc = layout.descending === true;
  const sorted = [...story].sort((a, b) => (desc ? b.t - a.t : a.t - b.t));
  const queued: Queued[] = [];
  const out: WriteSummary = { keys: [], storyRecords: 0, backgroundRecords: 0, first: null, last: null };
  const bg = background[Symbol.iterator]();
  let nextBg = bg.next();
  let si = 0;
  const before = (a: Rec, b: Rec) => (desc ? a.t >= b.t : a.t <= b.t);

  if (layout.header) file.write(layout.header);
  for (;;) {
    let rec: Rec | undefined = sorted[si];
    let from: "story" | "queue" | "bg" = "story";
    const q = queued[0];
    if (q && (!rec || !before(rec, q.rec))) {
      rec = q.rec;
      from = "queue";
    }
    if (!nextBg.done && (!rec || !before(rec, nextBg.value))) {
      rec = nextBg.value;
      from = "bg";
    }
    if (!rec) break;
    let isStory = true;
    if (from === "story") si++;
    else if (from === "queue") isStory = queued.shift()?.story ?? false;
    else {
      nextBg = bg.next();
      isStory = false;
    }

    if (layout.kind === "json-array" && file.records > 0) file.write(",\n");
    const placement = { line: file.line, index: file.records };
    file.write(rec.render(placement));
    file.records++;
    if (isStory) out.storyRecords++;
    else out.backgroundRecords++;
    if (out.first === null || rec.t < out.first) out.first = rec.t;
    if (out.last === null || rec.t > out.last) out.last = rec.t;
    if (rec.key) out.keys.push({ ...rec.key, file: file.name, line: placement.line, ts: iso(rec.t, layout.tsDigits) });
    if (rec.followUps) for (const r of rec.followUps) insertByTime(queued, { rec: r, story: isStory }, desc);
    if (file.full) await file.flush();
  }
  if (layout.kind === "json-array") file.write(`${file.records > 0 ? "\n" : ""}${layout.footer ?? "]"}\n`);
  return out;
}

/** What one generator module wrote. */
export type FileResult = {
  file: string;
  format: string;
  description: string;
  order: "ascending" | "descending";
  lines: number;
  bytes: number;
  records: number;
  sha256: string;
  storyRecords: number;
  backgroundRecords: number;
  first: number | null;
  last: number | null;
  keys: KeyEvent[];
};

export type FileSpec = { file: string; format: string; description: string; layout: Layout };

/** Creates `spec.file` in `dir`, writes the merged records, closes it, and returns the tallies. */
export async function produce(dir: string, spec: FileSpec, story: readonly Rec[], background: Iterable<Rec>): Promise<FileResult> {
  const file = new LogFile(dir, spec.file);
  const summary = await writeLog(file, spec.layout, story, background);
  const records = file.records;
  const closed = await file.close();
  return {
    file: spec.file,
    format: spec.format,
    description: spec.description,
    order: spec.layout.descending ? "descending" : "ascending",
    records,
    ...closed,
    ...summary,
  };
}
