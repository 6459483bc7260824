import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeUpload, saveUpload, UploadTooLargeError, uploadPath } from "./uploads";

const body = (text: string) => new Response(text).body as ReadableStream<Uint8Array>;

describe("uploads", () => {
  const before = process.env.CHAINLINE_UPLOAD_DIR;
  beforeAll(() => {
    process.env.CHAINLINE_UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "chainline-uploads-"));
  });
  afterAll(() => {
    process.env.CHAINLINE_UPLOAD_DIR = before;
  });

  const alice = { userId: "11111111-1111-4111-8111-111111111111", incidentId: "22222222-2222-4222-8222-222222222222" };

  it("open only for the user who sent them, for the incident they were sent to", async () => {
    const up = await saveUpload(body("line one\n"), alice);
    expect(uploadPath(up.uploadId, alice)).toBe(up.filePath);
    expect(readFileSync(up.filePath, "utf8")).toBe("line one\n");
    expect(uploadPath(up.uploadId, { ...alice, userId: "33333333-3333-4333-8333-333333333333" })).toBeNull();
    expect(uploadPath(up.uploadId, { ...alice, incidentId: "44444444-4444-4444-8444-444444444444" })).toBeNull();
    expect(uploadPath("../../etc/passwd", alice)).toBeNull();
    removeUpload(up.uploadId);
    expect(existsSync(up.filePath)).toBe(false);
    expect(uploadPath(up.uploadId, alice)).toBeNull();
  });

  it("stop at the size limit and leave nothing behind", async () => {
    const err = await saveUpload(body("x".repeat(100)), alice, 10).catch((e) => e);
    expect(err).toBeInstanceOf(UploadTooLargeError);
  });
});
