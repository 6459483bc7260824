// Where each table lives when the schema runs on more than one machine (Citus): an incident's
// rows all on one node, found by its id. A per-incident table is distributed by its incident
// column, which its primary key, every unique key, and every foreign key to another per-incident
// table include, so no statement about one incident needs another node. Tables of the instance
// (accounts, global rules, exercises) are copied to every node (reference) or stay on the
// coordinator (local). distributionProblems checks the rule on a live database; the README's
// statements come from citusStatements.

import { IMPORT_TABLE_PATTERN } from "@/lib/ingest/event-partitions";
import type { SqlRunner } from "./sql";

/** Per-incident tables and the column that names their incident. */
export const DISTRIBUTED: Readonly<Record<string, string>> = {
  incidents: "id",
  memberships: "incident_id",
  invitations: "incident_id",
  sources: "incident_id",
  import_issues: "incident_id",
  import_jobs: "incident_id",
  stages: "incident_id",
  events: "incident_id",
  entities: "incident_id",
  event_entities: "incident_id",
  redaction_findings: "incident_id",
  rule_matches: "incident_id",
  annotations: "incident_id",
  chains: "incident_id",
  chain_steps: "incident_id",
  chain_links: "incident_id",
  chain_step_confidence: "incident_id",
  chain_step_events: "incident_id",
  hypotheses: "incident_id",
  chain_step_hypotheses: "incident_id",
  hypothesis_evidence: "incident_id",
  gaps: "incident_id",
  gap_chain_steps: "incident_id",
  event_hourly: "incident_id",
  event_hourly_state: "incident_id",
  stories: "incident_id",
  story_versions: "incident_id",
  story_citations: "incident_id",
  action_items: "incident_id",
  brief_assessments: "incident_id",
  replay_sessions: "incident_id",
  replay_injects: "incident_id",
  replay_decisions: "incident_id",
  // A trainee's attempt and answers live in their workspace, which is an incident.
  exercise_attempts: "workspace_incident_id",
  exercise_answers: "workspace_incident_id",
};

/** Small tables every node reads: copied to each. */
export const REFERENCE: readonly string[] = ["users", "rules", "exercises", "exercise_keys"];

/** Tables only the coordinator reads (sign-in, the audit trail, bookkeeping). */
export const LOCAL: readonly string[] = [
  "_prisma_migrations",
  "sessions",
  "auth_accounts",
  "verifications",
  "api_tokens",
  "rate_limit_windows",
  "instance_settings",
  "audit_entries",
];

/**
 * Foreign keys from a copied table to a per-incident one, which Citus cannot keep: dropped there,
 * and what they do on an incident's delete is done by deleteIncident itself (so it holds on any
 * deployment).
 */
export const DROPPED_ON_CITUS: readonly { table: string; constraint: string; does: string }[] = [
  { table: "rules", constraint: "rules_incident_id_fkey", does: "an incident's own rules are deleted with it" },
  { table: "exercises", constraint: "exercises_source_incident_id_fkey", does: "an exercise forgets the incident it was made from" },
];

// An import's own tables while it reads, before the final step attaches (events, links) or drops
// (entity references, findings) them: lib/ingest/load-tables.ts.
const SCRATCH = new RegExp(IMPORT_TABLE_PATTERN);

type Key = { table: string; name: string; kind: "p" | "u"; columns: string[] };
type Fk = { table: string; name: string; columns: string[]; refTable: string; refColumns: string[] };

function placeOf(table: string): "distributed" | "reference" | "local" | null {
  if (table in DISTRIBUTED) return "distributed";
  if (REFERENCE.includes(table)) return "reference";
  if (LOCAL.includes(table) || SCRATCH.test(table)) return "local";
  return null;
}

async function readCatalog(sql: SqlRunner) {
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const columns = await sql.query<{ table: string; column: string; notnull: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, a.attnotnull AS notnull
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  // Primary keys and every unique index (a unique constraint is one; a partial unique index too).
  const keys = await sql.query<Key & { kind: string }>(
    `SELECT c.relname AS table, i.relname AS name, CASE WHEN x.indisprimary THEN 'p' ELSE 'u' END AS kind,
            array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
     FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND x.indisunique`,
  );
  const fks = await sql.query<Fk>(
    `SELECT c.relname AS table, f.conname AS name, r.relname AS "refTable",
            array(SELECT a.attname FROM unnest(f.conkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
            array(SELECT a.attname FROM unnest(f.confkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS "refColumns"
     FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
     WHERE f.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND f.conparentid = 0`,
  );
  return { tables: tables.map((t) => t.name), columns, keys: keys as Key[], fks };
}

/**
 * What breaks the distribution rule in this database, one line each (none: it distributes): a
 * table no list places; a per-incident table whose incident column is missing or nullable, or
 * missing from its primary key, a unique key, or a foreign key to another per-incident table; a
 * foreign key from a copied or coordinator table to a per-incident one not in DROPPED_ON_CITUS.
 */
export async function distributionProblems(sql: SqlRunner): Promise<string[]> {
  const { tables, columns, keys, fks } = await readCatalog(sql);
  const problems: string[] = [];
  for (const t of tables) {
    const place = placeOf(t);
    if (!place) {
      problems.push(`${t}: not placed: name it in lib/db/distribution.ts (per-incident, reference or local)`);
      continue;
    }
    if (place !== "distributed") continue;
    const col = DISTRIBUTED[t] as string;
    const c = columns.find((x) => x.table === t && x.column === col);
    if (!c) problems.push(`${t}: no column ${col}`);
    else if (!c.notnull) problems.push(`${t}: ${col} may be null`);
    const own = keys.filter((k) => k.table === t);
    if (!own.some((k) => k.kind === "p")) problems.push(`${t}: no primary key`);
    for (const k of own) {
      if (!k.columns.includes(col)) {
        problems.push(`${t}: ${k.kind === "p" ? "primary key" : "unique key"} ${k.name} (${k.columns.join(", ")}) lacks ${col}`);
      }
    }
  }
  for (const f of fks) {
    const from = placeOf(f.table);
    const to = placeOf(f.refTable);
    if (to !== "distributed") continue;
    if (from !== "distributed") {
      if (!DROPPED_ON_CITUS.some((d) => d.table === f.table && d.constraint === f.name)) {
        problems.push(`${f.table}: foreign key ${f.name} points at per-incident ${f.refTable} from a ${from ?? "unplaced"} table`);
      }
      continue;
    }
    const i = f.columns.indexOf(DISTRIBUTED[f.table] as string);
    if (i < 0 || f.refColumns[i] !== DISTRIBUTED[f.refTable]) {
      problems.push(`${f.table}: foreign key ${f.name} (${f.columns.join(", ")}) → ${f.refTable} does not pair the incident columns`);
    }
  }
  for (const t of [...Object.keys(DISTRIBUTED), ...REFERENCE, ...LOCAL]) {
    if (!tables.includes(t)) problems.push(`${t}: placed in lib/db/distribution.ts but not in the database`);
  }
  return problems;
}

/** The statements that place every table on a Citus cluster, in an order Citus accepts. */
export function citusStatements(): string[] {
  const out = DROPPED_ON_CITUS.map((d) => `ALTER TABLE ${d.table} DROP CONSTRAINT ${d.constraint};`);
  for (const t of REFERENCE) out.push(`SELECT create_reference_table('${t}');`);
  out.push(`SELECT create_distributed_table('incidents', 'id');`);
  for (const [t, col] of Object.entries(DISTRIBUTED)) {
    if (t !== "incidents") out.push(`SELECT create_distributed_table('${t}', '${col}', colocate_with => 'incidents');`);
  }
  return out;
}
