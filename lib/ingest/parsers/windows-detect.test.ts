import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planInput, readSample } from "../file-input";
import { csvFormat } from "../formats/csv";
import { jsonArrayFormat } from "../formats/json-array";
import { jsonLinesFormat } from "../formats/jsonl";
import { timesketchCsvFormat, timesketchJsonlFormat } from "../formats/timesketch";
import { parseFileForTest } from "../testing-parse-file";
import { WINDOWS_FORMATS } from "./windows";
import { FIXTURES, LSASS_SAMPLE, SAMPLES } from "./windows-test-files";

// What each of our files must be detected as, from content alone.
const OURS: Record<string, string> = {
  "windows/events-saved.xml": "windows-xml",
  "windows/wevtutil-lines.xml": "windows-xml",
  "windows/evtx-dump.jsonl": "evtx-dump-json",
  "windows/evtx-dump-pretty.txt": "evtx-dump-json",
  "windows/evtxecmd.csv": "evtxecmd-csv",
  "windows/evtxecmd.jsonl": "evtxecmd-json",
  "windows/winlogbeat.jsonl": "winlogbeat-json",
  "windows/flat.jsonl": "windows-flat-json",
  "hayabusa/timeline.csv": "hayabusa-csv",
  "hayabusa/timeline-us-time.csv": "hayabusa-csv",
  "hayabusa/timeline.jsonl": "hayabusa-json",
  "hayabusa/timeline-pretty.txt": "hayabusa-json",
};
const GENERIC = [csvFormat, jsonArrayFormat, jsonLinesFormat, timesketchCsvFormat, timesketchJsonlFormat];
const isOurs = (f: string) => /[\\/](windows|hayabusa)[\\/]/.test(f);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function sampleOf(file: string) {
  return readSample(file, await planInput(file), path.basename(file));
}

describe("detection of the Windows formats", () => {
  const cases = [
    ...Object.entries(OURS).map(([rel, name]) => [path.join(FIXTURES, rel), name] as const),
    [LSASS_SAMPLE, "windows-flat-json"] as const,
  ];

  it.each(cases)("%s is %s, above any generic format, and no other Windows format claims it", async (file, name) => {
    expect((await parseFileForTest(file)).format).toBe(name);
    const sample = await sampleOf(file);
    const mine = WINDOWS_FORMATS.find((f) => f.name === name)?.detect(sample) ?? 0;
    expect(mine).toBeGreaterThanOrEqual(85);
    for (const g of GENERIC) expect(g.detect(sample), g.name).toBeLessThan(mine);
    for (const f of WINDOWS_FORMATS) if (f.name !== name) expect(f.detect(sample), f.name).toBe(0);
  });

  it("every fixture under windows/ and hayabusa/ is listed above", () => {
    for (const file of filesUnder(FIXTURES).filter(isOurs)) {
      expect(OURS, path.relative(FIXTURES, file)).toHaveProperty([path.relative(FIXTURES, file).split(path.sep).join("/")]);
    }
  });

  it("claims none of the other groups' fixtures or the other shared samples", async () => {
    const others = [
      ...filesUnder(FIXTURES).filter((f) => !isOurs(f)),
      ...filesUnder(SAMPLES).filter((f) => !isOurs(f) && !f.endsWith(".md")),
    ];
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      const sample = await sampleOf(file);
      for (const f of WINDOWS_FORMATS) expect(f.detect(sample), `${f.name} on ${file}`).toBe(0);
    }
  });
});
