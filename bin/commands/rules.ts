import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import { describeBuild } from "@/lib/chain/describe-build";
import { loadSigmaRules } from "@/lib/chain/rules/sigma/load-sigma-rules";
import { readFieldIndex } from "@/lib/chain/rules/sigma/sigma-field-check";
import { sigmaFiles } from "@/lib/chain/rules/sigma/sigma-files";
import { listRules } from "@/lib/queries/list-rules";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";
import { printTable } from "../print-table";

function incidentOf(values: Record<string, unknown>): string {
  if (typeof values.incident !== "string") throw new UsageError("--incident is required");
  return values.incident;
}

export const rulesRun: Command = {
  path: ["rules", "run"],
  summary: "Run the rules over an incident, then detect quiet periods and rebuild the chain",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    json: { type: "boolean", description: "print the result as JSON" },
  },
  async run({ values }) {
    const ctx = await cliContext();
    const result = await analyzeIncident(ctx, incidentOf(values));
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    printTable(
      ["RULE", "KIND", "MATCHED", "MS"],
      result.rules.rules.map((r) => [r.key, r.kind, String(r.matched), String(r.ms)]),
    );
    console.log(
      `\n${result.rules.eventsTagged} events tagged (${result.rules.eventsRetagged} changed) in ${result.rules.ms} ms; ` +
        `${result.quietPeriods.length} quiet periods; ${describeBuild(result.chain)}`,
    );
    return 0;
  },
};

export const rulesList: Command = {
  path: ["rules", "list"],
  summary: "List the rules that apply to an incident and what each matched",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run({ values }) {
    const ctx = await cliContext();
    const rules = await listRules(ctx, incidentOf(values));
    if (values.json) console.log(JSON.stringify(rules, null, 2));
    else
      printTable(
        ["RULE", "KIND", "STAGE", "TECHNIQUE", "ENABLED", "MATCHES", "NAME"],
        rules.map((r) => [r.key, r.kind, r.stageKey ?? "", r.technique ?? "", r.enabled ? "yes" : "no", String(r.matches), r.name]),
      );
    return 0;
  },
};

export const rulesLoad: Command = {
  path: ["rules", "load"],
  summary: "Load Sigma rules (YAML files or folders of them) for an incident; unsupported rules are reported with why, not loaded",
  positionals: "FILE.yml|FOLDER...",
  options: {
    incident: { type: "string", description: "incident id (required)" },
    json: { type: "boolean", description: "print JSON" },
    quiet: { type: "boolean", description: "print only the summary and the refusals, not each loaded rule" },
  },
  async run({ values, positionals }) {
    if (positionals.length === 0) throw new UsageError("give one or more Sigma YAML files or folders");
    let files: string[];
    try {
      files = sigmaFiles(positionals);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (files.length === 0) throw new UsageError(`no .yml or .yaml files in ${positionals.join(", ")}`);
    const ctx = await cliContext();
    const incidentId = incidentOf(values);
    const totals = { files: files.length, loaded: 0, refused: 0, warnings: 0 };
    const fields = await readFieldIndex(ctx, incidentId);
    const reasons = new Map<string, number>();
    for (const file of files) {
      const result = await loadSigmaRules(ctx, incidentId, { fileName: path.basename(file), yaml: readFileSync(file, "utf8") }, { fields });
      totals.loaded += result.loaded.length;
      totals.refused += result.problems.length;
      totals.warnings += result.loaded.reduce((n, r) => n + r.warnings.length, 0);
      for (const p of result.problems) {
        const reason = p.message.replace(/"[^"]*"/g, '"…"');
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      if (values.json) {
        console.log(JSON.stringify({ file, ...result }));
        continue;
      }
      for (const r of result.loaded) {
        if (!values.quiet) console.log(`${file}: loaded ${r.key} (${r.title}) → stage ${r.stageKey ?? "none"}`);
        for (const w of r.warnings) console.error(`${file}: ${r.key}: warning: ${w}`);
      }
      for (const p of result.problems) console.error(`${file}${p.line ? `:${p.line}` : ""}: ${p.rule}: ${p.message}`);
    }
    if (!values.json) {
      console.log(`\n${totals.files} files: ${totals.loaded} rules loaded, ${totals.refused} refused, ${totals.warnings} field warnings`);
      for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(5)}  ${reason}`);
    }
    return totals.refused > 0 ? 1 : 0;
  },
};
