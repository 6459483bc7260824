import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, SERVER_ADMIN_URL, serverReachable } from "@/lib/testing/test-databases";
import { dbConfigFromEnv } from "./config";
import { ensureServerDatabase } from "./ensure-server-database";
import { DatabaseUnavailableError } from "./errors";
import { openDatabase } from "./open";

describe("opening a database", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("picks the server when DATABASE_URL is set and the embedded folder otherwise", () => {
    expect(dbConfigFromEnv({ DATABASE_URL: "postgres://u@h:5432/d" })).toEqual({ mode: "server", url: "postgres://u@h:5432/d" });
    expect(dbConfigFromEnv({ CHAINLINE_DATA_DIR: "/tmp/x" })).toEqual({ mode: "embedded", dataDir: "/tmp/x" });
    expect(dbConfigFromEnv({})).toEqual({ mode: "embedded", dataDir: path.join(process.cwd(), ".data", "pglite") });
  });

  it.each([
    [
      "postgres://postgres@127.0.0.1:1/chainline",
      "Cannot use the Postgres server at 127.0.0.1:1/chainline (DATABASE_URL): connection refused (is the server running?)",
    ],
    [
      "postgres://postgres@no-such-host.invalid:5432/x",
      "Cannot use the Postgres server at no-such-host.invalid:5432/x (DATABASE_URL): host not found",
    ],
    ["mysql://root@127.0.0.1/x", "DATABASE_URL must start with postgres:// (got mysql://127.0.0.1)"],
    ["not a url", "DATABASE_URL is not a URL: expected postgres://user@host:5432/database"],
  ])("gives one clear line for %s", async (url, message) => {
    const err = await openDatabase({ mode: "server", url }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toBe(message);
    expect(err.message).not.toContain("\n");
  });

  it("refuses an embedded folder another live process holds, and takes over a stale lock", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-lock-")), "pglite");
    const holder = spawn("sleep", ["30"]);
    cleanups.push(() => void holder.kill());
    writeFileSync(`${dir}.lock`, String(holder.pid));
    const err = await openDatabase({ mode: "embedded", dataDir: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.message).toContain(`is open in another process (pid ${holder.pid}`);

    holder.kill();
    await new Promise((r) => holder.once("exit", r));
    const db = await openDatabase({ mode: "embedded", dataDir: dir });
    cleanups.push(() => db.close());
    expect(db.mode).toBe("embedded");
  });

  it.skipIf(!serverReachable)("creates a missing server database when asked (db migrate), and leaves an existing one alone", async () => {
    const url = new URL(SERVER_ADMIN_URL);
    url.pathname = `/chainline_t_create_${process.pid}`;
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: SERVER_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await c.end();
    });
    expect(await ensureServerDatabase(url.toString())).toBe(true);
    expect(await ensureServerDatabase(url.toString())).toBe(false);
    const db = await openDatabase({ mode: "server", url: url.toString() });
    expect(db.mode).toBe("server");
    await db.close();
  });

  it("migrates an embedded database on first use and reopens it with its data", async () => {
    const t = await createTestDatabase("embedded");
    cleanups.push(() => t.drop());
    const first = await t.open();
    await first.prisma.user.create({ data: { email: "kept@example.test", name: "kept" } });
    await first.close();
    const again = await t.open();
    cleanups.push(() => again.close());
    expect(await again.prisma.user.count({ where: { email: "kept@example.test" } })).toBe(1);
  });
});
