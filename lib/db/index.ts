import { dbConfigFromEnv } from "./config";
import { type Db, openDatabase } from "./open";

export type { Db } from "./open";
export { openDatabase } from "./open";

// Cached on globalThis: Next.js may load this module more than once (per route bundle, and on
// every hot reload in dev), and an embedded database must be opened only once per process.
const holder = globalThis as typeof globalThis & { __chainlineDb?: Promise<Db> };

/** The process's database, from the environment: opened and migrated on first use. */
export function getDb(): Promise<Db> {
  if (!holder.__chainlineDb) {
    holder.__chainlineDb = openDatabase(dbConfigFromEnv()).catch((err) => {
      holder.__chainlineDb = undefined; // let the next request try again
      throw err;
    });
  }
  return holder.__chainlineDb;
}

/** Closes the process's database if it was opened (CLI exit, tests). */
export async function closeDb(): Promise<void> {
  const pending = holder.__chainlineDb;
  holder.__chainlineDb = undefined;
  if (pending) await (await pending).close();
}
