import type { SqlRunner } from "@/lib/db/sql";
import { BUILTIN_RULES } from "./builtin";

/**
 * Writes the built-in rules into `rules` (incident NULL: shared by every incident), so each match
 * can name the rule that fired and an analyst can switch one off. Definitions follow the code;
 * `is_enabled` is the analyst's and is left alone.
 */
export async function syncBuiltinRules(sql: SqlRunner): Promise<void> {
  await sql.query(
    `INSERT INTO rules (incident_id, key, name, kind, definition, stage_key, technique, severity, tags, evidence, priority)
     SELECT NULL, r->>'key', r->>'name', 'builtin', r::text, r->>'stageKey', r->>'technique', (r->>'severity')::severity,
            ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'tags', '[]'))), coalesce(r->>'evidence', 'direct'),
            coalesce((r->>'priority')::int, 0)
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (incident_id, key) DO UPDATE SET name = excluded.name, definition = excluded.definition,
       stage_key = excluded.stage_key, technique = excluded.technique, severity = excluded.severity,
       tags = excluded.tags, evidence = excluded.evidence, priority = excluded.priority`,
    [JSON.stringify(BUILTIN_RULES)],
  );
}
