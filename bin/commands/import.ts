import { analyzeIncident } from "@/lib/chain/analyze-incident";
import { describeBuild } from "@/lib/chain/describe-build";
import { parseMappingFlag } from "@/lib/ingest/field-mapping";
import { type ImportSummary, importFile } from "@/lib/ingest/import-file";
import { type TImportOptionsInput, ZImportOptions } from "@/lib/ingest/import-options";
import { cliContext } from "../cli-context";
import { type Command, UsageError, wholeNumber } from "../command";
import { createProgressBar } from "../progress-bar";
import { type Remote, remoteTarget } from "../remote";
import { importRemote } from "./import-remote";

function table(rows: ImportSummary[]): string {
  const head = ["FILE", "FORMAT", "READ", "IMPORTED", "DUPLICATE", "REJECTED", "REDACTED", "FIRST EVENT", "LAST EVENT", "SECONDS"];
  const body = rows.map((r) => [
    r.fileName,
    r.format,
    ...[r.read, r.imported, r.duplicate, r.rejected, r.redacted].map((n) => n.toLocaleString("en-US")),
    r.firstEventAt ?? "-",
    r.lastEventAt ?? "-",
    r.seconds.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  return [head, ...body]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * The notes on one file's import, on stderr; false when it stored nothing because the file had no
 * record or every record was rejected (the run then exits 1, as for any file that failed).
 */
function reportSummary(file: string, s: ImportSummary): boolean {
  if (s.outcome === "already-imported")
    console.error(`${file}: already imported as source ${s.sourceId} (same sha256): nothing new (--replace reads it again)`);
  if (s.replaced) {
    const r = s.replaced;
    console.error(
      `${file}: replaced the earlier reading (source ${r.sourceId}, ${r.events} events); ${r.annotationsCarried} annotations carried over, ${r.annotationsLost} lost`,
    );
  }
  if (s.outcome === "empty" || s.outcome === "rejected") {
    console.error(`chainline: ${file}: nothing imported: ${s.reason ?? s.outcome}`);
    return false;
  }
  if (s.yearInferred) console.error(`${file}: timestamps had no year; it was inferred (pass --year to set it)`);
  if (s.rejected) console.error(`${file}: ${s.rejected} rejected line(s); see the source's issues in the app`);
  return true;
}

export const importCommand: Command = {
  path: ["import"],
  summary: "Import log files into an incident (format detected from content)",
  positionals: "FILE...",
  remote: true,
  help: [
    "Every line is accounted for: imported, duplicate, or rejected with its line number and reason.",
    "Re-importing the same file (same sha256) imports nothing new. Secrets are redacted unless --no-redact.",
  ],
  options: {
    incident: { type: "string", description: "incident id (required)" },
    format: { type: "string", description: "force a format (see: chainline formats)" },
    tz: { type: "string", description: "zone for timestamps without one (default UTC)" },
    "time-format": { type: "string", description: "auto | iso | epoch[-s|-ms|-us|-ns] | us | eu | syslog | strftime (%d/%m/%Y %H:%M:%S)" },
    year: { type: "string", description: "year for timestamps without one (syslog); inferred if absent" },
    map: { type: "string", description: "field mapping: time=Date,message=Text,actor=User,host=…,srcIp=…" },
    "retention-days": { type: "string", description: "declared log retention of the source system" },
    "no-redact": { type: "boolean", description: "keep secrets as found (default: redact them)" },
    replace: { type: "boolean", description: "read a file imported before again with these options, replacing that reading" },
    json: { type: "boolean", description: "print the summaries as JSON" },
    "no-analyze": { type: "boolean", description: "skip running the rules and rebuilding the chain afterwards" },
  },
  async run({ values, positionals }) {
    if (typeof values.incident !== "string") throw new UsageError("--incident is required");
    if (positionals.length === 0) throw new UsageError("name at least one FILE");
    const options = {
      format: values.format as string | undefined,
      zone: values.tz as string | undefined,
      timeFormat: values["time-format"] as string | undefined,
      year: wholeNumber("year", values.year),
      mapping: values.map ? parseMappingFlag(values.map as string) : {},
      redact: !values["no-redact"],
      retentionDays: wholeNumber("retention-days", values["retention-days"]),
      replace: Boolean(values.replace),
    };
    // Checked once, before any file: a bad --tz is one usage line, not a per-file error.
    ZImportOptions.parse(options);
    const remote = remoteTarget();
    if (remote) return runRemote(remote, values.incident, positionals, options, Boolean(values.json));
    const ctx = await cliContext();
    const summaries: ImportSummary[] = [];
    let failed = 0;
    for (const file of positionals) {
      const bar = createProgressBar(file);
      try {
        const s = await importFile(ctx, { incidentId: values.incident, filePath: file, options, onProgress: (p) => bar.update(p) });
        bar.done();
        summaries.push(s);
        if (!reportSummary(file, s)) failed += 1;
      } catch (err) {
        bar.done();
        failed += 1;
        console.error(`chainline: ${(err as Error).message}`);
      }
    }
    if (values.json) console.log(JSON.stringify(summaries, null, 2));
    else if (summaries.length) console.log(table(summaries));
    if (!values["no-analyze"] && summaries.some((s) => s.outcome === "imported")) {
      try {
        const a = await analyzeIncident(ctx, values.incident);
        console.error(
          `analysis: ${a.rules.eventsTagged} events tagged by rules, ${a.quietPeriods.length} quiet periods, ${describeBuild(a.chain)}, in ${a.rules.ms} ms of rules`,
        );
      } catch (err) {
        // The events are stored whatever the rules do: a rule that fails costs the analysis, never the import.
        console.error(
          `analysis failed (${(err as Error).message}); the import is kept: fix or disable the rule, then run \`rules run --incident ${values.incident}\``,
        );
      }
    }
    return failed ? 1 : 0;
  },
};

/** The same import against a running server (--server): each file is sent, then followed to its end. */
async function runRemote(
  remote: Remote,
  incidentId: string,
  files: string[],
  options: TImportOptionsInput,
  asJson: boolean,
): Promise<number> {
  const summaries: ImportSummary[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const s = await importRemote(remote, incidentId, file, options);
      summaries.push(s);
      if (!reportSummary(file, s)) failed += 1;
    } catch (err) {
      failed += 1;
      console.error(`chainline: ${(err as Error).message}`);
    }
  }
  if (asJson) console.log(JSON.stringify(summaries, null, 2));
  else if (summaries.length) console.log(table(summaries));
  return failed ? 1 : 0;
}
