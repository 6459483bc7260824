import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { defaultMigrationsDir, readMigrations } from "./migrations-dir";
import { migrate } from "./migrator";
import type { Db } from "./open";
import { compareSchemaWithDatabase, loadPrismaModel } from "./schema-agreement";

let model: Awaited<ReturnType<typeof loadPrismaModel>>;
beforeAll(async () => {
  model = await loadPrismaModel();
});

describeEachDatabase("schema.prisma and the migration SQL", (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open({ migrate: false });
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it("agree on every model, field, type, nullability and enum", async () => {
    await migrate(db.sql, defaultMigrationsDir());
    expect(model.models.length).toBeGreaterThanOrEqual(15);
    expect(await compareSchemaWithDatabase(db.sql, model)).toEqual([]);
  });

  it("disagree, by name, when a column is removed from the SQL", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-agree-")), "migrations");
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    const first = readMigrations(dir)[0]?.name as string;
    const file = path.join(dir, first, "migration.sql");
    const original = readFileSync(file, "utf8");
    // A column no later migration or index names, so the rest still applies.
    const edited = original.replace(/^\s*"technique"\s+TEXT,\n/m, "");
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);

    await migrate(db.sql, dir);
    expect(await compareSchemaWithDatabase(db.sql, model)).toEqual(["Event.technique: column events.technique is missing"]);
  });

  it("disagree when a column's type or nullability differs", async () => {
    await migrate(db.sql, defaultMigrationsDir());
    await db.sql.exec(
      `ALTER TABLE events ALTER COLUMN occurred_at TYPE timestamptz(3); ALTER TABLE sources ALTER COLUMN error SET NOT NULL`,
    );
    const problems = await compareSchemaWithDatabase(db.sql, model);
    expect(problems).toContain("Event.occurredAt: events.occurred_at keeps 3 fractional digits, schema.prisma wants 6");
    expect(problems).toContain("Source.error: sources.error is NOT NULL, schema.prisma says optional");
  });
});
