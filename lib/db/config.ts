import path from "node:path";
import { z } from "zod";

/** Where the database lives: a Postgres server (DATABASE_URL) or an embedded PGlite folder. */
export type DbConfig = { mode: "server"; url: string } | { mode: "embedded"; dataDir: string };

export type DbMode = DbConfig["mode"];

const EnvSchema = z.object({
  DATABASE_URL: z.string().trim().optional(),
  CHAINLINE_DATA_DIR: z.string().trim().optional(),
});

/** Reads the configuration from the environment: DATABASE_URL wins, else the embedded folder. */
export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  const parsed = EnvSchema.parse(env);
  if (parsed.DATABASE_URL) return { mode: "server", url: parsed.DATABASE_URL };
  const dataDir = parsed.CHAINLINE_DATA_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite");
  return { mode: "embedded", dataDir: path.resolve(/*turbopackIgnore: true*/ dataDir) };
}

/** "host:port/db" for messages, without the password. */
export function describeServerUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, "") || "(default database)";
    return `${u.hostname || "localhost"}:${u.port || "5432"}/${db}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
