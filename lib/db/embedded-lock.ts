import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "@/lib/process-alive";
import { DatabaseUnavailableError } from "./errors";

/**
 * PGlite is one session in one process: two processes on the same folder would corrupt it.
 * Takes a pid lock file beside the data folder, or says which process holds it.
 * Returns the function that releases it.
 */
export function lockEmbeddedDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (Number.isFinite(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new DatabaseUnavailableError(
        `The embedded database at ${dataDir} is open in another process (pid ${holder}, perhaps the app server): stop it, or set DATABASE_URL to share a Postgres server. Beside a running app, import, incident list, whoami, export brief and export timeline work through it.`,
      );
    }
    // A stale lock from a process that died: take it over.
    writeFileSync(lockFile, String(process.pid));
  }
  const release = () => {
    try {
      if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return release;
}
