// The Storm-0558 scenario generator: writes each team's raw log exports (native formats, not
// normalized events), a manifest the importer may read, and an answer key it must not.
// Pure Node: no database, no clock, no Math.random; the same seed gives the same bytes.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildAnswerKey, buildManifest } from "./answer-key";
import { writeCredentialScanner } from "./credential-scanner";
import { writeDebugShareSecurity } from "./debug-share-security";
import { writeEntraSignins2021 } from "./entra-signins-2021";
import type { FileResult } from "./output";
import { writeResponse2023 } from "./response-2023";
import { writeSharepointUal2021 } from "./sharepoint-ual-2021";
import { writeSigningSystemApplication } from "./signing-system-application";
import { apportion } from "./time";
import { writeTokenValidation2023 } from "./token-validation-2023";
import { writeUalMailItemsAccessed2023 } from "./ual-mailitemsaccessed-2023";

export type { AnswerKey, Manifest } from "./answer-key-types";

export type GenerateOptions = {
  outDir: string;
  seed?: number;
  /** Background records across all files (≈; the story's records come on top). */
  noise?: number;
  /** Called after each file is closed. */
  onFile?: (file: GeneratedFile) => void;
};

export type GeneratedFile = {
  /** Absolute path of the file written. */
  path: string;
  /** Importer format name (lib/ingest/parsers) that reads it. */
  format: string;
  /** Line ends in the file. */
  lines: number;
  records: number;
  bytes: number;
  sha256: string;
};

export type GenerateResult = { files: GeneratedFile[]; answerKeyPath: string; manifestPath: string };

type Writer = (dir: string, seed: number, budget: number) => Promise<FileResult>;

/** Each file's share of the background noise, in parts per hundred. */
const WRITERS: readonly (readonly [Writer, number])[] = [
  [writeSigningSystemApplication, 14],
  [writeDebugShareSecurity, 18],
  [writeCredentialScanner, 5],
  [writeEntraSignins2021, 10],
  [writeSharepointUal2021, 10],
  [writeTokenValidation2023, 20],
  [writeUalMailItemsAccessed2023, 20],
  [writeResponse2023, 3],
];

export const ANSWER_KEY_FILE = "answer-key.json";
export const MANIFEST_FILE = "manifest.json";

export async function generateScenario({ outDir, seed = 558, noise = 2000, onFile }: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(noise) || noise < 0) throw new RangeError(`noise must be a non-negative integer, got ${noise}`);
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });
  const budgets = apportion(
    noise,
    WRITERS.map(([, share]) => share),
  );
  const results: FileResult[] = [];
  const files: GeneratedFile[] = [];
  for (const [i, [write]] of WRITERS.entries()) {
    const r = await write(dir, seed, budgets[i] ?? 0);
    results.push(r);
    const file = { path: path.join(dir, r.file), format: r.format, lines: r.lines, records: r.records, bytes: r.bytes, sha256: r.sha256 };
    files.push(file);
    onFile?.(file);
  }
  const answerKeyPath = path.join(dir, ANSWER_KEY_FILE);
  const manifestPath = path.join(dir, MANIFEST_FILE);
  await writeFile(answerKeyPath, `${JSON.stringify(buildAnswerKey(seed, noise, results), null, 2)}\n`);
  await writeFile(manifestPath, `${JSON.stringify(buildManifest(seed, noise, results), null, 2)}\n`);
  return { files, answerKeyPath, manifestPath };
}
