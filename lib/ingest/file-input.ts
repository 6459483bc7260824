import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import type { Sample } from "./formats/format";
import { type Line, readLines } from "./read/read-lines";
import { type FileSniff, SNIFF_BYTES, sniffBytes } from "./read/sniff-file";

/** A file that will not be imported, and why (binary, wrong kind, unreadable). */
export class ImportRefusedError extends Error {
  override name = "ImportRefusedError";
}

/** sha256 and size of the file's bytes as given (the evidence), read in one streaming pass. */
export async function hashFile(filePath: string, onBytes?: (n: number) => void): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    onBytes?.(size);
  }
  return { sha256: hash.digest("hex"), size };
}

async function head(filePath: string): Promise<Uint8Array> {
  const fh = await open(filePath, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** What the importer needs to read a file: its text encoding and whether to gunzip it. */
export type InputPlan = { gzip: boolean; encoding: "utf-8" | "utf-16le" | "utf-16be" };

/** Decides how to read the file, or refuses it with a reason naming the file. */
export async function planInput(filePath: string, name = path.basename(filePath)): Promise<InputPlan> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw new ImportRefusedError(`${name}: not a readable file`);
  if (info.size === 0) throw new ImportRefusedError(`${name}: the file is empty`);
  let sniff: FileSniff = sniffBytes(await head(filePath));
  let gzip = false;
  if (sniff.kind === "gzip") {
    gzip = true;
    const inner: Buffer[] = [];
    let n = 0;
    try {
      for await (const c of createReadStream(filePath).pipe(createGunzip())) {
        inner.push(c as Buffer);
        n += (c as Buffer).length;
        if (n >= SNIFF_BYTES) break;
      }
    } catch (err) {
      throw new ImportRefusedError(`${name}: a damaged gzip file (${(err as Error).message})`);
    }
    sniff = sniffBytes(Buffer.concat(inner).subarray(0, SNIFF_BYTES));
    if (sniff.kind === "gzip") throw new ImportRefusedError(`${name}: gzip inside gzip: unpack it first`);
  }
  if (sniff.kind === "refused") throw new ImportRefusedError(`${name}: ${sniff.reason}`);
  if (sniff.kind !== "text") throw new ImportRefusedError(`${name}: not a text file`);
  return { gzip, encoding: sniff.encoding };
}

/** The file's bytes (decompressed when gzipped); onRawBytes counts bytes read from disk. */
export function fileBytes(filePath: string, plan: InputPlan, onRawBytes?: (n: number) => void): AsyncIterable<Uint8Array> {
  const file = createReadStream(filePath, { highWaterMark: 1 << 20 });
  let n = 0;
  if (onRawBytes) {
    file.on("data", (c) => {
      n += (c as Buffer).length;
      onRawBytes(n);
    });
  }
  return plan.gzip ? file.pipe(createGunzip()) : file;
}

/** The numbered lines of the file, in batches. */
export function fileLines(filePath: string, plan: InputPlan, onRawBytes?: (n: number) => void): AsyncGenerator<Line[]> {
  return readLines(fileBytes(filePath, plan, onRawBytes), { encoding: plan.encoding });
}

/** The first 64 lines, for detection and mapping guesses. */
export async function readSample(filePath: string, plan: InputPlan, fileName: string): Promise<Sample> {
  const lines: string[] = [];
  for await (const batch of fileLines(filePath, plan)) {
    for (const l of batch) {
      lines.push(l.text);
      if (lines.length >= 64) return { fileName, lines };
    }
  }
  return { fileName, lines };
}
