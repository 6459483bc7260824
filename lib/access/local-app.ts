import { randomBytes, timingSafeEqual } from "node:crypto";
import { lstatSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isProcessAlive } from "@/lib/process-alive";

/**
 * The CLI beside an app that holds the embedded database. PGlite is one process's alone, so a
 * CLI started while the app runs cannot open it; instead the app publishes, beside the data
 * folder, its address and a secret readable only by the account that runs it (mode 0600), and a
 * CLI run from that account sends its work through the app's API with that secret. Having the
 * secret proves what having the data folder would: the same local account, so the CLI acts as it
 * always does (the instance admin, or --as). The secret lives in this process's memory and the
 * file; it dies with the process. Nothing is written to the database, so a start leaves no trace.
 */
export type LocalApp = { url: string; pid: number; secret: string };

const PREFIX = "clloc_";

export function localAppFile(dataDir: string): string {
  return `${dataDir}.app.json`;
}

const holder = globalThis as typeof globalThis & { __chainlineLocalSecret?: Buffer };

/** Publishes this app for local CLI runs; the file goes when the process exits. */
export function publishLocalApp(dataDir: string, url: string): void {
  const secret = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  holder.__chainlineLocalSecret = Buffer.from(secret);
  const file = localAppFile(dataDir);
  rmSync(file, { force: true });
  try {
    // Created, never opened if something is already there (a file or link planted meanwhile).
    writeFileSync(file, JSON.stringify({ url, pid: process.pid, secret } satisfies LocalApp), { mode: 0o600, flag: "wx" });
  } catch (err) {
    console.error(`chainline: not publishing the app for the CLI (${(err as Error).message})`);
    return;
  }
  process.once("exit", () => {
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as LocalApp).pid === process.pid) rmSync(file);
    } catch {
      // Already gone.
    }
  });
}

/**
 * The running app on this data folder, or null. Believed only when the file is what the app
 * writes: a plain file of this account's, readable by no one else, naming a loopback address and
 * the process that holds the database lock. Anything else (a file someone else could have put
 * there, pointing the CLI at their own server) is ignored.
 */
export function findLocalApp(dataDir: string): LocalApp | null {
  const file = localAppFile(dataDir);
  try {
    const st = lstatSync(file);
    if (!st.isFile() || (process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) return null;
    const app = JSON.parse(readFileSync(file, "utf8")) as LocalApp;
    const lockPid = Number.parseInt(readFileSync(`${dataDir}.lock`, "utf8"), 10);
    const url = new URL(app.url);
    const isLoopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) && url.protocol === "http:";
    if (!isLoopback || lockPid !== app.pid || !app.secret?.startsWith(PREFIX)) return null;
    return isProcessAlive(app.pid) ? app : null;
  } catch {
    return null;
  }
}

/** Whether a bearer value is meant as the local secret (then it must match it, or it is refused). */
export function isLocalSecret(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** Whether it matches this process's secret, compared in constant time. */
export function matchesLocalSecret(token: string): boolean {
  const mine = holder.__chainlineLocalSecret;
  const given = Buffer.from(token);
  return Boolean(mine && mine.length === given.length && timingSafeEqual(mine, given));
}
