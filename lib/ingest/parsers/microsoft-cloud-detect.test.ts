import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planInput, readSample } from "../file-input";
import { csvFormat } from "../formats/csv";
import { jsonArrayFormat } from "../formats/json-array";
import { jsonLinesFormat } from "../formats/jsonl";
import { timesketchCsvFormat, timesketchJsonlFormat } from "../formats/timesketch";
import { parseFileForTest } from "../testing-parse-file";
import { MICROSOFT_CLOUD_FORMATS } from "./microsoft-cloud";
import { FIXTURES, SAMPLES } from "./ms-test-files";

// What each of our files must be detected as, from content alone.
const OURS: Record<string, string> = {
  "m365/purview-classic.csv": "m365-ual-csv",
  "m365/purview-new.csv": "m365-ual-csv",
  "m365/search-unifiedauditlog.csv": "m365-ual-csv",
  "m365/malformed-ual.csv": "m365-ual-csv",
  "m365/management-api.json": "m365-ual-json",
  "m365/management-api.jsonl": "m365-ual-json",
  "m365/office-activity-mini.csv": "m365-office-activity",
  "m365/office-activity.jsonl": "m365-office-activity",
  "entra/signin-graph-page.json": "entra-signin-json",
  "entra/signin-graph.jsonl": "entra-signin-json",
  "entra/signin-graph-bad.json": "entra-signin-json",
  "entra/signin-portal.json": "entra-signin-json",
  "entra/signin-portal.csv": "entra-signin-csv",
  "entra/signin-portal-bad.csv": "entra-signin-csv",
  "entra/signin-la.json": "entra-signin-la",
  "entra/audit-graph.json": "entra-audit-json",
  "entra/audit-la.csv": "entra-audit-la",
};
const REAL: Record<string, string> = {
  "m365/office_activity.csv": "m365-office-activity",
  "entra/sign-in_adelete.csv": "entra-signin-la",
};
const GENERIC = [csvFormat, jsonArrayFormat, jsonLinesFormat, timesketchCsvFormat, timesketchJsonlFormat];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function sampleOf(file: string) {
  return readSample(file, await planInput(file), path.basename(file));
}

describe("detection of the Microsoft formats", () => {
  const ours = Object.entries(OURS).map(([rel, name]) => [path.join(FIXTURES, rel), name] as const);
  const real = Object.entries(REAL).map(([rel, name]) => [path.join(SAMPLES, rel), name] as const);

  it.each([...ours, ...real])("%s is %s, well above any generic format", async (file, name) => {
    expect((await parseFileForTest(file)).format).toBe(name);
    const sample = await sampleOf(file);
    const mine = MICROSOFT_CLOUD_FORMATS.find((f) => f.name === name)?.detect(sample) ?? 0;
    expect(mine).toBeGreaterThanOrEqual(85);
    for (const g of GENERIC) expect(g.detect(sample), g.name).toBeLessThan(mine);
    // No other Microsoft format claims it too.
    for (const f of MICROSOFT_CLOUD_FORMATS) if (f.name !== name) expect(f.detect(sample), f.name).toBe(0);
  });

  it("every fixture in fixtures/ is listed above or belongs to another format group", () => {
    for (const file of filesUnder(FIXTURES)) {
      const rel = path.relative(FIXTURES, file).split(path.sep).join("/");
      if (rel.startsWith("m365/") || rel.startsWith("entra/")) expect(OURS, rel).toHaveProperty([rel]);
    }
  });

  it("claims none of the other groups' fixtures or the other shared samples", async () => {
    const others = [
      ...filesUnder(FIXTURES).filter((f) => !/[\\/](m365|entra)[\\/]/.test(f)),
      ...filesUnder(SAMPLES).filter((f) => !/[\\/](m365|entra)[\\/]/.test(f) && !f.endsWith(".md")),
    ];
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      const sample = await sampleOf(file);
      for (const f of MICROSOFT_CLOUD_FORMATS) expect(f.detect(sample), `${f.name} on ${file}`).toBe(0);
    }
  });
});
