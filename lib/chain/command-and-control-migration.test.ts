import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";

const MIGRATION = path.resolve(import.meta.dirname, "../../prisma/migrations/20261203030000_command_and_control_stage/migration.sql");

describeEachDatabase("the command-and-control stage migration", (kind) => {
  const t = useTestDatabase(kind);

  it("gives generic incidents made before it the stage after Collection, and leaves others alone", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: old } = await createIncident(ctx, { title: "Made before", stageSet: "generic" });
    const { id: storm } = await createIncident(ctx, { title: "Storm", stageSet: "storm-0558" });
    // As an incident made before the stage existed: without it, positions dense.
    await t.db.sql.query("DELETE FROM stages WHERE incident_id = $1 AND key = 'command-and-control'", [old]);
    await t.db.sql.query(
      `UPDATE stages s SET position = o.rn - 1 FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM stages WHERE incident_id = $1) o
       WHERE s.id = o.id`,
      [old],
    );
    const keys = async (id: string) =>
      (await t.db.sql.query<{ key: string }>("SELECT key FROM stages WHERE incident_id = $1 ORDER BY position", [id])).map((r) => r.key);
    const stormBefore = await keys(storm);
    await t.db.sql.transaction(async (tx) => {
      await tx.exec(readFileSync(MIGRATION, "utf8"));
    });
    const after = await keys(old);
    expect(after.slice(after.indexOf("collection"), after.indexOf("collection") + 3)).toEqual([
      "collection",
      "command-and-control",
      "exfiltration",
    ]);
    const positions = await t.db.sql.query<{ position: number }>("SELECT position FROM stages WHERE incident_id = $1 ORDER BY position", [
      old,
    ]);
    expect(positions.map((p) => p.position)).toEqual(after.map((_, i) => i));
    expect(await keys(storm)).toEqual(stormBefore);
  });
});
