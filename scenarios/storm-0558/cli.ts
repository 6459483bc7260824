// tsx scenarios/storm-0558/cli.ts --out DIR [--seed N] [--noise N]
// Parses its arguments and calls generateScenario; nothing else lives here.

import path from "node:path";
import { parseArgs } from "node:util";
import { generateScenario } from "./generate";

const USAGE = "usage: tsx scenarios/storm-0558/cli.ts --out DIR [--seed N] [--noise N]";

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  let values: { out?: string; seed?: string; noise?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, seed: { type: "string" }, noise: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(
      `${USAGE}\n\nWrites the Storm-0558 scenario's raw log files, manifest.json and answer-key.json into DIR.\n  --seed N   background noise seed (default 558)\n  --noise N  background records across all files (default 2000)`,
    );
    return 0;
  }
  if (!values.out) {
    console.error(`--out is required\n${USAGE}`);
    return 2;
  }
  let seed: number;
  let noise: number;
  try {
    seed = integer("seed", values.seed, 558);
    noise = integer("noise", values.noise, 2000);
    if (noise < 0) throw new Error("--noise must not be negative");
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const result = await generateScenario({
    outDir: values.out,
    seed,
    noise,
    onFile: (f) =>
      console.log(
        `${path.basename(f.path).padEnd(34)} ${String(f.records).padStart(9)} records ${String(f.bytes).padStart(12)} bytes  ${f.format}`,
      ),
  });
  console.log(`answer key: ${result.answerKeyPath}\nmanifest:   ${result.manifestPath}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
