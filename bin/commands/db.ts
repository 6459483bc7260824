import { dbConfigFromEnv, describeServerUrl } from "@/lib/db/config";
import { ensureServerDatabase } from "@/lib/db/ensure-server-database";
import { defaultMigrationsDir } from "@/lib/db/migrations-dir";
import { migrate, migrationStatus } from "@/lib/db/migrator";
import { openDatabase } from "@/lib/db/open";
import type { Command } from "../command";

export const dbMigrate: Command = {
  path: ["db", "migrate"],
  summary: "Apply pending migrations (safe to run again)",
  help: [
    "Uses DATABASE_URL when set, else the embedded database in .data/pglite (or CHAINLINE_DATA_DIR).",
    "On a server, creates the named database first if it does not exist yet.",
  ],
  async run() {
    const config = dbConfigFromEnv();
    if (config.mode === "server" && (await ensureServerDatabase(config.url)))
      console.log(`created database ${describeServerUrl(config.url)}`);
    const db = await openDatabase(config, { migrate: false });
    try {
      const applied = await migrate(db.sql, defaultMigrationsDir());
      console.log(`${db.mode} database ${db.location}: ${applied.length === 0 ? "already up to date" : `applied ${applied.join(", ")}`}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

export const dbStatus: Command = {
  path: ["db", "status"],
  summary: "Show which database is in use and which migrations are applied or pending",
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const db = await openDatabase(dbConfigFromEnv(), { migrate: false });
    try {
      const status = await migrationStatus(db.sql, defaultMigrationsDir());
      if (values.json) {
        console.log(JSON.stringify({ mode: db.mode, location: db.location, ...status }, null, 2));
      } else {
        console.log(`database: ${db.mode} (${db.location})`);
        console.log(`applied:  ${status.applied.length}${status.applied.length ? ` (latest ${status.applied.at(-1)})` : ""}`);
        console.log(`pending:  ${status.pending.length ? status.pending.join(", ") : "none"}`);
        if (status.changed.length) console.log(`CHANGED after being applied: ${status.changed.join(", ")}`);
        if (status.unknown.length) console.log(`applied but unknown to this code: ${status.unknown.join(", ")}`);
      }
      return status.changed.length || status.unknown.length ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
