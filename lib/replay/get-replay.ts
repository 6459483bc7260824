// What the replay page shows at the session's clock: the events seen so far (the latest of them),
// the chain and its confidence as they were known then, the prompts due and the next one's time
// (never its words), and the decisions recorded.

import { authorize, can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { type ChainStepView, type ChainView, getChain } from "@/lib/queries/get-chain";
import { sessionOf } from "./replay-session";

export type ReplayView = {
  id: string;
  title: string;
  clock: string;
  firstEventAt: string | null;
  lastEventAt: string | null;
  eventsSoFar: number;
  /** The latest events up to the clock, newest first; null when the asker may not see events. */
  latest: { id: string; occurredAt: string; source: string; action: string | null; message: string }[] | null;
  /** The chain as known at the clock (a still-open step ends at the clock). */
  chain: ChainView | null;
  injects: { id: string; at: string; text: string }[];
  nextInjectAt: string | null;
  decisions: { id: string; clock: string; text: string; by: string; recordedAt: string }[];
};

const LATEST = 15;

/** A step as known at the clock: a window still open then ends at the clock, not at its later end. */
function atClock(step: ChainStepView, clock: Date): ChainStepView {
  return !step.inferred && step.endAt && Date.parse(step.endAt) > clock.getTime() ? { ...step, endAt: clock.toISOString() } : step;
}

export async function getReplay(ctx: Ctx, incidentId: string, sessionId: string): Promise<ReplayView> {
  await authorize(ctx, incidentId, "chain.view");
  const sql = ctx.db.sql;
  const { clock } = await sessionOf(sql, incidentId, sessionId);
  const [[meta], [span], [count], injects, [next], decisions, chain, mayReadEvents] = await Promise.all([
    sql.query<{ title: string }>("SELECT title FROM replay_sessions WHERE id = $1", [sessionId]),
    sql.query<{ first: Date | null; last: Date | null }>(
      "SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM events WHERE incident_id = $1",
      [incidentId],
    ),
    sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND occurred_at <= $2", [incidentId, clock]),
    sql.query<{ id: string; at: Date; text: string }>(
      "SELECT id, at, text FROM replay_injects WHERE session_id = $1 AND at <= $2 ORDER BY at DESC",
      [sessionId, clock],
    ),
    sql.query<{ at: Date | null }>("SELECT min(at) AS at FROM replay_injects WHERE session_id = $1 AND at > $2", [sessionId, clock]),
    sql.query<{ id: string; clock: Date; text: string; name: string; recorded_at: Date }>(
      `SELECT d.id, d.clock, d.text, u.name, d.recorded_at FROM replay_decisions d JOIN users u ON u.id = d.recorded_by_id
       WHERE d.session_id = $1 ORDER BY d.clock, d.recorded_at`,
      [sessionId],
    ),
    getChain(ctx, incidentId, clock),
    can(ctx, incidentId, "evidence.view"),
  ]);
  const latest = mayReadEvents
    ? await sql.query<{ id: string; occurred_at: Date; source: string; action: string | null; message: string }>(
        `SELECT e.id::text, e.occurred_at, s.name AS source, e.action, left(e.message, 300) AS message
         FROM events e JOIN sources s ON s.id = e.source_id
         WHERE e.incident_id = $1 AND e.occurred_at <= $2 ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${LATEST}`,
        [incidentId, clock],
      )
    : null;
  return {
    id: sessionId,
    title: meta?.title ?? "",
    clock: clock.toISOString(),
    firstEventAt: span?.first?.toISOString() ?? null,
    lastEventAt: span?.last?.toISOString() ?? null,
    eventsSoFar: count?.n ?? 0,
    latest:
      latest?.map((e) => ({ id: e.id, occurredAt: e.occurred_at.toISOString(), source: e.source, action: e.action, message: e.message })) ??
      null,
    chain: chain && { ...chain, steps: chain.steps.map((st) => atClock(st, clock)) },
    injects: injects.map((i) => ({ id: i.id, at: i.at.toISOString(), text: i.text })),
    nextInjectAt: next?.at?.toISOString() ?? null,
    decisions: decisions.map((d) => ({
      id: d.id,
      clock: d.clock.toISOString(),
      text: d.text,
      by: d.name,
      recordedAt: d.recorded_at.toISOString(),
    })),
  };
}

/** The incident's replay sessions, newest first. */
export async function listReplaySessions(ctx: Ctx, incidentId: string) {
  await authorize(ctx, incidentId, "chain.view");
  const rows = await ctx.db.sql.query<{ id: string; title: string; clock: Date; created_at: Date; decisions: number }>(
    `SELECT r.id, r.title, r.clock, r.created_at, (SELECT count(*)::int FROM replay_decisions d WHERE d.session_id = r.id) AS decisions
     FROM replay_sessions r WHERE r.incident_id = $1 ORDER BY r.created_at DESC`,
    [incidentId],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    clock: r.clock.toISOString(),
    createdAt: r.created_at.toISOString(),
    decisions: r.decisions,
  }));
}
