import path from "node:path";
import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { importFile } from "@/lib/ingest/import-file";
import { listRules } from "@/lib/queries/list-rules";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { runRules } from "../run-rules";
import { loadSigmaRules } from "./load-sigma-rules";

const LSASS = path.resolve(import.meta.dirname, "../../../../../shared/samples/windows/lsass_dump_comsvcs.jsonl");
const LOG4SHELL = path.resolve(
  import.meta.dirname,
  "../../../../../shared/samples/linux/syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json",
);
const EVTXECMD = path.resolve(import.meta.dirname, "../../../ingest/parsers/fixtures/windows/evtxecmd.jsonl");

const MINIDUMP = `title: Rundll32 MiniDump via comsvcs
id: 4f8a2b1c-0000-4000-8000-000000000001
level: high
tags: [attack.credential_access, attack.t1003.001]
logsource: { product: windows, category: process_creation }
detection:
  selection:
    CommandLine|contains|all: [comsvcs, MiniDump]
  condition: selection
`;

const CARRIED = `${MINIDUMP}---
title: Shell started by Java
id: 4f8a2b1c-0000-4000-8000-000000000003
tags: [attack.execution]
logsource: { product: linux, category: process_creation }
detection:
  selection:
    ParentImage|endswith: /java
    Image|endswith: [/bash, /sh, /dash]
  condition: selection
`;

const RULES = `${MINIDUMP}---
title: Base64 command line
id: 4f8a2b1c-0000-4000-8000-000000000002
logsource: { product: windows, category: process_creation }
detection:
  selection:
    CommandLine|base64offset|contains: lsass
  condition: selection
`;

describeEachDatabase("Sigma rules loaded for an incident", (kind) => {
  const t = useTestDatabase(kind);

  it("are stored one rule a row, run with the built-ins, and tag the stage of their ATT&CK tactic; unsupported ones are reported", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "Sigma", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LSASS });
    const loaded = await loadSigmaRules(ctx, incidentId, { fileName: "lsass.yml", yaml: RULES });
    expect(loaded.loaded).toEqual([
      {
        key: "sigma.4f8a2b1c-0000-4000-8000-000000000001",
        title: "Rundll32 MiniDump via comsvcs",
        stageKey: "credential-access",
        technique: "T1003.001",
        // Its fields are in the imported Security and Sysmon events: nothing to warn about.
        warnings: [],
      },
    ]);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]?.rule).toBe("Base64 command line");
    expect(loaded.problems[0]?.message).toMatch(/base64offset/);

    const run = await runRules(ctx, incidentId);
    const sigma = run.rules.find((r) => r.key === "sigma.4f8a2b1c-0000-4000-8000-000000000001");
    // Sysmon 1 and Security 4688 both record the rundll32 command line.
    expect(sigma?.matched).toBe(2);
    const rules = await listRules(ctx, incidentId);
    expect(rules.find((r) => r.key === sigma?.key)).toMatchObject({
      kind: "sigma",
      scope: "incident",
      matches: 2,
      stageKey: "credential-access",
    });

    // Loading the same file again replaces the rule rather than adding a second.
    await loadSigmaRules(ctx, incidentId, { fileName: "lsass.yml", yaml: RULES });
    expect((await listRules(ctx, incidentId)).filter((r) => r.kind === "sigma")).toHaveLength(1);
  });

  it("read the fields of records carried as text: Sysmon for Linux in SyslogMessage, EventData in EvtxECmd's Payload", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "Sigma in text", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LOG4SHELL });
    await importFile(ctx, { incidentId, filePath: EVTXECMD });
    const loaded = await loadSigmaRules(ctx, incidentId, { fileName: "carried.yml", yaml: CARRIED });
    expect(loaded.problems).toEqual([]);
    // Image, ParentImage and CommandLine are among the parsed fields: no warning.
    expect(loaded.loaded.map((r) => r.warnings)).toEqual([[], []]);
    const run = await runRules(ctx, incidentId);
    const matched = (id: string) => run.rules.find((r) => r.key === `sigma.${id}`)?.matched;
    // Java's one shell in the Log4Shell capture (bash -c {echo,…}|{base64,-d}|{bash,-i}).
    expect(matched("4f8a2b1c-0000-4000-8000-000000000003")).toBe(1);
    // The rundll32 MiniDump in EvtxECmd's JSON, read from its Payload.
    expect(matched("4f8a2b1c-0000-4000-8000-000000000001")).toBe(1);
    const [row] = await t.db.sql.query<{ image: string }>(
      `SELECT e.fields->>'Image' AS image FROM events e JOIN sources s ON s.id = e.source_id
       WHERE e.incident_id = $1 AND s.format = 'syslog-la' AND e.fields->>'ParentImage' LIKE '%/java' LIMIT 1`,
      [incidentId],
    );
    expect(row?.image).toBe("/bin/bash");
  });

  it("tag no stage from an informational rule (a hunting lead), and only circumstantial evidence from a low one", async () => {
    const ctx = await getLocalContext(t.db);
    const { id: incidentId } = await createIncident(ctx, { title: "Sigma levels", stageSet: "generic" });
    await importFile(ctx, { incidentId, filePath: LSASS });
    const yaml = (id: string, level: string) =>
      `title: Rundll32 ${level}\nid: ${id}\nlevel: ${level}\ntags: [attack.execution, attack.t1218.011]\nlogsource: { product: windows, category: process_creation }\ndetection:\n  selection:\n    Image|endswith: \\rundll32.exe\n  condition: selection\n`;
    const info = await loadSigmaRules(ctx, incidentId, {
      fileName: "info.yml",
      yaml: yaml("4f8a2b1c-0000-4000-8000-000000000010", "informational"),
    });
    expect(info.loaded[0]?.stageKey).toBeNull();
    await runRules(ctx, incidentId);
    // Its matches set no stage (other rules still tag the same rundll32 runs, by their own stage).
    const [hits] = await t.db.sql.query<{ matched: number; staged: number }>(
      `SELECT count(*)::int AS matched, count(*) FILTER (WHERE e.stage_set_by = 'rule:' || r.key)::int AS staged
       FROM rule_matches m JOIN rules r ON r.id = m.rule_id JOIN events e ON e.id = m.event_id
       WHERE r.key = 'sigma.4f8a2b1c-0000-4000-8000-000000000010' AND e.incident_id = $1`,
      [incidentId],
    );
    expect(hits?.matched).toBeGreaterThan(0);
    expect(hits?.staged).toBe(0);
    await loadSigmaRules(ctx, incidentId, { fileName: "low.yml", yaml: yaml("4f8a2b1c-0000-4000-8000-000000000011", "low") });
    const [low] = await t.db.sql.query<{ evidence: string; stage_key: string }>(
      "SELECT evidence, stage_key FROM rules WHERE key = 'sigma.4f8a2b1c-0000-4000-8000-000000000011' AND incident_id = $1",
      [incidentId],
    );
    expect(low).toEqual({ evidence: "circumstantial", stage_key: "execution" });
  });
});
