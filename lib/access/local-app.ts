import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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
  writeFileSync(file, JSON.stringify({ url, pid: process.pid, secret } satisfies LocalApp), { mode: 0o600 });
  process.once("exit", () => {
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as LocalApp).pid === process.pid) rmSync(file);
    } catch {
      // Already gone.
    }
  });
}

/** The running app on this data folder, or null when none published itself or its process is gone. */
export function findLocalApp(dataDir: string): LocalApp | null {
  try {
    const app = JSON.parse(readFileSync(localAppFile(dataDir), "utf8")) as LocalApp;
    return isProcessAlive(app.pid) && app.secret?.startsWith(PREFIX) ? app : null;
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
