import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** Who an upload belongs to: the user who sent it, for the incident it was sent to. */
export type UploadOwner = { userId: string; incidentId: string };

function filePathOf(uploadId: string): string | null {
  return UUID.test(uploadId) ? path.join(/*turbopackIgnore: true*/ uploadDir(), uploadId) : null;
}

/**
 * The file of an upload, or null for anything that is not one of ours (no path tricks) or not this
 * user's for this incident: an upload id seen by someone else opens nothing.
 */
export function uploadPath(uploadId: string, owner: UploadOwner): string | null {
  const file = filePathOf(uploadId);
  if (!file) return null;
  try {
    return readFileSync(`${file}.owner`, "utf8") === `${owner.userId} ${owner.incidentId}` ? file : null;
  } catch {
    return null;
  }
}

/** Streams a request body to disk (never into memory), stopping at the size limit, and records whose it is. */
export async function saveUpload(
  body: ReadableStream<Uint8Array>,
  owner: UploadOwner,
  maxBytes = uploadLimit(),
): Promise<{ uploadId: string; filePath: string; size: number }> {
  mkdirSync(uploadDir(), { recursive: true });
  const uploadId = randomUUID();
  const filePath = filePathOf(uploadId) as string;
  writeFileSync(`${filePath}.owner`, `${owner.userId} ${owner.incidentId}`, { mode: 0o600 });
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
    removeUpload(uploadId);
    throw err;
  }
  return { uploadId, filePath, size };
}

/** Deletes an upload and its owner record. */
export function removeUpload(uploadId: string): void {
  const p = filePathOf(uploadId);
  if (!p) return;
  rmSync(p, { force: true });
  rmSync(`${p}.owner`, { force: true });
}

/** Deletes every upload still waiting for an incident (its preview never imported): with the incident, its files go too. */
export function removeIncidentUploads(incidentId: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(uploadDir());
  } catch {
    return 0;
  }
  for (const name of names.filter((n) => n.endsWith(".owner"))) {
    const uploadId = name.slice(0, -".owner".length);
    try {
      if (readFileSync(path.join(/*turbopackIgnore: true*/ uploadDir(), name), "utf8").endsWith(` ${incidentId}`)) {
        removeUpload(uploadId);
        removed += 1;
      }
    } catch {
      // Removed meanwhile (its import finished): nothing left to free.
    }
  }
  return removed;
}
