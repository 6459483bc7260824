// The ratio to beat: a plain COPY of already-normalized rows into a table shaped and indexed
// like events, on the same database (run by bench/import.ts). With "bare", the same table
// without indexes: the "bare COPY" figure the speed target was set against. With "bulk", the
// bare COPY followed by building every index events has over the whole load at once.
import { randomUUID } from "node:crypto";
import { closeDb, getDb } from "@/lib/db";
import { copyRow } from "@/lib/ingest/copy-format";
import { indexStatements } from "@/lib/ingest/event-partitions";

const count = Number(process.argv[2]);
const mode = process.argv[3] ?? "indexed";
const indexes = mode === "indexed" ? "INCLUDING INDEXES" : "";
const db = await getDb();
await db.sql.exec(`DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE events INCLUDING DEFAULTS ${indexes})`);
await db.sql.exec(`ALTER TABLE bench_copy ALTER COLUMN id SET DEFAULT nextval('events_id_seq')`);
const incident = randomUUID();
const source = randomUUID();
const cols = [
  "incident_id",
  "source_id",
  "occurred_at",
  "timestamp_text",
  "timestamp_desc",
  "actor",
  "src_ip",
  "message",
  "raw",
  "line_number",
  "fingerprint",
];
const chunks: string[] = [];
let buf: string[] = [];
const t0 = Date.UTC(2023, 4, 15);
for (let i = 0; i < count; i++) {
  const at = new Date(t0 + i * 997).toISOString();
  const raw = JSON.stringify({
    time: at,
    user: "alice@contoso.test",
    operation: "MailItemsAccessed",
    client_ip: "203.0.113.7",
    message: `item ${i}`,
    seq: i,
  });
  buf.push(
    copyRow([
      incident,
      source,
      at,
      at,
      "Event Time",
      "alice@contoso.test",
      "203.0.113.7",
      `MailItemsAccessed by alice item ${i}`,
      raw,
      i + 1,
      `h:${i}`,
    ]),
  );
  if (buf.length === 20_000) {
    chunks.push(buf.join(""));
    buf = [];
  }
}
if (buf.length) chunks.push(buf.join(""));
const started = performance.now();
for (const c of chunks) await db.copyText("bench_copy", cols, c);
const copied = (performance.now() - started) / 1000;
const built: Record<string, number> = {};
if (mode === "bulk") {
  // What an import's final step builds over its own table (lib/ingest/event-partitions.ts).
  const { build, constrain } = await indexStatements(db.sql, "events", "bench_copy");
  for (const statement of [...build, ...constrain]) {
    const t = performance.now();
    await db.sql.exec(statement);
    const label = statement.startsWith("ALTER") ? "primary key from its index" : statement.replace(/^.*?(\(.*)$/, "$1").slice(0, 60);
    built[label] = Math.round(performance.now() - t) / 1000;
  }
}
const seconds = (performance.now() - started) / 1000;
await db.sql.exec("DROP TABLE bench_copy");
console.log(JSON.stringify({ rows: count, seconds, copied, built, rowsPerSecond: Math.round(count / seconds) }));
await closeDb();
