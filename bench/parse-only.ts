// Node's share of an import, alone: detect, parse, map, redact, hash and encode every record of
// a file as the importer does, on one core, with no database (run by bench/import.ts). With the
// COPY figures it bounds what any import can reach on this machine.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { ByteBatch } from "@/lib/ingest/byte-batch";
import { detectFormat } from "@/lib/ingest/detect";
import { fileLines, planInput, readSample } from "@/lib/ingest/file-input";
import { ZImportOptions } from "@/lib/ingest/import-options";
import { createNormalizer } from "@/lib/ingest/normalize";

const file = process.argv[2] as string;
const started = performance.now();
const plan = await planInput(file);
const sample = await readSample(file, plan, path.basename(file));
const format = detectFormat(sample);
const parser = format.createParser(sample);
const normalize = createNormalizer(
  { incidentId: randomUUID(), sourceId: randomUUID(), firstId: 1n << 32n },
  format.createMapper(sample, {}),
  ZImportOptions.parse({}),
);
let records = 0;
let bytes = 0;
let batch = new ByteBatch(4 * 1024 * 1024);
const take = (outputs: ReturnType<typeof parser.push>) => {
  for (const o of outputs) {
    records += 1;
    if (o.kind === "record") {
      const n = normalize(o);
      if ("error" in n) continue;
      // Gathered into 4 MiB batches as the stage writer does, so the UTF-8 encoding counts too.
      if (batch.rows > 0 && !batch.fits(n.row.length)) {
        bytes += batch.bytes;
        batch = new ByteBatch(4 * 1024 * 1024);
      }
      batch.add(n.row);
    }
  }
};
for await (const lines of fileLines(file, plan)) take(parser.push(lines));
take(parser.end());
bytes += batch.bytes;
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ format: format.name, records, bytes, seconds, recordsPerSecond: Math.round(records / seconds) }));
