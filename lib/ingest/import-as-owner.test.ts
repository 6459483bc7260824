import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { adminQuery as admin, SERVER_ADMIN_URL, serverReachable } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";

// The finalize switches per-row foreign-key checks off only where the role may (a superuser, or
// one granted SET on session_replication_role). A database owner without that right, the usual
// deployment, must import the same way with the checks on.
describe.skipIf(!serverReachable)("an import by a database owner who is not a superuser [server]", () => {
  it("keeps the foreign-key checks on and imports, links and dedupes the same", async () => {
    const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const role = `chainline_owner_${tag}`;
    const name = `chainline_t_owner_${tag}`;
    await admin(`CREATE ROLE ${role} LOGIN NOSUPERUSER`);
    await admin(`CREATE DATABASE ${name} OWNER ${role}`);
    const url = new URL(SERVER_ADMIN_URL);
    url.username = role;
    url.pathname = `/${name}`;
    const db = await openDatabase({ mode: "server", url: url.toString() });
    try {
      const [me] = await db.sql.query<{ su: boolean }>(`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`);
      expect(me?.su).toBe(false);
      const { ctx, incidentId } = await newIncident(db, "Owner");
      const rows = (n: number) =>
        `{"time":"2023-05-15T03:00:0${n}Z","message":"m${n}","user":"u${n % 2}@example.test","src_ip":"203.0.113.${n}"}`;
      const a = await importFile(ctx, { incidentId, filePath: writeFixture("a.jsonl", [0, 1, 2].map(rows).join("\n")) });
      const b = await importFile(ctx, { incidentId, filePath: writeFixture("b.jsonl", [2, 3].map(rows).join("\n")) });
      expect(a).toMatchObject({ imported: 3, duplicate: 0 });
      expect(b).toMatchObject({ imported: 1, duplicate: 1 });
      const [n] = await db.sql.query<{ events: number; links: number }>(
        `SELECT (SELECT count(*) FROM events WHERE incident_id = $1)::int AS events,
                (SELECT count(*) FROM event_entities ee JOIN events e ON e.id = ee.event_id WHERE e.incident_id = $1)::int AS links`,
        [incidentId],
      );
      expect(n).toEqual({ events: 4, links: 8 });
    } finally {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`DROP ROLE IF EXISTS ${role}`);
    }
  });
});
