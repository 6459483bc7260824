import { isUtf8 } from "node:buffer";

export type Line = {
  text: string;
  /** 1-based, as a text editor numbers lines. */
  number: number;
  /** Set when the line could not be decoded or was too long; `text` then holds a lossy rendering (U+FFFD), bounded to 2,000 chars. */
  error?: string;
};

export type ReadLinesOptions = {
  encoding?: "utf-8" | "utf-16le" | "utf-16be";
  /** Default 64 MiB. Counted in bytes before the `\n`, so a trailing `\r` counts. */
  maxLineBytes?: number;
};

const MIB = 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 64 * MIB;
/** The text of a line with `error` is cut to this many UTF-16 units: enough to show an analyst what it was. */
export const LOSSY_TEXT_MAX_CHARS = 2_000;
// Small batches: a parser turns a whole batch into records before the first is stored, so with
// 2,000 lines they outlived a young-generation GC or two and were copied each time (Node's own
// time per JSONL record 10 % less with 64, measured over five runs each).
export const BATCH_MAX_LINES = 64;
export const BATCH_MAX_CHARS = 64 * 1024;
// At most 3 bytes per UTF-16 unit, so this many bytes always decode to more than LOSSY_TEXT_MAX_CHARS units;
// keeping only this prefix of an oversized line is what lets us skip the rest without buffering it.
const PREVIEW_BYTES = LOSSY_TEXT_MAX_CHARS * 4;
const NL = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

// ignoreBOM keeps a U+FEFF in the middle of a file (concatenated exports) as text, whichever path decodes the line.
const FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LOSSY_UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Numbered lines of a byte stream, in batches of up to BATCH_MAX_LINES lines or BATCH_MAX_CHARS of text.
 * Holds at most one line (or the 8 KB preview of an oversized one) plus the current chunk.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>, options: ReadLinesOptions = {}): AsyncGenerator<Line[]> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!(maxLineBytes > 0)) throw new RangeError(`maxLineBytes must be positive, got ${maxLineBytes}`);
  const encoding = options.encoding ?? "utf-8";
  // UTF-16 is rare (PowerShell, some Windows exports): transcode it and split the same way. The streaming decoder
  // strips its BOM and keeps a code unit or surrogate pair split across chunks; it is lossy (a lone surrogate becomes
  // U+FFFD), so UTF-16 lines only ever carry the too-long error, and maxLineBytes counts their UTF-8 bytes.
  const decoder = encoding === "utf-8" ? null : new TextDecoder(encoding);
  const splitter = new Utf8Splitter(maxLineBytes, decoder === null);
  let out: Line[] = [];
  let outChars = 0;
  for await (const chunk of source) {
    if (typeof chunk === "string") throw new TypeError("readLines wants bytes: open the stream without an encoding");
    const before = out.length;
    splitter.push(decoder === null ? chunk : Buffer.from(decoder.decode(chunk, { stream: true })), out);
    for (let i = before; i < out.length; i++) outChars += (out[i] as Line).text.length;
    if (out.length >= BATCH_MAX_LINES || outChars >= BATCH_MAX_CHARS) {
      const { full, rest } = cutBatches(out, false);
      for (const batch of full) yield batch;
      out = rest;
      outChars = 0;
      for (const line of rest) outChars += line.text.length;
    }
  }
  if (decoder !== null) splitter.push(Buffer.from(decoder.decode()), out);
  splitter.end(out);
  for (const batch of cutBatches(out, true).full) yield batch;
}

/** Splits collected lines into full batches; the unfilled tail waits for more lines unless this is the end. */
function cutBatches(lines: Line[], final: boolean): { full: Line[][]; rest: Line[] } {
  const full: Line[][] = [];
  let start = 0;
  let chars = 0;
  for (let i = 0; i < lines.length; i++) {
    chars += (lines[i] as Line).text.length;
    if (i + 1 - start >= BATCH_MAX_LINES || chars >= BATCH_MAX_CHARS) {
      full.push(start === 0 && i + 1 === lines.length ? lines : lines.slice(start, i + 1));
      start = i + 1;
      chars = 0;
    }
  }
  const rest = start === 0 ? lines : lines.slice(start);
  if (final && rest.length > 0) full.push(rest);
  return { full, rest: final ? [] : rest };
}

class Utf8Splitter {
  private lineNumber = 0;
  /** Bytes seen before we know whether the file starts with a BOM (it may arrive one byte per chunk). */
  private head: Buffer | null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while skipping the rest of a line longer than the limit; holds its first bytes. */
  private preview: Buffer | null = null;

  constructor(
    private readonly maxLineBytes: number,
    stripBom: boolean,
  ) {
    this.head = stripBom ? Buffer.alloc(0) : null;
  }

  push(chunk: Uint8Array, out: Line[]): void {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.head !== null) {
      const head = this.head.length === 0 ? buf : Buffer.concat([this.head, buf]);
      if (head.length < UTF8_BOM.length && head.every((b, i) => b === UTF8_BOM[i])) {
        this.head = Buffer.from(head);
        return;
      }
      this.head = null;
      buf = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    }
    this.split(buf, out);
  }

  end(out: Line[]): void {
    if (this.head !== null && this.head.length > 0) this.split(this.head, out);
    this.head = null;
    if (this.pendingBytes > 0 || this.preview !== null) this.emitPending(out);
  }

  private split(buf: Buffer, out: Line[]): void {
    const first = buf.indexOf(NL);
    if (first === -1) {
      this.append(buf.subarray(0));
      return;
    }
    let start = 0;
    if (this.pendingBytes > 0 || this.preview !== null) {
      this.append(buf.subarray(0, first));
      this.emitPending(out);
      start = first + 1;
    }
    const last = buf.lastIndexOf(NL);
    if (last >= start) this.emitRegion(buf, start, last, out);
    if (last + 1 < buf.length) this.append(buf.subarray(last + 1));
  }

  /** Complete lines in buf[start, end), where buf[end] is a newline: one validation and one decode for the lot. */
  private emitRegion(buf: Buffer, start: number, end: number, out: Line[]): void {
    const region = buf.subarray(start, end);
    if (!isUtf8(region)) {
      // Rare: find the bad line(s) one by one so the others still decode.
      let pos = start;
      while (pos <= end) {
        const nl = buf.indexOf(NL, pos);
        this.emitBytes(buf.subarray(pos, nl), out);
        pos = nl + 1;
      }
      return;
    }
    for (const raw of region.toString("utf8").split("\n")) {
      this.lineNumber++;
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so most lines need no byte count.
      if (raw.length * 3 > this.maxLineBytes && Buffer.byteLength(raw) > this.maxLineBytes) {
        out.push(this.tooLong(this.lineNumber, cutText(raw)));
      } else {
        out.push({ text: raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw, number: this.lineNumber });
      }
    }
  }

  private append(part: Buffer): void {
    if (part.length === 0) return;
    if (this.preview !== null) {
      if (this.preview.length < PREVIEW_BYTES)
        this.preview = Buffer.concat([this.preview, part.subarray(0, PREVIEW_BYTES - this.preview.length)]);
      return;
    }
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      // Keep the start only; the bytes before it are dropped now, those after it as they come.
      const parts: Buffer[] = [];
      let kept = 0;
      for (const p of [...this.pending, part]) {
        if (kept >= PREVIEW_BYTES) break;
        parts.push(p.subarray(0, PREVIEW_BYTES - kept));
        kept += Math.min(p.length, PREVIEW_BYTES - kept);
      }
      this.preview = Buffer.concat(parts);
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    // Copied: a source may reuse its buffer for the next chunk.
    this.pending.push(Buffer.from(part));
    this.pendingBytes += part.length;
  }

  private emitPending(out: Line[]): void {
    if (this.preview !== null) {
      this.lineNumber++;
      out.push(this.tooLong(this.lineNumber, cutText(LOSSY_UTF8.decode(this.preview))));
      this.preview = null;
    } else {
      const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      this.emitBytes(bytes, out);
    }
  }

  /** One line's bytes (without its `\n`); the careful path, used for lines that crossed chunks or failed validation. */
  private emitBytes(bytes: Buffer, out: Line[]): void {
    const number = ++this.lineNumber;
    if (bytes.length > this.maxLineBytes) {
      out.push(this.tooLong(number, cutText(LOSSY_UTF8.decode(bytes.subarray(0, PREVIEW_BYTES)))));
      return;
    }
    const body = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
    try {
      out.push({ text: FATAL_UTF8.decode(body), number });
    } catch {
      const text = cutText(LOSSY_UTF8.decode(body.subarray(0, PREVIEW_BYTES)));
      out.push({ text, number, error: `invalid UTF-8 at byte ${firstInvalidUtf8(body)}` });
    }
  }

  private tooLong(number: number, text: string): Line {
    return tooLongLine(number, text, this.maxLineBytes);
  }
}

/** `text` is the line's start, cut by cutText; below the bound it is the whole line, whose `\r` then goes as usual. */
function tooLongLine(number: number, text: string, maxLineBytes: number): Line {
  const whole = text.length < LOSSY_TEXT_MAX_CHARS - 1;
  return {
    text: whole && text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text,
    number,
    error: `line longer than ${formatSize(maxLineBytes)}`,
  };
}

/** Bounds a lossy rendering without splitting a surrogate pair. */
function cutText(text: string): string {
  if (text.length <= LOSSY_TEXT_MAX_CHARS) return text;
  const last = text.charCodeAt(LOSSY_TEXT_MAX_CHARS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? LOSSY_TEXT_MAX_CHARS - 1 : LOSSY_TEXT_MAX_CHARS);
}

/** "64 MiB" for the default; small limits (tests, tight configs) read better in KiB or bytes. */
export function formatSize(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(2))} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Offset of the first byte of the first ill-formed sequence (Unicode table 3-7, the rules TextDecoder applies),
 * or -1 when the bytes are valid. Only runs on lines already known to be bad.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
