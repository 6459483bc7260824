import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { defaultMigrationsDir } from "./migrations-dir";
import { MigrationError, migrate, migrationStatus } from "./migrator";
import type { Db } from "./open";

/** A private copy of the project's migrations, so a test may edit or add files. */
function copyMigrations(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-mig-")), "migrations");
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describeEachDatabase("migrator", (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let dir: string;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open({ migrate: false });
    dir = copyMigrations();
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it("applies every migration to a fresh database and records its checksum", async () => {
    const before = await migrationStatus(db.sql, dir);
    expect(before.applied).toEqual([]);
    expect(before.pending.length).toBeGreaterThan(0);

    const applied = await migrate(db.sql, dir);
    expect(applied).toEqual(before.pending);

    const rows = await db.sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const r of rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    const [events] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(events?.n).toBe(0);
  });

  it("is a no-op the second time", async () => {
    await migrate(db.sql, dir);
    expect(await migrate(db.sql, dir)).toEqual([]);
    const [count] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(count?.n).toBe((await migrationStatus(db.sql, dir)).applied.length);
  });

  it("applies only a newly added migration", async () => {
    await migrate(db.sql, dir);
    addMigration(dir, "29990101000000_add_probe", `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);`);
    expect(await migrate(db.sql, dir)).toEqual(["29990101000000_add_probe"]);
    expect(await db.sql.query("SELECT * FROM probe")).toEqual([]);
  });

  it("refuses to run when an applied file was changed, and says which", async () => {
    await migrate(db.sql, dir);
    const [first] = (await migrationStatus(db.sql, dir)).applied;
    appendFileSync(path.join(dir, first as string, "migration.sql"), "\n-- edited later\n");
    addMigration(dir, "29990101000000_add_probe", `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);`);

    await expect(migrate(db.sql, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, dir)).rejects.toThrow(`Migration ${first} was changed after it was applied`);
    expect((await migrationStatus(db.sql, dir)).changed).toEqual([first]);
    // Nothing after the refusal ran.
    const [probe] = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('probe')::text AS t`);
    expect(probe?.t).toBeNull();
  });

  it("refuses a database migrated by newer code", async () => {
    addMigration(dir, "29990101000000_add_probe", `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);`);
    await migrate(db.sql, dir);
    const older = copyMigrations();
    await expect(migrate(db.sql, older)).rejects.toThrow("29990101000000_add_probe that this code does not have");
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    await migrate(db.sql, dir);
    addMigration(dir, "29990101000000_broken", `CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();`);
    await expect(migrate(db.sql, dir)).rejects.toThrow(/Migration 29990101000000_broken failed/);
    const [half] = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('half')::text AS t`);
    expect(half?.t).toBeNull();
    expect((await migrationStatus(db.sql, dir)).pending).toEqual(["29990101000000_broken"]);
  });

  it("applies each migration once when two migrators start together", async () => {
    const results = await Promise.all([migrate(db.sql, dir), migrate(db.sql, dir)]);
    const all = results.flat().sort();
    expect(all).toEqual((await migrationStatus(db.sql, dir)).applied);
  });
});
