import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { DbConfig } from "@/lib/db/config";
import { type Db, type OpenOptions, openDatabase } from "@/lib/db/open";
import { PRISTINE_ENV } from "./global-setup";

/** The Postgres server tests create their throwaway databases on. */
export const SERVER_ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function probeServer(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether server-mode tests run. CI sets CHAINLINE_REQUIRE_SERVER=1 so a missing server fails loudly. */
export const serverReachable = await probeServer();
if (!serverReachable && process.env.CHAINLINE_REQUIRE_SERVER === "1") {
  throw new Error(`CHAINLINE_REQUIRE_SERVER=1 but no Postgres answers at ${SERVER_ADMIN_URL}`);
}

export type DbKind = DbConfig["mode"];

/** A fresh, empty database of the given kind, and how to throw it away. */
export type TestDatabase = { config: DbConfig; open(options?: OpenOptions): Promise<Db>; drop(): Promise<void> };

/** Runs one statement as the server admin (creating and dropping databases and roles). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let pristine: Promise<string> | undefined;

/** A freshly initialised, empty PGlite folder: the run's (global-setup.ts), else made once per test process; copied after. */
function pristineEmbeddedDir(): Promise<string> {
  const shared = process.env[PRISTINE_ENV];
  if (shared) return Promise.resolve(shared);
  pristine ??= (async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-pristine-")), "pglite");
    const { PGlite } = await import("@electric-sql/pglite");
    const lite = await PGlite.create(dir);
    await lite.close();
    process.once("exit", () => rmSync(path.dirname(dir), { recursive: true, force: true }));
    return dir;
  })();
  return pristine;
}

/** Creates an empty database: a temp folder for PGlite, or a new database on the server. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "embedded") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-test-"));
    const config: DbConfig = { mode: "embedded", dataDir: path.join(dir, "pglite") };
    // initdb inside WASM takes seconds; copying an initialised folder takes milliseconds.
    cpSync(await pristineEmbeddedDir(), config.dataDir, { recursive: true });
    return { config, open: (o) => openDatabase(config, o), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `chainline_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_ADMIN_URL);
  url.pathname = `/${name}`;
  const config: DbConfig = { mode: "server", url: url.toString() };
  return { config, open: (o) => openDatabase(config, o), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A fresh, migrated database of the given kind for the tests of one describe block: opened
 * before them, closed and dropped after. Read `.db` inside the tests.
 */
export function useTestDatabase(kind: DbKind): { db: Db } {
  const holder = {} as { db: Db; testDb: TestDatabase };
  beforeAll(async () => {
    holder.testDb = await createTestDatabase(kind);
    holder.db = await holder.testDb.open();
  });
  afterAll(async () => {
    await holder.db?.close();
    await holder.testDb?.drop();
  });
  return holder;
}

/** Runs a suite against the embedded database always and the Postgres server when reachable. */
export function describeEachDatabase(name: string, suite: (kind: DbKind) => void): void {
  describe(`${name} [embedded]`, () => suite("embedded"));
  describe.skipIf(!serverReachable)(`${name} [server]`, () => suite("server"));
}
