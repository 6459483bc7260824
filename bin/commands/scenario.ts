import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDemoStory } from "@/lib/demo/ensure-demo-story";
import { defaultScenarioDir, loadScenario, readManifest } from "@/lib/scenarios/load-scenario";
import { generateScenario } from "@/scenarios/storm-0558/generate";
import { variantShiftWeeks, writeVariant } from "@/scenarios/storm-0558/variant";
import { cliContext } from "../cli-context";
import { type Command, UsageError, wholeNumber } from "../command";

export const scenarioGenerate: Command = {
  path: ["scenario", "generate"],
  summary: "Write the Storm-0558 scenario's raw log files, manifest and answer key",
  options: {
    out: { type: "string", description: "folder to write (required)" },
    seed: { type: "string", description: "noise seed (default 558; same seed, same bytes)" },
    noise: { type: "string", description: "background records across all files (default 2000)" },
    variant: {
      type: "string",
      description:
        "a training variant: other actor addresses, key id, app ids, victim tenants and names, every date 1-8 weeks later (same N, same bytes)",
    },
  },
  async run({ values }) {
    if (typeof values.out !== "string") throw new UsageError("--out is required");
    const variant = wholeNumber("variant", values.variant) ?? null;
    // A variant is the scenario rewritten: generated beside it first, then rewritten into --out.
    const outDir = variant === null ? values.out : mkdtempSync(path.join(os.tmpdir(), "storm-0558-base-"));
    const r = await generateScenario({
      outDir,
      seed: wholeNumber("seed", values.seed, 558),
      noise: wholeNumber("noise", values.noise, 2000),
      onFile: (f) => console.log(`${path.basename(f.path).padEnd(34)} ${String(f.records).padStart(9)} records  ${f.format}`),
    });
    if (variant !== null) {
      const plan = await writeVariant(outDir, values.out, variant);
      rmSync(outDir, { recursive: true, force: true });
      for (const p of plan) console.log(`variant ${variant}: ${p.what.padEnd(40)} ${p.to}`);
      console.log(`variant ${variant}: ${"every date moved by".padEnd(40)} +${variantShiftWeeks(variant)} weeks`);
      console.log(`answer key: ${path.join(values.out, "answer-key.json")}`);
    } else console.log(`answer key: ${r.answerKeyPath}`);
    return 0;
  },
};

export const scenarioLoad: Command = {
  path: ["scenario", "load"],
  summary: "Generate the Storm-0558 scenario and import it into the demo incident",
  options: {
    seed: { type: "string", description: "noise seed (default 558)" },
    noise: { type: "string", description: "background records (default 2000)" },
    dir: { type: "string", description: "where the raw files go (default .data/scenarios/…)" },
  },
  async run({ values }) {
    const seed = wholeNumber("seed", values.seed, 558) as number;
    const noise = wholeNumber("noise", values.noise, 2000) as number;
    const dir = path.resolve((values.dir as string | undefined) ?? defaultScenarioDir(seed, noise));
    const manifest = readManifest(dir);
    if (!manifest || manifest.seed !== seed || manifest.noise !== noise) {
      // Generate in a child process: the generator's memory is then given back before the
      // import starts, so the import's peak stays its own (~430 MiB at a million events).
      const cli = path.join(process.cwd(), "scenarios", "storm-0558", "cli.ts");
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, cli, "--out", dir, "--seed", String(seed), "--noise", String(noise)],
        { stdio: "inherit" },
      );
      if (child.status !== 0) throw new Error(`generating the scenario failed (exit ${child.status})`);
    }
    const ctx = await cliContext();
    const r = await loadScenario(ctx, {
      seed,
      noise,
      dir,
      onFile: (s) =>
        console.log(
          `${s.fileName.padEnd(34)} ${s.format.padEnd(18)} ${s.outcome === "already-imported" ? "already imported" : `read ${s.read}, imported ${s.imported}, duplicate ${s.duplicate}, rejected ${s.rejected}`}`,
        ),
    });
    console.log(`demo incident ${r.incidentId} (raw files in ${r.dir})`);
    const story = await ensureDemoStory(ctx, r.incidentId);
    console.log(`demo post-mortem ${story.storyId}: ${story.created ? "drafted from the evidence" : "already there"}`);
    return 0;
  },
};
