import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import type { SeverityLevel } from "@/lib/schemas/timeline";
import { readStepEntities, type StepEntity } from "./step-entities";

/** One event in full, for the details drawer: canonical fields, the raw record and what hangs off it. */
export type EventDetail = {
  id: string;
  /** UTC with microseconds. */
  occurredAt: string;
  timestampText: string;
  assumedZone: string | null;
  timestampDesc: string;
  action: string | null;
  category: string | null;
  outcome: string | null;
  actor: string | null;
  host: string | null;
  srcIp: string | null;
  dstIp: string | null;
  target: string | null;
  message: string;
  raw: unknown;
  lineNumber: number;
  fingerprint: string;
  technique: string | null;
  severity: SeverityLevel | null;
  stage: { key: string; name: string; setBy: string | null } | null;
  source: { id: string; name: string; format: string };
  entities: { id: string; kind: string; value: string; displayName: string | null; role: string }[];
  ruleMatches: {
    ruleId: string;
    key: string;
    name: string;
    kind: string;
    stageKey: string | null;
    technique: string | null;
    evidence: string;
    matchedAt: string;
  }[];
  annotations: { id: string; kind: string; value: string; author: string; createdAt: string }[];
  chainSteps: { id: string; title: string; chainTitle: string | null; isKey: boolean; entities: StepEntity[] }[];
};

type Row = {
  id: string;
  occurred_at: string;
  timestamp_text: string;
  assumed_zone: string | null;
  timestamp_desc: string;
  action: string | null;
  category: string | null;
  outcome: string | null;
  actor: string | null;
  host: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  target: string | null;
  message: string;
  raw: unknown;
  line_number: number;
  fingerprint: string;
  technique: string | null;
  severity: SeverityLevel | null;
  stage_key: string | null;
  stage_name: string | null;
  stage_set_by: string | null;
  source_id: string;
  source_name: string;
  source_format: string;
};

const EVENT_ID = /^\d{1,18}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event with its entities, rule matches, annotations and chain steps; null when it is not the incident's or the actor is not a member. */
export async function getEventDetail(ctx: Ctx, incidentId: string, eventId: string): Promise<EventDetail | null> {
  if (!EVENT_ID.test(eventId) || !UUID.test(incidentId)) return null;
  if (!(await can(ctx, incidentId, "evidence.view"))) return null;
  const [row] = await ctx.db.sql.query<Row>(
    `SELECT e.id::text AS id, ${isoMicros("e.occurred_at")} AS occurred_at, e.timestamp_text, e.assumed_zone, e.timestamp_desc,
            e.action, e.category, e.outcome, e.actor, e.host, host(e.src_ip) AS src_ip, host(e.dst_ip) AS dst_ip, e.target,
            e.message, e.raw, e.line_number, e.fingerprint, e.technique, e.severity::text AS severity,
            st.key AS stage_key, st.name AS stage_name, e.stage_set_by,
            s.id::text AS source_id, s.name AS source_name, s.format AS source_format
     FROM events e
     JOIN sources s ON s.id = e.source_id
     LEFT JOIN stages st ON st.id = e.stage_id
     WHERE e.id = $1::bigint AND e.incident_id = $2::uuid`,
    [eventId, incidentId],
  );
  if (!row) return null;
  const id = BigInt(eventId);
  const prisma = ctx.db.prisma;
  const [entities, matches, annotations, steps] = await Promise.all([
    prisma.eventEntity.findMany({
      where: { eventId: id },
      include: { entity: { select: { id: true, kind: true, value: true, displayName: true } } },
      orderBy: [{ role: "asc" }],
      take: 500,
    }),
    prisma.ruleMatch.findMany({
      where: { eventId: id },
      include: { rule: { select: { id: true, key: true, name: true, kind: true, stageKey: true, technique: true, evidence: true } } },
      orderBy: { matchedAt: "asc" },
      take: 200,
    }),
    prisma.annotation.findMany({
      where: { eventId: id, incidentId },
      include: { author: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
    prisma.chainStepEvent.findMany({
      where: { eventId: id },
      include: { step: { select: { id: true, title: true, position: true, chain: { select: { title: true } } } } },
      take: 100,
    }),
  ]);
  // What each of its steps names as a whole: the drawer shows the event in its step's company.
  const stepEntities = steps.length
    ? await readStepEntities(
        ctx.db.sql,
        incidentId,
        steps.map((s) => s.step.id),
      )
    : new Map();
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    timestampText: row.timestamp_text,
    assumedZone: row.assumed_zone,
    timestampDesc: row.timestamp_desc,
    action: row.action,
    category: row.category,
    outcome: row.outcome,
    actor: row.actor,
    host: row.host,
    srcIp: row.src_ip,
    dstIp: row.dst_ip,
    target: row.target,
    message: row.message,
    raw: row.raw,
    lineNumber: row.line_number,
    fingerprint: row.fingerprint,
    technique: row.technique,
    severity: row.severity,
    stage: row.stage_key ? { key: row.stage_key, name: row.stage_name ?? row.stage_key, setBy: row.stage_set_by } : null,
    source: { id: row.source_id, name: row.source_name, format: row.source_format },
    entities: entities
      .map((ee) => ({ ...ee.entity, role: ee.role }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value) || a.role.localeCompare(b.role)),
    ruleMatches: matches.map((m) => ({
      ruleId: m.rule.id,
      key: m.rule.key,
      name: m.rule.name,
      kind: m.rule.kind,
      stageKey: m.rule.stageKey,
      technique: m.rule.technique,
      evidence: m.rule.evidence,
      matchedAt: m.matchedAt.toISOString(),
    })),
    annotations: annotations.map((a) => ({
      id: a.id,
      kind: a.kind,
      value: a.value,
      author: a.author.name,
      createdAt: a.createdAt.toISOString(),
    })),
    chainSteps: steps
      .sort((a, b) => a.step.position - b.step.position)
      .map((s) => ({
        id: s.step.id,
        title: s.step.title,
        chainTitle: s.step.chain?.title ?? null,
        isKey: s.isKey,
        entities: stepEntities.get(s.step.id) ?? [],
      })),
  };
}
