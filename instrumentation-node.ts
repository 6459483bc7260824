// Opens the database when the server starts, so a bad DATABASE_URL or a refused migration is
// one clear line at start-up rather than an error on the first page.
import { publishLocalApp } from "@/lib/access/local-app";
import { stampPeerAddresses } from "@/lib/access/peer-address";
import { getDb } from "@/lib/db";
import { startImportWorker } from "@/lib/ingest/import-worker";

stampPeerAddresses();

if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    const db = await getDb();
    console.log(`chainline: ${db.mode} database ready (${db.location})`);
    // Imports queued before a restart, or left by a worker that died, are taken up again.
    startImportWorker(db);
    // The CLI cannot open the embedded database while this process has it: it works through the API.
    if (db.mode === "embedded") publishLocalApp(db.location, `http://127.0.0.1:${process.env.PORT ?? "3000"}`);
  } catch (err) {
    console.error(`chainline: ${(err as Error).message}`);
    process.exit(1);
  }
}
