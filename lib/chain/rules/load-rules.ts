import type { SqlRunner } from "@/lib/db/sql";
import { BUILTIN_RULES } from "./builtin";
import type { RuleSpec } from "./rule-spec";
import { sigmaRowToSpec } from "./sigma/sigma-rule-spec";

/** A rule ready to run: its row id, whether it is on, and what it does. */
export type LoadedRule = { id: string; enabled: boolean; spec: RuleSpec };

type RuleRow = {
  id: string;
  key: string;
  kind: string;
  definition: string;
  stage_key: string | null;
  is_enabled: boolean;
  incident_id: string | null;
};

/**
 * The rules that apply to an incident: the built-ins (in code order, so pivots run after what they
 * pivot from) then the Sigma rules loaded for every incident or for this one.
 */
export async function loadRules(sql: SqlRunner, incidentId: string): Promise<LoadedRule[]> {
  const rows = await sql.query<RuleRow>(
    `SELECT id, key, kind, definition, stage_key, is_enabled, incident_id FROM rules
     WHERE incident_id IS NULL OR incident_id = $1 ORDER BY created_at, key`,
    [incidentId],
  );
  const byKey = new Map(rows.filter((r) => r.kind === "builtin").map((r) => [r.key, r]));
  const loaded: LoadedRule[] = [];
  for (const spec of BUILTIN_RULES) {
    const row = byKey.get(spec.key);
    if (row) loaded.push({ id: row.id, enabled: row.is_enabled, spec });
  }
  for (const row of rows) {
    if (row.kind !== "sigma") continue;
    const spec = sigmaRowToSpec(row);
    if (spec) loaded.push({ id: row.id, enabled: row.is_enabled, spec });
  }
  return loaded;
}
