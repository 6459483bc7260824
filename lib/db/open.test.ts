import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-databases";
import { dbConfigFromEnv } from "./config";
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
