import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { runCliAndKillWhenReading } from "@/lib/testing/kill-when-reading";
import { createTestDatabase, describeEachDatabase } from "@/lib/testing/test-databases";
import { enqueueImportJob, getImportJob } from "./import-jobs";
import { runQueuedJobs } from "./import-worker";
import { saveUpload } from "./uploads";

// Uploads live in a folder of their own for these tests; the worker in the child process inherits it.
process.env.CHAINLINE_UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "chainline-uploads-"));

const LINES = 150_000;

async function bigJsonl(): Promise<string> {
  const file = writeFixture("jobs-big.jsonl", "");
  const out = createWriteStream(file);
  for (let i = 0; i < LINES; i++) {
    if (!out.write(`{"time":"2023-05-15T03:00:00.${String(i).padStart(6, "0")}Z","message":"event ${i}","user":"u${i % 50}"}\n`))
      await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return file;
}

async function queue(ctx: Ctx, incidentId: string, file: string) {
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const up = await saveUpload(body, { userId: ctx.actor.userId, incidentId });
  return { up, job: await enqueueImportJob(ctx, { incidentId, uploadId: up.uploadId, fileName: path.basename(file), options: {} }) };
}

async function eventCounts(db: Db, incidentId: string) {
  const [row] = await db.sql.query<{ n: number; fps: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT fingerprint)::int AS fps FROM events WHERE incident_id = $1`,
    [incidentId],
  );
  return row;
}

describeEachDatabase("import jobs kept in the database", (kind) => {
  it("a queued job is run by a worker as the person who queued it, analysed, and its upload removed", { timeout: 120_000 }, async () => {
    const testDb = await createTestDatabase(kind);
    const db = await testDb.open();
    try {
      const { ctx, incidentId } = await newIncident(db, "Job test");
      const file = writeFixture(
        "job.jsonl",
        ['{"time":"2023-05-15T03:12:44Z","message":"a"}', '{"time":"2023-05-15T03:12:45Z","message":"b"}'].join("\n"),
      );
      const { up, job } = await queue(ctx, incidentId, file);
      expect(job).toMatchObject({ status: "queued", attempts: 0 });
      expect(await runQueuedJobs(db)).toBe(1);
      const done = await getImportJob(ctx, job.id);
      expect(done).toMatchObject({ status: "done", attempts: 1, error: null, summary: { outcome: "imported", imported: 2 } });
      expect(done?.analysis).not.toBeNull();
      expect(existsSync(up.filePath)).toBe(false);
      const source = await db.prisma.source.findFirstOrThrow({ where: { incidentId } });
      expect(source.importedById).toBe(ctx.actor.userId);
    } finally {
      await db.close();
      await testDb.drop();
    }
  });

  // A child worker on 150,000 lines killed half-way, then a second worker: tens of seconds.
  it("a job whose worker was killed mid-import is taken up again and completes, each event once", { timeout: 240_000 }, async () => {
    const testDb = await createTestDatabase(kind);
    const file = await bigJsonl();
    try {
      let db = await testDb.open();
      const { ctx, incidentId } = await newIncident(db, "Job kill test");
      const { job } = await queue(ctx, incidentId, file);
      await db.close(); // the embedded database belongs to one process at a time

      const env: Record<string, string> =
        testDb.config.mode === "server"
          ? { DATABASE_URL: testDb.config.url }
          : { DATABASE_URL: "", CHAINLINE_DATA_DIR: testDb.config.dataDir };
      await runCliAndKillWhenReading(["jobs", "run"], env);

      // As a restarted server finds it: running under a worker that is gone, nothing imported yet.
      db = await testDb.open();
      const left = await db.prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(left).toMatchObject({ status: "running", attempts: 1 });
      expect((await eventCounts(db, incidentId))?.n).toBe(0);

      expect(await runQueuedJobs(db)).toBe(1);
      const done = await getImportJob({ db, actor: ctx.actor }, job.id);
      expect(done).toMatchObject({
        status: "done",
        attempts: 2,
        summary: { outcome: "imported", read: LINES, imported: LINES, duplicate: 0 },
      });
      expect(await eventCounts(db, incidentId)).toEqual({ n: LINES, fps: LINES });
      await db.close();
    } finally {
      await testDb.drop();
    }
  });
});
