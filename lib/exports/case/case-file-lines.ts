import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { InvalidRequestError } from "@/lib/errors/invalid-request";

/** The longest line a case file may have (an event's raw record with its fields is far less). */
const MAX_LINE = 64 * 1048576;

/** Bytes as they came, or gunzipped when they start with gzip's magic number (a .gz case file). */
async function* plainBytes(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const it = bytes[Symbol.asyncIterator]();
  let first = await it.next();
  while (!first.done && first.value.length < 2) {
    const more = await it.next();
    if (more.done) break;
    first = { done: false, value: Buffer.concat([first.value, more.value]) };
  }
  if (first.done) return;
  const head = first.value;
  async function* all() {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* all();
    return;
  }
  // pipe() does not pass a failing source on: an upload cut mid-way must fail the read, not hang it.
  const source = Readable.from(all());
  const gunzip = createGunzip();
  source.on("error", (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    yield* gunzip;
  } finally {
    source.destroy();
  }
}

/**
 * A case file's lines, from its bytes (gzipped or not), one at a time: a file of a million
 * events is read as it arrives, never held whole. Bytes that are not UTF-8 stop the read.
 */
export async function* readCaseFileLines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // The unfinished line, in pieces: joined once when it ends (appending chunk by chunk would copy it over and over).
  let pending: string[] = [];
  let pendingLength = 0;
  let lineNo = 0;
  for await (const chunk of plainBytes(bytes)) {
    const text = decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    if (parts.length > 1) {
      pending.push(parts[0] as string);
      parts[0] = pending.join("");
      pending = [];
      pendingLength = 0;
      const last = parts.pop() as string;
      lineNo += parts.length;
      yield* parts;
      pending.push(last);
      pendingLength = last.length;
    } else {
      pending.push(text);
      pendingLength += text.length;
    }
    // A record is kilobytes; a line without end is a broken or hostile file, not one to hold in memory.
    if (pendingLength > MAX_LINE) throw new InvalidRequestError(`line ${lineNo + 1} is longer than ${MAX_LINE / 1048576} MiB`);
  }
  const rest = pending.join("") + decoder.decode();
  if (rest) yield rest;
}
