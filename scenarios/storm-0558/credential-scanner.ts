// credential-scanner.jsonl: the nightly credential-scanner runs over the debugging share, one
// JSON object a line (ts, scanner, run_id, path, bytes, rules, findings, status), a shape of our
// own. The story: the night the signing-system dump arrived, the scanner read all of it and
// reported nothing. It lives in the debugging environment, so it keeps the same retention window.

import { DEBUG_FS, DEBUG_RETENTION } from "./cast";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng } from "./random";
import { SCAN, SIGNING_DUMP } from "./story-2021";
import { at, backgroundTimes, DAY, iso, type Rhythm } from "./time";

export const SPEC: FileSpec = {
  file: "credential-scanner.jsonl",
  format: "jsonl",
  description:
    "Credential scanner run log over the debugging share (JSON lines: ts, scanner, run_id, path, bytes, rules, findings, status)",
  layout: { kind: "lines", tsDigits: 3 },
};

const SCANNER = "credscan/2.4.1";
const RULES = "credscan-rules@2021.03.2";

type ScanLine = { path: string; bytes: number; findings: number; status: "completed" | "skipped" | "error" };

function line(t: number, s: ScanLine): string {
  return `${JSON.stringify({ ts: iso(t, 3), scanner: SCANNER, run_id: runId(t), path: s.path, bytes: s.bytes, rules: RULES, findings: s.findings, status: s.status })}\n`;
}

/** Runs start at 23:00 UTC; a file scanned after midnight still belongs to the previous evening's run. */
function runId(t: number): string {
  const evening = new Date(t / 1000).getUTCHours() >= 12 ? t : t - DAY;
  return `cs-${iso(evening, 0).slice(0, 10).replace(/-/g, "")}-2300`;
}

function story(): Rec[] {
  const t = at(SCAN.at);
  const scan: ScanLine = {
    path: `${DEBUG_FS.unc}\\${SIGNING_DUMP.shareFile}`,
    bytes: SIGNING_DUMP.bytes,
    findings: 0,
    status: "completed",
  };
  if (runId(t) !== SCAN.runId) throw new Error(`scan run id ${runId(t)} is not ${SCAN.runId}`);
  return [
    {
      t,
      key: {
        ref: "scan.dump-clean",
        stage: "detection-failure",
        summary: "credential scanner reads the whole signing-system dump and reports 0 findings",
        nativeIdField: null,
        nativeId: null,
        match: { run_id: SCAN.runId, path: scan.path, findings: 0, status: "completed" },
      },
      render: () => line(t, scan),
    },
  ];
}

const NIGHTLY: Rhythm = {
  hours: [6, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8],
  weekdays: [1, 1, 1, 1, 1, 1, 1],
};
const SERVICES = ["ESTS", "AADGATEWAY", "MSAAUTH", "OWAFE", "GRAPHAPI", "KEYVAULTFE", "DIRSYNC"] as const;

function* background(rng: Rng, budget: number): Generator<Rec> {
  const start = at(DEBUG_RETENTION.retainedFrom);
  const end = at(DEBUG_RETENTION.retainedUntil);
  for (const t of backgroundTimes(rng, start, end, budget, NIGHTLY)) {
    const service = rng.pick(SERVICES);
    const day = iso(t, 0).slice(0, 10);
    const dir = `${DEBUG_FS.unc}\\${service}\\${day}\\AppCrash_${service.toLowerCase()}svc.e_${rng.hex(40)}_${rng.hex(8)}_${rng.hex(8)}`;
    const kind = rng.weighted([
      ["dump", 55],
      ["triage", 25],
      ["notes", 12],
      ["config", 8],
    ] as const);
    let scan: ScanLine;
    if (kind === "dump")
      scan = {
        path: `${dir}\\memory.hdmp`,
        bytes: rng.between(200, 4_000) * 1_048_576 + rng.int(1_048_576),
        findings: 0,
        status: "completed",
      };
    else if (kind === "triage")
      scan = { path: `${dir}\\triage.dmp`, bytes: rng.between(300_000, 9_000_000), findings: 0, status: "completed" };
    else if (kind === "notes")
      scan = {
        path: `${DEBUG_FS.unc}\\notes\\${service.toLowerCase()}-${day}.txt`,
        bytes: rng.between(800, 60_000),
        findings: rng.chance(0.05) ? 1 : 0,
        status: "completed",
      };
    else
      scan = {
        path: `${DEBUG_FS.unc}\\tools\\${service.toLowerCase()}\\debugger.config`,
        bytes: rng.between(400, 9_000),
        findings: rng.chance(0.2) ? rng.between(1, 3) : 0,
        status: "completed",
      };
    const roll = rng.next();
    if (roll < 0.01) scan = { ...scan, findings: 0, status: "error" };
    else if (roll < 0.025) scan = { ...scan, findings: 0, status: "skipped" };
    yield { t, render: () => line(t, scan) };
  }
}

export async function writeCredentialScanner(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
