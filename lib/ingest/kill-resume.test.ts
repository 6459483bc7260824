import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { expect, it } from "vitest";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { runCliAndKillWhenReading } from "@/lib/testing/kill-when-reading";
import { createTestDatabase, describeEachDatabase } from "@/lib/testing/test-databases";
import { IMPORT_TABLE_PATTERN } from "./event-partitions";
import { importFile } from "./import-file";

const LINES = 150_000;

async function bigJsonl(): Promise<string> {
  const file = writeFixture("big.jsonl", "");
  const out = createWriteStream(file);
  for (let i = 0; i < LINES; i++) {
    const line = `{"time":"2023-05-15T03:${String(Math.floor(i / 6000) % 60).padStart(2, "0")}:${String(Math.floor(i / 100) % 60).padStart(2, "0")}.${String(i % 1000000).padStart(6, "0")}Z","message":"event ${i}","user":"u${i % 50}"}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return file;
}

describeEachDatabase("an import killed half-way", (kind) => {
  // A child import of 150,000 lines and a re-run: tens of seconds, more on a busy machine.
  it("leaves no events, shows the source unfinished, and a re-run completes with each event once", { timeout: 240_000 }, async () => {
    const testDb = await createTestDatabase(kind);
    const file = await bigJsonl();
    try {
      let db = await testDb.open();
      const { incidentId } = await newIncident(db, "Kill test");
      await db.close(); // the embedded database belongs to one process at a time

      const env: Record<string, string> =
        testDb.config.mode === "server"
          ? { DATABASE_URL: testDb.config.url }
          : { DATABASE_URL: "", CHAINLINE_DATA_DIR: testDb.config.dataDir };
      await runCliAndKillWhenReading(["import", "--incident", incidentId, file], env);

      db = await testDb.open();
      const source = await db.prisma.source.findFirstOrThrow({ where: { incidentId } });
      expect(source.status).toBe("importing");
      expect(await db.prisma.event.count({ where: { sourceId: source.id } })).toBe(0);
      expect(source.eventBlock).not.toBeNull(); // killed while writing its own tables, which no query sees

      const { ctx } = {
        ctx: {
          db,
          actor: { userId: source.importedById, name: "test", email: "test@chainline.test", isAdmin: false, via: "cli" as const },
        },
      };
      const s = await importFile(ctx, { incidentId, filePath: file });
      expect(s).toMatchObject({ sourceId: source.id, outcome: "imported", read: LINES, imported: LINES, duplicate: 0, rejected: 0 });
      const [row] = await db.sql.query<{ n: number; fps: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT fingerprint)::int AS fps FROM events WHERE incident_id = $1`,
        [incidentId],
      );
      expect(row).toEqual({ n: LINES, fps: LINES });
      // The killed attempt's tables went at the re-run; the re-run's scratch tables went when it finished.
      const unattached = await db.sql.query<{ t: string }>(
        `SELECT relname AS t FROM pg_class WHERE relkind IN ('r', 'p') AND NOT relispartition
           AND relname ~ $1`,
        [IMPORT_TABLE_PATTERN],
      );
      expect(unattached).toEqual([]);
      await db.close();
    } finally {
      await testDb.drop();
    }
  });
});
