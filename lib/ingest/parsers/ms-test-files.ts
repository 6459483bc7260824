import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Paths for the Microsoft formats' tests: committed fixtures, the shared real samples, throwaway files. */
export const FIXTURES = path.join(import.meta.dirname, "fixtures");
export const SAMPLES = path.resolve(process.cwd(), "..", "shared", "samples");

export const fixture = (rel: string) => path.join(FIXTURES, rel);
export const sample = (rel: string) => path.join(SAMPLES, rel);

let dir: string | undefined;

/** Writes a small synthetic file for one test case and returns its path. */
export function tempFile(name: string, content: string): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), "chainline-ms-"));
  const file = path.join(dir, name);
  writeFileSync(file, content, "utf8");
  return file;
}
