import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** The biggest upload accepted, in bytes (CHAINLINE_UPLOAD_MAX_BYTES; default 50 GiB). */
export function uploadLimit(): number {
  const v = Number(process.env.CHAINLINE_UPLOAD_MAX_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 50 * 1024 ** 3;
}

/** An upload bigger than the limit. */
export class UploadTooLargeError extends Error {
  override name = "UploadTooLargeError";
}

function uploadDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.CHAINLINE_UPLOAD_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "uploads"),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The file of an upload id, or null for anything that is not one of ours (no path tricks). */
export function uploadPath(uploadId: string): string | null {
  return UUID.test(uploadId) ? path.join(/*turbopackIgnore: true*/ uploadDir(), uploadId) : null;
}

/** Streams a request body to disk (never into memory), stopping at the size limit. */
export async function saveUpload(
  body: ReadableStream<Uint8Array>,
  maxBytes = uploadLimit(),
): Promise<{ uploadId: string; filePath: string; size: number }> {
  mkdirSync(uploadDir(), { recursive: true });
  const uploadId = randomUUID();
  const filePath = uploadPath(uploadId) as string;
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes)
        done(
          new UploadTooLargeError(`upload larger than the limit of ${maxBytes.toLocaleString("en-US")} bytes (CHAINLINE_UPLOAD_MAX_BYTES)`),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as never), limit, createWriteStream(filePath));
  } catch (err) {
    rmSync(filePath, { force: true });
    throw err;
  }
  return { uploadId, filePath, size };
}

export function removeUpload(uploadId: string): void {
  const p = uploadPath(uploadId);
  if (p) rmSync(p, { force: true });
}
