import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** One migration file in Prisma Migrate's layout: <dir>/<yyyymmddhhmmss>_<name>/migration.sql. */
export type MigrationFile = { name: string; sql: string; checksum: string };

/** The project's migrations folder (prisma/migrations), found from the working directory. */
export function defaultMigrationsDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.CHAINLINE_MIGRATIONS_DIR ??
      path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
  );
}

/** sha256 of the file's bytes, as Prisma Migrate records it. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Reads every migration, in name (= time) order. */
export function readMigrations(dir: string): MigrationFile[] {
  const names = readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => /^\d{14}_[a-z0-9_]+$/.test(n) && statSync(path.join(/*turbopackIgnore: true*/ dir, n)).isDirectory())
    .sort();
  return names.map((name) => {
    const sql = readFileSync(path.join(/*turbopackIgnore: true*/ dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: checksumOf(sql) };
  });
}
