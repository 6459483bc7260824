import path from "node:path";
import type { EventDraft } from "./canonical";
import { detectFormat } from "./detect";
import { createDraftTimeReader } from "./draft-time";
import { entitiesOf } from "./entities";
import type { FieldMapping } from "./field-mapping";
import { fileLines, planInput, readSample } from "./file-input";
import { cleanIp } from "./normalize";
import { formatEpochUs } from "./time/parse-timestamp";

/** One record as the pipeline would store it, minus the database: for parser tests. */
export type ParsedForTest = {
  line: number;
  draft: EventDraft;
  raw: Record<string, unknown>;
  /** UTC ISO with microseconds, or the time error. */
  occurredAt: string | { error: string };
  assumedZone: string | null;
  entities: ReturnType<typeof entitiesOf>;
};

/**
 * Runs a file through detection, its format's parser and mapper and the timestamp parser —
 * everything but redaction and the database — so a parser test can check exact values.
 */
export async function parseFileForTest(filePath: string, options: { format?: string; zone?: string; mapping?: FieldMapping } = {}) {
  const plan = await planInput(filePath);
  const sample = await readSample(filePath, plan, path.basename(filePath));
  const format = detectFormat(sample, options.format);
  const parser = format.createParser(sample);
  const mapper = format.createMapper(sample, options.mapping ?? {});
  const records: ParsedForTest[] = [];
  const problems: { line: number; reason: string }[] = [];
  const readTime = createDraftTimeReader({ zone: options.zone });
  const take = (outs: ReturnType<typeof parser.push>) => {
    for (const o of outs) {
      if (o.kind === "problem") {
        problems.push({ line: o.line, reason: o.reason });
        continue;
      }
      const d = mapper(o.raw);
      if ("error" in d) {
        problems.push({ line: o.line, reason: d.error });
        continue;
      }
      const t = readTime(d);
      records.push({
        line: o.line,
        draft: d,
        raw: o.raw,
        occurredAt: "error" in t ? { error: t.error } : formatEpochUs(t.epochUs),
        assumedZone: "error" in t ? null : t.assumedZone,
        entities: entitiesOf(d, cleanIp(d.srcIp), cleanIp(d.dstIp)),
      });
    }
  };
  for await (const batch of fileLines(filePath, plan)) take(parser.push(batch));
  take(parser.end());
  return { format: format.name, records, problems };
}
