import path from "node:path";
import { expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { runRules } from "./run-rules";

const FIXTURES = path.resolve(import.meta.dirname, "../../ingest/parsers/fixtures");

describeEachDatabase("the cloud identity and AWS rules", (kind) => {
  const t = useTestDatabase(kind);

  it("tag a consent grant and access keys created, and nothing else in those exports", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Cloud");
    await importFile(ctx, { incidentId, filePath: path.join(FIXTURES, "entra/audit-graph.json") });
    await importFile(ctx, { incidentId, filePath: path.join(FIXTURES, "cloudtrail/records.json") });
    await runRules(ctx, incidentId);
    const tagged = await t.db.sql.query<{ action: string; stage: string; technique: string; set_by: string }>(
      `SELECT e.action, st.key AS stage, e.technique, e.stage_set_by AS set_by FROM events e JOIN stages st ON st.id = e.stage_id
       WHERE e.incident_id = $1 ORDER BY e.action, e.id`,
      [incidentId],
    );
    expect(tagged).toEqual([
      { action: "Consent to application", stage: "credential-access", technique: "T1528", set_by: "rule:generic.app-consent" },
      ...tagged
        .filter((x) => x.action === "CreateAccessKey")
        .map(() => ({
          action: "CreateAccessKey",
          stage: "persistence",
          technique: "T1098.001",
          set_by: "rule:generic.aws-access-key-created",
        })),
    ]);
    expect(tagged.filter((x) => x.action === "CreateAccessKey").length).toBeGreaterThan(0);
  });
});
