import type { Db } from "@/lib/db";
import { defaultMigrationsDir } from "@/lib/db/migrations-dir";
import { migrationStatus } from "@/lib/db/migrator";
import { APP_VERSION } from "@/lib/version";

/** What /api/health and `chainline db status` report. */
export type Health = {
  ok: boolean;
  version: string;
  database: { mode: "server" | "embedded"; location: string; migrations: { applied: number; pending: string[]; latest: string | null } };
};

/** Database mode, migration state and version. Needs no actor: it reads no incident data. */
export async function getHealth(db: Db): Promise<Health> {
  const status = await migrationStatus(db.sql, defaultMigrationsDir());
  return {
    ok: status.pending.length === 0 && status.changed.length === 0,
    version: APP_VERSION,
    database: {
      mode: db.mode,
      location: db.mode === "server" ? db.location : "embedded",
      migrations: { applied: status.applied.length, pending: status.pending, latest: status.applied.at(-1) ?? null },
    },
  };
}
