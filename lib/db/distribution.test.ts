import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { deleteIncident } from "@/lib/actions/delete-incident";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { citusStatements, DROPPED_ON_CITUS, distributionProblems } from "./distribution";

describeEachDatabase("the distribution rule (incident_id in every per-incident key)", (kind) => {
  const t = useTestDatabase(kind);

  it("holds for every table the migrations make", async () => {
    expect(await distributionProblems(t.db.sql)).toEqual([]);
  });

  it("names a per-incident table whose primary key, unique key or foreign key leaves out the incident, and a table nobody placed", async () => {
    // Each change in a transaction that is rolled back, so the next starts from the real schema.
    const problemsAfter = (ddl: string) =>
      t.db.sql
        .transaction(async (tx) => {
          await tx.exec(ddl);
          const found = await distributionProblems(tx);
          throw Object.assign(new Error("rollback"), { found });
        })
        .catch((e: { found?: string[]; message: string }) => e.found ?? e.message);

    expect(
      await problemsAfter(
        `ALTER TABLE gap_chain_steps DROP CONSTRAINT gap_chain_steps_pkey; ALTER TABLE gap_chain_steps ADD PRIMARY KEY (gap_id, step_id)`,
      ),
    ).toEqual(["gap_chain_steps: primary key gap_chain_steps_pkey (gap_id, step_id) lacks incident_id"]);
    expect(await problemsAfter(`CREATE UNIQUE INDEX annotations_id_key ON annotations (id)`)).toEqual([
      "annotations: unique key annotations_id_key (id) lacks incident_id",
    ]);
    expect(
      await problemsAfter(
        `CREATE UNIQUE INDEX stories_id_key ON stories (id);
         ALTER TABLE action_items DROP CONSTRAINT action_items_story_id_fkey;
         ALTER TABLE action_items ADD CONSTRAINT action_items_story_id_fkey FOREIGN KEY (story_id) REFERENCES stories (id)`,
      ),
    ).toEqual([
      "stories: unique key stories_id_key (id) lacks incident_id",
      "action_items: foreign key action_items_story_id_fkey (story_id) → stories does not pair the incident columns",
    ]);
    expect(
      await problemsAfter(
        `ALTER TABLE event_hourly DROP CONSTRAINT event_hourly_pkey; ALTER TABLE event_hourly ALTER COLUMN incident_id DROP NOT NULL`,
      ),
    ).toEqual(["event_hourly: incident_id may be null", "event_hourly: no primary key"]);
    expect(await problemsAfter(`CREATE TABLE notes (id uuid PRIMARY KEY, incident_id uuid NOT NULL)`)).toEqual([
      "notes: not placed: name it in lib/db/distribution.ts (per-incident, reference or local)",
    ]);
    expect(await problemsAfter(`ALTER TABLE audit_entries ADD FOREIGN KEY (incident_id) REFERENCES incidents (id)`)).toEqual([
      "audit_entries: foreign key audit_entries_incident_id_fkey points at per-incident incidents from a local table",
    ]);
  });

  it("deleting an incident does what the foreign keys a cluster drops did: its rules go, an exercise forgets it", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const incident = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    const rule = await t.db.prisma.rule.create({
      data: { incidentId, key: "own-rule", name: "Own rule", kind: "match", definition: "{}" },
    });
    const exercise = await t.db.prisma.exercise.create({
      data: {
        title: "From it",
        sourceKind: "incident",
        sourceIncidentId: incidentId,
        variantMode: "shared",
        seed: 1,
        noise: 0,
        createdById: owner.ctx.actor.userId,
      },
    });
    for (const d of DROPPED_ON_CITUS) await t.db.sql.exec(`ALTER TABLE ${d.table} DROP CONSTRAINT ${d.constraint}`);
    try {
      await deleteIncident(owner.ctx, incidentId, { confirm: incident.title });
      expect(await t.db.prisma.rule.count({ where: { id: rule.id } })).toBe(0);
      expect((await t.db.prisma.exercise.findUniqueOrThrow({ where: { id: exercise.id } })).sourceIncidentId).toBeNull();
    } finally {
      await t.db.sql.exec(
        `ALTER TABLE rules ADD CONSTRAINT rules_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents (id) ON UPDATE CASCADE ON DELETE CASCADE;
         ALTER TABLE exercises ADD CONSTRAINT exercises_source_incident_id_fkey FOREIGN KEY (source_incident_id) REFERENCES incidents (id) ON UPDATE CASCADE ON DELETE SET NULL`,
      );
    }
  });
});

it("the README gives the statements that place every table on Citus, as lib/db/distribution.ts has them", () => {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const block = readme.match(/```sql\n-- Citus: placing every table\n([\s\S]*?)```/)?.[1];
  expect(block?.trim().split("\n")).toEqual(citusStatements());
});
