import { randomUUID } from "node:crypto";
import { type MigrationFile, readMigrations } from "./migrations-dir";
import type { SqlRunner } from "./sql";

/** A migration state that must stop the app: an edited applied file, or an unknown one. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Where the database stands against the migration files. */
export type MigrationStatus = {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file no longer matches the recorded checksum. */
  changed: string[];
  /** Applied migrations with no file here (the database is newer than this code). */
  unknown: string[];
};

// Same table and columns as Prisma Migrate, so the standard tool can take over later.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Serialises migrators started at once (app server and CLI) on a Postgres server.
const LOCK_KEY = 72_707_558;

type AppliedRow = { migration_name: string; checksum: string };

async function appliedRows(sql: SqlRunner): Promise<AppliedRow[]> {
  const [t] = await sql.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  if (!t?.exists) return [];
  return sql.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

function compare(files: MigrationFile[], rows: AppliedRow[]): MigrationStatus {
  const byName = new Map(files.map((f) => [f.name, f]));
  const appliedNames = new Set(rows.map((r) => r.migration_name));
  return {
    applied: rows.map((r) => r.migration_name),
    pending: files.filter((f) => !appliedNames.has(f.name)).map((f) => f.name),
    changed: rows
      .filter((r) => byName.has(r.migration_name) && byName.get(r.migration_name)?.checksum !== r.checksum)
      .map((r) => r.migration_name),
    unknown: rows.filter((r) => !byName.has(r.migration_name)).map((r) => r.migration_name),
  };
}

/** Compares the database with the migration files without changing anything. */
export async function migrationStatus(sql: SqlRunner, dir: string): Promise<MigrationStatus> {
  return compare(readMigrations(dir), await appliedRows(sql));
}

function refuseIfUnsafe(status: MigrationStatus): void {
  if (status.changed.length > 0) {
    throw new MigrationError(
      `Migration ${status.changed.join(", ")} was changed after it was applied (its sha256 differs from the one recorded). ` +
        "Applied migrations must not be edited: restore the file and add a new migration instead.",
    );
  }
  if (status.unknown.length > 0) {
    throw new MigrationError(
      `The database has migration ${status.unknown.join(", ")} that this code does not have: it was migrated by a newer version of Chainline.`,
    );
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records each with
 * its checksum. Refuses to run when an applied file changed. Running it twice is a no-op.
 * Returns the names it applied.
 */
export async function migrate(sql: SqlRunner, dir: string): Promise<string[]> {
  const files = readMigrations(dir);
  // Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide in Postgres.
  await sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
  });
  refuseIfUnsafe(compare(files, await appliedRows(sql)));
  const done: string[] = [];
  for (const file of files) {
    const applied = await sql.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
      // Another process may have applied it while we waited for the lock.
      const rows = await tx.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`, [file.name]);
      if (rows.length > 0) return false;
      const startedAt = new Date();
      try {
        await tx.exec(file.sql);
      } catch (err) {
        throw new MigrationError(`Migration ${file.name} failed: ${(err as Error).message}`);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), file.checksum, file.name, startedAt],
      );
      return true;
    });
    if (applied) done.push(file.name);
  }
  return done;
}
