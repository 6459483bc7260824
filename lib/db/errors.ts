import { describeServerUrl } from "./config";

/** A database that cannot be used, with one line saying where and why. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is the server running?)",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  ECONNRESET: "connection reset by the server",
  EHOSTUNREACH: "host unreachable",
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "3D000": "database does not exist",
};

/** Turns a pg connection error into one clear line naming the host and what failed. */
export function serverConnectError(url: string, err: unknown): DatabaseUnavailableError {
  const e = err as { code?: string; message?: string };
  const reason = (e.code && REASONS[e.code]) || e.message || String(err);
  return new DatabaseUnavailableError(`Cannot use the Postgres server at ${describeServerUrl(url)} (DATABASE_URL): ${reason}`);
}

/** Validates DATABASE_URL's shape before trying to connect. */
export function checkServerUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DatabaseUnavailableError("DATABASE_URL is not a URL: expected postgres://user@host:5432/database");
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new DatabaseUnavailableError(`DATABASE_URL must start with postgres:// (got ${u.protocol}//${u.hostname})`);
  }
}
