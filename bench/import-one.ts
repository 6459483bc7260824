// Imports one file into a fresh incident and prints a JSON line with its figures (run by bench/import.ts).
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { closeDb } from "@/lib/db";
import { importFile } from "@/lib/ingest/import-file";

const file = process.argv[2] as string;
const ctx = await getLocalContext();
const incident = await createIncident(ctx, { title: `bench ${file}` });
const started = performance.now();
// When each phase began: reading (Node parses while COPY streams into the import's own table) and
// finalizing (dedupe, entity links, index builds and the attach).
const phaseAt: Record<string, number> = {};
const s = await importFile(ctx, {
  incidentId: incident.id,
  filePath: file,
  onProgress: (p) => {
    phaseAt[p.phase] ??= performance.now();
  },
});
const seconds = (performance.now() - started) / 1000;
const at = (phase: string) => phaseAt[phase] ?? performance.now();
console.log(
  JSON.stringify({
    file,
    format: s.format,
    read: s.read,
    imported: s.imported,
    rejected: s.rejected,
    seconds,
    readingSeconds: (at("finalizing") - at("reading")) / 1000,
    finalizingSeconds: (at("done") - at("finalizing")) / 1000,
    eventsPerSecond: Math.round(s.imported / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
await closeDb();
