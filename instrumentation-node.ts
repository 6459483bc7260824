// Opens the database when the server starts, so a bad DATABASE_URL or a refused migration is
// one clear line at start-up rather than an error on the first page.
import { stampPeerAddresses } from "@/lib/access/peer-address";
import { getDb } from "@/lib/db";

stampPeerAddresses();

if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    const db = await getDb();
    console.log(`chainline: ${db.mode} database ready (${db.location})`);
  } catch (err) {
    console.error(`chainline: ${(err as Error).message}`);
    process.exit(1);
  }
}
