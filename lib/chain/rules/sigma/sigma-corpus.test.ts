import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { SqlParams } from "@/lib/db/sql-params";
import { importFile } from "@/lib/ingest/import-file";
import { serverReachable, useTestDatabase } from "@/lib/testing/test-databases";
import { compilePredicate } from "../compile-sql";
import { runRules } from "../run-rules";
import { loadSigmaRules } from "./load-sigma-rules";
import { parseSigma } from "./parse-sigma";
import { readFieldIndex } from "./sigma-field-check";
import { sigmaFiles } from "./sigma-files";

// The public SigmaHQ corpus and the real samples, read in place (../shared/sigma/SOURCE.md, ../shared/samples/SOURCES.md).
const SHARED = path.resolve(import.meta.dirname, "../../../../../shared");
const SIGMA = path.join(SHARED, "sigma");
const LSASS = path.join(SHARED, "samples/windows/lsass_dump_comsvcs.jsonl");
const OFFICE = path.join(SHARED, "samples/m365/office_activity.csv");
const LINUX = ["sysmon", "auoms_auditd"].map((kind) =>
  path.join(SHARED, `samples/linux/syslog_${kind}_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json`),
);

describe("Sigma files", () => {
  it("are found in folders, recursively; a path that is not there is named", () => {
    expect(sigmaFiles([SIGMA])).toHaveLength(3754);
    expect(() => sigmaFiles([path.join(SIGMA, "nope")])).toThrow(/nope: no such file or folder/);
  });
});

// One database (the server when there is one): loading the whole corpus takes a while.
describe(`the whole SigmaHQ corpus on one incident [${serverReachable ? "server" : "embedded"}]`, () => {
  const t = useTestDatabase(serverReachable ? "server" : "embedded");

  it("loads (each refusal says why), runs past Postgres's parameter limit, matches what each rule matches alone, and never fails an import", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "Sigma corpus", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LSASS });
    // Sysmon for Linux and auditd inside SyslogMessage: the Linux rules read their parsed fields.
    for (const filePath of LINUX) await importFile(ctx, { incidentId, filePath });
    const fields = await readFieldIndex(ctx, incidentId);
    let loaded = 0;
    const problems: { rule: string; message: string }[] = [];
    for (const file of sigmaFiles([SIGMA])) {
      const r = await loadSigmaRules(ctx, incidentId, { fileName: path.basename(file), yaml: readFileSync(file, "utf8") }, { fields });
      loaded += r.loaded.length;
      problems.push(...r.problems);
    }
    expect(loaded).toBeGreaterThanOrEqual(3100);
    expect(problems.every((p) => p.rule && p.message.length > 10)).toBe(true);

    const run = await runRules(ctx, incidentId);
    const sigmaHits = run.rules.filter((r) => r.key.startsWith("sigma.") && r.matched > 0);
    expect(sigmaHits.length).toBeGreaterThan(3);
    // Some of them on the Linux host, through the fields parsed out of SyslogMessage.
    const linuxHits = await t.db.sql.query<{ n: string }>(
      `SELECT count(DISTINCT m.rule_id)::text AS n FROM rule_matches m JOIN rules r ON r.id = m.rule_id JOIN events e ON e.id = m.event_id
       JOIN sources s ON s.id = e.source_id WHERE e.incident_id = $1 AND r.kind = 'sigma' AND s.format = 'syslog-la'`,
      [incidentId],
    );
    expect(Number(linuxHits[0]?.n)).toBeGreaterThan(0);

    // The runner's shortcuts (formats, action and channel gates, the lower-cased record) change no
    // result: each rule's full predicate, run alone on every event, matches the same events.
    const stored = await t.db.sql.query<{ key: string; definition: string; ids: string[] | null }>(
      `SELECT r.key, r.definition, array_agg(m.event_id::text ORDER BY m.event_id) FILTER (WHERE m.event_id IS NOT NULL) AS ids
       FROM rules r LEFT JOIN rule_matches m ON m.rule_id = r.id WHERE r.incident_id = $1 AND r.kind = 'sigma' GROUP BY r.key, r.definition ORDER BY r.key`,
      [incidentId],
    );
    const sample = stored.filter((r, i) => r.ids || i % 10 === 0);
    expect(sample.length).toBeGreaterThan(280);
    for (const r of sample) {
      const rule = parseSigma(r.definition, r.key).rules[0];
      if (!rule) throw new Error(`${r.key} no longer parses`);
      const params = new SqlParams(2);
      const where = compilePredicate(rule.predicate, params);
      const alone = await t.db.sql.query<{ id: string }>(
        `SELECT e.id::text AS id FROM events e JOIN sources s ON s.id = e.source_id WHERE e.incident_id = $1 AND ${where} ORDER BY e.id`,
        [incidentId, ...params.values()],
      );
      expect(
        alone.map((x) => x.id),
        r.key,
      ).toEqual(r.ids ?? []);
    }

    // With the corpus loaded, another import and its analysis go through.
    const office = await importFile(ctx, { incidentId, filePath: OFFICE });
    expect(office.imported).toBe(266);
    await expect(analyzeIncident(ctx, incidentId, { sourceId: office.sourceId })).resolves.toBeDefined();
  }, 600_000);

  it("warns about fields no imported source of the rule's log carries", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "Sigma warnings", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LSASS });
    const yaml = `title: Made-up field
id: 5f8a2b1c-0000-4000-8000-000000000009
logsource: { product: windows, category: process_creation }
detection:
  selection:
    CommandLine|contains: comsvcs
    NoSuchField: x
  condition: selection
`;
    const r = await loadSigmaRules(ctx, incidentId, { fileName: "made-up.yml", yaml });
    expect(r.loaded[0]?.warnings).toEqual([
      "field NoSuchField is in none of the imported windows-flat-json events: its tests cannot match here",
    ]);
  });
});
