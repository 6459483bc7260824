import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type DbConfig, type DbMode, describeServerUrl } from "./config";
import { type CopyText, pgliteCopy, poolCopy } from "./copy";
import { lockEmbeddedDir } from "./embedded-lock";
import { checkServerUrl, DatabaseUnavailableError, serverConnectError } from "./errors";
import { defaultMigrationsDir } from "./migrations-dir";
import { migrate } from "./migrator";
import { poolRunner } from "./pg-runner";
import { pgliteRunner } from "./pglite-runner";
import type { SqlRunner } from "./sql";

/** An open database: Prisma for everything, raw SQL for bulk paths and aggregations. */
export type Db = {
  mode: DbMode;
  /** Where it is, for people: "127.0.0.1:5432/chainline" or the embedded folder. */
  location: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Bulk load in COPY text format (the import pipeline's write path). */
  copyText: CopyText;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  migrationsDir?: string;
};

async function openServer(url: string): Promise<Db> {
  checkServerUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => undefined); // idle-client errors surface on the next query instead
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw serverConnectError(url, err);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    mode: "server",
    location: describeServerUrl(url),
    prisma,
    sql: poolRunner(pool),
    copyText: poolCopy(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockEmbeddedDir(dataDir);
  try {
    // Loaded on demand so server mode never pays for the WASM build.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const lite = await PGlite.create(dataDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      mode: "embedded",
      location: dataDir,
      prisma,
      sql: pgliteRunner(lite),
      copyText: pgliteCopy(lite),
      async close() {
        await prisma.$disconnect();
        await lite.close();
        release();
      },
    };
  } catch (err) {
    release();
    if (err instanceof DatabaseUnavailableError) throw err;
    throw new DatabaseUnavailableError(`Cannot open the embedded database at ${dataDir}: ${(err as Error).message}`);
  }
}

/** Opens (and by default migrates) the database the config names. */
export async function openDatabase(config: DbConfig, options: OpenOptions = {}): Promise<Db> {
  const db = config.mode === "server" ? await openServer(config.url) : await openEmbedded(config.dataDir);
  if (options.migrate ?? true) {
    try {
      await migrate(db.sql, options.migrationsDir ?? defaultMigrationsDir());
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}
