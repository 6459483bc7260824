import path from "node:path";
import { expect, it } from "vitest";
import { runRules } from "@/lib/chain/rules/run-rules";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";

// The real public files in ../shared/samples, read in place (see its SOURCES.md).
const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/samples");

describeEachDatabase("the generic rules on the real samples", (kind) => {
  const t = useTestDatabase(kind);

  it("find the sign-in → mailbox access → inbox rule sequence from 175.45.176.99 and the LSASS dump", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Samples");
    // As after each import: field rules on the new file's events, correlation rules on all of them.
    for (const f of ["windows/lsass_dump_comsvcs.jsonl", "m365/office_activity.csv", "entra/sign-in_adelete.csv"]) {
      const imported = await importFile(ctx, { incidentId, filePath: path.join(SAMPLES, f) });
      const scoped = await runRules(ctx, incidentId, { sourceId: imported.sourceId });
      expect(scoped.scope).toBe("source");
    }
    // A full run agrees with the incremental ones: nothing to change.
    const run = await runRules(ctx, incidentId);
    expect(run.eventsRetagged).toBe(0);
    expect(run.eventsTagged).toBeGreaterThan(0);

    const rows = await t.db.sql.query<{ stage: string; action: string; ip: string | null; technique: string; n: number; first: string }>(
      `SELECT st.key AS stage, e.action, host(e.src_ip) AS ip, e.technique, count(*)::int AS n,
              to_char(min(e.occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first
       FROM events e JOIN stages st ON st.id = e.stage_id WHERE e.incident_id = $1
       GROUP BY 1, 2, 3, 4 ORDER BY min(e.occurred_at)`,
      [incidentId],
    );
    const from = (stage: string, action?: string) =>
      rows.find((r) => r.stage === stage && r.ip === "175.45.176.99" && (!action || r.action === action));
    const signIn = from("initial-access");
    const mail = from("collection", "MailItemsAccessed");
    const files = from("collection", "FilePreviewed");
    const inboxRule = from("persistence");
    expect(signIn).toMatchObject({ action: "Sign-in", technique: "T1078.004" });
    expect(mail).toMatchObject({ action: "MailItemsAccessed", technique: "T1114.002" });
    expect(inboxRule).toMatchObject({ action: "New-InboxRule", technique: "T1137.005", n: 1 });
    // The files read from that address by that account, before and after the rule.
    expect(files).toMatchObject({ technique: "T1530", n: 26 });
    expect(rows.find((r) => r.stage === "collection" && r.action === "FileAccessed" && r.ip === "175.45.176.99")?.n).toBe(39);
    // A refused sign-in is not a way in.
    const [failed] = await t.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_id IS NOT NULL AND outcome LIKE 'failure%'",
      [incidentId],
    );
    expect(failed?.n).toBe(0);
    // In that order in time.
    expect(signIn?.first && mail?.first && inboxRule?.first && signIn.first < mail.first && mail.first < inboxRule.first).toBe(true);
    // Nothing from other addresses is pulled into the sequence.
    expect(rows.filter((r) => ["initial-access", "collection", "persistence"].includes(r.stage) && r.ip !== "175.45.176.99")).toEqual([]);

    const lsass = rows.filter((r) => r.technique === "T1003.001");
    expect(new Set(lsass.map((r) => r.action))).toEqual(new Set(["process-create", "process-access", "file-create"]));
    expect(lsass.every((r) => r.stage === "credential-access")).toBe(true);
    expect(rows.find((r) => r.action === "audit-log-cleared")).toMatchObject({ stage: "defense-evasion", technique: "T1070.001" });

    // Each tag names the rule that set it, and a second run changes nothing.
    const [setBy] = await t.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_id IS NOT NULL AND stage_set_by NOT LIKE 'rule:generic.%'",
      [incidentId],
    );
    expect(setBy?.n).toBe(0);
    const again = await runRules(ctx, incidentId);
    expect(again.eventsRetagged).toBe(0);
    expect(again.eventsTagged).toBe(run.eventsTagged);
  });
});
