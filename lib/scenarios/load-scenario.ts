import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { declareGap } from "@/lib/actions/declare-gap";
import { ensureDemoIncident } from "@/lib/actions/ensure-demo-incident";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import type { Ctx } from "@/lib/context/ctx";
import { type ImportSummary, importFile } from "@/lib/ingest/import-file";
import { generateScenario, MANIFEST_FILE, type Manifest } from "@/scenarios/storm-0558/generate";
import { applyPublicAssessments } from "./apply-public-assessments";

export type LoadScenarioOptions = {
  seed?: number;
  noise?: number;
  /** Where the raw files go (default .data/scenarios/storm-0558-s<seed>-n<noise>); reused when already generated. */
  dir?: string;
  onFile?: (summary: ImportSummary) => void;
  /** Enter the public record's hypotheses and dated confidence changes after the build (default true). */
  publicAssessments?: boolean;
  /** Load into this incident (its stages must be the Storm-0558 set) instead of the demo incident. */
  incidentId?: string;
};

/** Where loadScenario keeps the raw files for a seed and noise unless told otherwise. */
export function defaultScenarioDir(seed: number, noise: number): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "scenarios", `storm-0558-s${seed}-n${noise}`);
}

/** The manifest in dir, or null when there is none. */
export function readManifest(dir: string): Manifest | null {
  const file = path.join(/*turbopackIgnore: true*/ dir, MANIFEST_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : null;
}

/**
 * Generates the Storm-0558 scenario's raw logs (or reuses them), imports every file through the
 * normal importers into the demo incident, declares the retention gaps its manifest states, runs
 * the analysis (rules, quiet periods, chain) and enters the public record's assessments.
 * It reads the manifest (what each team would say about its export), never the answer key.
 */
export async function loadScenario(ctx: Ctx, options: LoadScenarioOptions = {}) {
  const seed = options.seed ?? 558;
  const noise = options.noise ?? 2000;
  const dir = path.resolve(/*turbopackIgnore: true*/ options.dir ?? defaultScenarioDir(seed, noise));
  let manifest = readManifest(dir);
  if (!manifest || manifest.seed !== seed || manifest.noise !== noise) {
    await generateScenario({ outDir: dir, seed, noise });
    manifest = readManifest(dir) as Manifest;
  }
  const incident = options.incidentId ? { id: options.incidentId } : (await ensureDemoIncident(ctx)).incident;
  const summaries: ImportSummary[] = [];
  for (const f of manifest.files) {
    const s = await importFile(ctx, {
      incidentId: incident.id,
      filePath: path.join(/*turbopackIgnore: true*/ dir, f.path),
      fileName: f.path,
      options: { zone: f.timeZone, retentionDays: f.retention?.retentionDays },
    });
    summaries.push(s);
    options.onFile?.(s);
  }
  await declareRetentionGaps(ctx, incident.id, manifest, summaries);
  // Rules, quiet periods and the chain run once over everything rather than after each file; not
  // again when nothing new came in and the chain is there (a second `npm run demo` changes nothing
  // and audits nothing; after an upgrade of the rules, `chainline rules run` and `chain build`).
  const unchanged =
    summaries.every((s) => s.outcome === "already-imported") &&
    (await ctx.db.sql.query("SELECT 1 FROM chain_steps WHERE incident_id = $1 LIMIT 1", [incident.id])).length > 0;
  const analysis = unchanged ? null : await analyzeIncident(ctx, incident.id);
  const assessments = options.publicAssessments === false ? null : await applyPublicAssessments(ctx, incident.id);
  return { incidentId: incident.id, dir, summaries, analysis, assessments };
}

/** Outside a file's declared retention window its system's logs are gone: before it and after it, within the incident. */
async function declareRetentionGaps(ctx: Ctx, incidentId: string, manifest: Manifest, summaries: ImportSummary[]) {
  const times = summaries
    .flatMap((s) => [s.firstEventAt, s.lastEventAt])
    .filter((t): t is string => Boolean(t))
    .sort();
  const first = times[0];
  const last = times.at(-1);
  if (!first || !last) return;
  for (const f of manifest.files) {
    if (!f.retention) continue;
    const sourceId = summaries.find((s) => s.fileName === f.path)?.sourceId ?? null;
    const description = `${f.description}: only ${f.retention.retentionDays} days were retained (${f.retention.note})`;
    const detail = { file: f.path, ...f.retention };
    if (first < f.retention.retainedFrom) {
      await declareGap(ctx, {
        incidentId,
        sourceId,
        scope: f.path,
        startAt: new Date(first),
        endAt: new Date(f.retention.retainedFrom),
        reason: "retention",
        description,
        detail,
      });
    }
    if (f.retention.retainedUntil < last) {
      await declareGap(ctx, {
        incidentId,
        sourceId,
        scope: f.path,
        startAt: new Date(f.retention.retainedUntil),
        endAt: new Date(last),
        reason: "retention",
        description,
        detail,
      });
    }
  }
}
