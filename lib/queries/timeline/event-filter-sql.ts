import type { SqlParams } from "@/lib/db/sql-params";
import type { TTimelineFilters } from "@/lib/schemas/timeline";
import { UNTAGGED } from "@/lib/timeline/lanes";
import { messageMatches } from "../message-search-sql";

export type EventScope = {
  incidentId: string;
  /** ISO instants, passed to SQL as text so microseconds survive. */
  from?: string;
  to?: string;
  filters: TTimelineFilters;
  /** Stage key → id for the incident (to turn the stage filter into ids). */
  stageIds: ReadonlyMap<string, string>;
};

/**
 * The WHERE clause selecting an incident's events in a window under the timeline's filters
 * (alias `e`). Incident and time come first so the (incident_id, occurred_at) index drives it;
 * the text filter is the GIN index's own expression (message-search-sql.ts).
 */
export function eventWhere(p: SqlParams, scope: EventScope): string {
  const { filters } = scope;
  const incident = p.add(scope.incidentId);
  const conds = [`e.incident_id = ${incident}::uuid`];
  if (scope.from) conds.push(`e.occurred_at >= ${p.add(scope.from)}::timestamptz`);
  if (scope.to) conds.push(`e.occurred_at < ${p.add(scope.to)}::timestamptz`);
  if (filters.stage.length) {
    const ids = filters.stage.flatMap((k) => (k === UNTAGGED ? [] : (scope.stageIds.get(k) ?? [])));
    const parts: string[] = [];
    if (ids.length) parts.push(`e.stage_id = ANY(${p.textArray(ids)}::uuid[])`);
    if (filters.stage.includes(UNTAGGED)) parts.push("e.stage_id IS NULL");
    conds.push(parts.length ? `(${parts.join(" OR ")})` : "false");
  }
  if (filters.source.length) conds.push(`e.source_id = ANY(${p.textArray(filters.source)}::uuid[])`);
  if (filters.severity.length) conds.push(`e.severity::text = ANY(${p.textArray(filters.severity)})`);
  if (filters.entity) {
    conds.push(
      `EXISTS (SELECT 1 FROM event_entities ee WHERE ee.incident_id = ${incident}::uuid AND ee.event_id = e.id AND ee.entity_id = ${p.add(filters.entity)}::uuid)`,
    );
  }
  if (filters.q) conds.push(messageMatches("e.message", p.add(filters.q)));
  return conds.join(" AND ");
}
