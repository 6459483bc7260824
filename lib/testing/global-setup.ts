// Vitest's global setup: one freshly initialised, empty PGlite folder for the whole run, which
// every test process copies instead of running initdb in WASM itself (seconds per test file,
// most of the suite's time before this).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The environment variable that hands the folder to the test processes (they inherit it). */
export const PRISTINE_ENV = "CHAINLINE_TEST_PRISTINE_PGLITE";

export default async function setup(): Promise<() => void> {
  const root = mkdtempSync(path.join(os.tmpdir(), "chainline-pristine-"));
  const dir = path.join(root, "pglite");
  const { PGlite } = await import("@electric-sql/pglite");
  const lite = await PGlite.create(dir);
  await lite.close();
  process.env[PRISTINE_ENV] = dir;
  return () => rmSync(root, { recursive: true, force: true });
}
