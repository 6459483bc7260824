import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { FORMATS } from "@/lib/ingest/formats/registry";
import type { SigmaRule } from "./parse-sigma";
import { sigmaFieldRefs } from "./sigma-fields";
import { formatsAccepted } from "./sigma-gate";
import { logsourcePredicate } from "./sigma-logsource";

/** Per import format of an incident, the raw field paths (dotted, to depth 3) its events were seen to carry. */
export type FieldIndex = Map<string, Set<string>>;

/** Events read per source and recorded action: every kind of record a source holds is seen. */
const SAMPLE_PER_ACTION = 10;

/** Reads a sample of each source's events (some of every action) and notes which raw fields they hold (for those who may load rules). */
export async function readFieldIndex(ctx: Ctx, incidentId: string): Promise<FieldIndex> {
  await authorize(ctx, incidentId, "evidence.edit");
  // A rule reads a parsed field where the record has no raw field of that name (compile-sql): both count.
  const rows = await ctx.db.sql.query<{ format: string; raw: Record<string, unknown> }>(
    `SELECT s.format, e.raw FROM sources s
     CROSS JOIN LATERAL (
       SELECT raw || coalesce(fields, '{}'::jsonb) AS raw FROM (SELECT raw, fields, row_number() OVER (PARTITION BY action) AS rn FROM events
                        WHERE source_id = s.id AND incident_id = s.incident_id) x
       WHERE rn <= ${SAMPLE_PER_ACTION}) e
     WHERE s.incident_id = $1`,
    [incidentId],
  );
  const index: FieldIndex = new Map();
  for (const r of rows) {
    const paths = index.get(r.format) ?? new Set<string>();
    collect(r.raw, "", 0, paths);
    index.set(r.format, paths);
  }
  return index;
}

function collect(v: unknown, prefix: string, depth: number, out: Set<string>) {
  if (typeof v !== "object" || v === null || Array.isArray(v) || depth >= 3) return;
  for (const [k, child] of Object.entries(v)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (child !== null && child !== "") out.add(p);
    collect(child, p, depth + 1, out);
  }
}

/** The field names a rule's detection tests ("Image|endswith" → "Image"). */
export function detectionFields(rule: SigmaRule): string[] {
  const detection = rule.source.detection;
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === "object" && v !== null) for (const k of Object.keys(v)) if (k.split("|")[0]) out.add(k.split("|")[0] as string);
  };
  if (typeof detection === "object" && detection !== null) {
    for (const [name, v] of Object.entries(detection)) if (name !== "condition" && name !== "timeframe") visit(v);
  }
  return [...out];
}

const FORMAT_NAMES = FORMATS.map((f) => f.name);

/**
 * Warnings for a rule's fields that none of the incident's imported sources of its log carry
 * (Entra exports have no `Status`; EvtxECmd keeps EventData as text): the rule loads, but those
 * tests can never match here. Nothing to say while no source of its log has been imported.
 */
export function unresolvedFieldWarnings(rule: SigmaRule, index: FieldIndex): string[] {
  const formats = formatsAccepted(logsourcePredicate(rule.logsource), FORMAT_NAMES).filter((f) => index.has(f));
  if (formats.length === 0) return [];
  const seen = new Set(formats.flatMap((f) => [...(index.get(f) ?? [])]));
  const missing = detectionFields(rule).filter((field) =>
    sigmaFieldRefs(field, rule.logsource).every((ref) => ref.kind === "raw" && !seen.has(ref.path.join("."))),
  );
  return missing.map((f) => `field ${f} is in none of the imported ${formats.join(", ")} events: its tests cannot match here`);
}
