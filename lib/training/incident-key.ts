// The answer key of an exercise made from a reviewed incident: its chain's evidence with each
// step's stage (and any stage set by hand), the chain's stage order, its gaps, and the leading
// hypothesis with the confidence of the step it explains. Frozen when the exercise is set.

import type { Ctx } from "@/lib/context/ctx";
import { getChain, orderInChain } from "@/lib/queries/get-chain";
import type { ExerciseKey } from "./exercise-key";
import { SOURCE_LABELS_SQL } from "./source-labels";
import { choiceIds } from "./tasks";

/** How many key events an incident's key holds at most (in event order). */
const MAX_KEY_EVENTS = 5000;

export async function buildIncidentKey(
  ctx: Ctx,
  incidentId: string,
): Promise<{ key: ExerciseKey; hypotheses: { id: string; title: string }[] }> {
  const sql = ctx.db.sql;
  const chain = await getChain(ctx, incidentId);
  const steps = chain?.steps ?? [];
  const tags = await sql.query<{ file: string; line: number; stage: string; summary: string }>(
    `WITH src AS (${SOURCE_LABELS_SQL})
     SELECT DISTINCT ON (e.id) s.label AS file, e.line_number AS line, st.key AS stage, left(e.message, 200) AS summary
     FROM events e JOIN src s ON s.id = e.source_id
     JOIN stages st ON st.incident_id = e.incident_id AND st.id = COALESCE(
       (SELECT cs.stage_id FROM chain_step_events ce JOIN chain_steps cs ON cs.id = ce.step_id WHERE ce.event_id = e.id ORDER BY ce.is_key DESC LIMIT 1),
       CASE WHEN e.stage_set_by = 'hand' THEN e.stage_id END)
     WHERE e.incident_id = $1
       AND (EXISTS (SELECT 1 FROM chain_step_events ce WHERE ce.event_id = e.id) OR e.stage_set_by = 'hand')
     ORDER BY e.id LIMIT ${MAX_KEY_EVENTS}`,
    [incidentId],
  );
  const gaps = await sql.query<{ id: string; scope: string; start_at: Date; end_at: Date; source: string | null }>(
    `SELECT g.id, g.scope, g.start_at, g.end_at, s.name AS source FROM gaps g LEFT JOIN sources s ON s.id = g.source_id
     WHERE g.incident_id = $1 ORDER BY g.start_at`,
    [incidentId],
  );
  const hypotheses = await sql.query<{ id: string; title: string; status: string; detail: string }>(
    "SELECT id, title, status, description AS detail FROM hypotheses WHERE incident_id = $1 ORDER BY title",
    [incidentId],
  );
  const leading = hypotheses.find((h) => h.status === "leading");
  const explained = leading ? steps.find((s) => s.hypotheses.some((h) => h.id === leading.id)) : undefined;
  // The stages in the order they happened, over the chains proper (not the loose findings).
  const inChains = new Set((chain?.chains ?? []).filter((g) => g.kind === "chain").flatMap((g) => g.stepIds));
  const order = [...new Set(orderInChain(steps.filter((s) => inChains.has(s.id))).map((s) => s.stageKey))];
  const first = (stage: string) => tags.find((t) => t.stage === stage) ?? null;
  const stagesTagged = new Set(tags.map((t) => t.stage));
  return {
    hypotheses: hypotheses.map((h) => ({ id: h.id, title: h.title })),
    key: {
      variant: 0,
      replacements: [],
      shiftWeeks: 0,
      stageTags: tags,
      chainOrder: order.map((stage) => ({ stage, evidence: first(stage) })),
      window: null,
      gaps: gaps.map((g) => ({ id: g.id, scope: g.scope || g.source || "", start: g.start_at.toISOString(), end: g.end_at.toISOString() })),
      hypothesis:
        leading && explained
          ? {
              leading: choiceIds(hypotheses).get(leading.id) as string,
              confidence: explained.confidence.label,
              rationale: explained.confidence.rationale || leading.detail,
            }
          : null,
      exact: {},
      hints: {
        tags: [`The key tags ${tags.length} events across ${stagesTagged.size} stages.`],
        order: [`The chain has ${order.length} stages; the first is evidenced by its earliest event.`],
        gaps: [`The key holds ${gaps.length} gap${gaps.length === 1 ? "" : "s"}.`],
      },
    },
  };
}
