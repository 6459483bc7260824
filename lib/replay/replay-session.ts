// Replay sessions: created on an incident with prompts at each chain step's first sighting,
// the clock moved by the facilitator, decisions recorded at the replay time they were made.

import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { getChain } from "@/lib/queries/get-chain";
import { promptFor } from "./replay-injects";

const DAY_MS = 86_400_000;

/** The session, when it belongs to the incident. */
export async function sessionOf(sql: SqlRunner, incidentId: string, sessionId: string): Promise<{ id: string; clock: Date }> {
  if (!isUuid(sessionId)) throw new NotFoundError("no such replay session");
  const [row] = await sql.query<{ id: string; clock: Date }>("SELECT id, clock FROM replay_sessions WHERE id = $1 AND incident_id = $2", [
    sessionId,
    incidentId,
  ]);
  if (!row) throw new NotFoundError("no such replay session");
  return row;
}

/**
 * Starts a replay of the incident: the clock a day before its first event, and a prompt at each
 * chain step's first sighting (an inferred step's when what implies it is seen).
 */
export async function createReplaySession(ctx: Ctx, incidentId: string, input: { title: string }): Promise<{ id: string }> {
  await authorize(ctx, incidentId, "evidence.edit");
  const title = z.string().trim().min(1).max(200).parse(input.title);
  const chain = await getChain(ctx, incidentId);
  const [first] = await ctx.db.sql.query<{ at: Date | null }>("SELECT min(occurred_at) AS at FROM events WHERE incident_id = $1", [
    incidentId,
  ]);
  const firstAt = first?.at;
  if (!firstAt) throw new InvalidRequestError("the incident has no events to replay");
  return ctx.db.sql.transaction(async (tx) => {
    const [session] = await tx.query<{ id: string }>(
      "INSERT INTO replay_sessions (incident_id, title, clock, created_by_id) VALUES ($1, $2, $3, $4) RETURNING id",
      [incidentId, title, new Date(firstAt.getTime() - DAY_MS), ctx.actor.userId],
    );
    const id = (session as { id: string }).id;
    for (const step of chain?.steps ?? []) {
      const seen = step.inferred ? (step.endAt ?? step.startAt) : (step.startAt ?? step.endAt);
      if (!seen) continue;
      await tx.query("INSERT INTO replay_injects (incident_id, session_id, at, text) VALUES ($4, $1, $2, $3)", [
        id,
        seen,
        promptFor(step.stageKey, step.stageName, step.title),
        incidentId,
      ]);
    }
    await recordAuditSql(tx, ctx, { action: "replay.create", entityType: "ReplaySession", entityId: id, incidentId, after: { title } });
    return { id };
  });
}

export const ZMoveClock = z.union([
  z.object({ to: z.string().datetime({ offset: true }) }),
  z.object({ step: z.enum(["hour", "day", "week", "next-event", "next-inject"]) }),
]);

/** Moves the clock to a time, by a step, or to the next event or prompt after it. */
export async function moveClock(
  ctx: Ctx,
  incidentId: string,
  sessionId: string,
  input: z.input<typeof ZMoveClock>,
): Promise<{ clock: string }> {
  await authorize(ctx, incidentId, "evidence.edit");
  const move = ZMoveClock.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const session = await sessionOf(tx, incidentId, sessionId);
    let clock: Date;
    if ("to" in move) clock = new Date(move.to);
    else if (move.step === "hour" || move.step === "day" || move.step === "week")
      clock = new Date(session.clock.getTime() + { hour: DAY_MS / 24, day: DAY_MS, week: 7 * DAY_MS }[move.step]);
    else {
      const [next] =
        move.step === "next-event"
          ? await tx.query<{ at: Date }>("SELECT min(occurred_at) AS at FROM events WHERE incident_id = $1 AND occurred_at > $2", [
              incidentId,
              session.clock,
            ])
          : await tx.query<{ at: Date }>("SELECT min(at) AS at FROM replay_injects WHERE session_id = $1 AND at > $2", [
              sessionId,
              session.clock,
            ]);
      if (!next?.at) throw new InvalidRequestError(move.step === "next-event" ? "no event after the clock" : "no prompt after the clock");
      clock = next.at;
    }
    await tx.query("UPDATE replay_sessions SET clock = $2 WHERE id = $1", [sessionId, clock]);
    return { clock: clock.toISOString() };
  });
}

/** Records what the players decided, at the replay clock's time. */
export async function recordDecision(ctx: Ctx, incidentId: string, sessionId: string, input: { text: string }): Promise<{ id: string }> {
  await authorize(ctx, incidentId, "evidence.edit");
  const text = z.string().trim().min(1).max(2000).parse(input.text);
  return ctx.db.sql.transaction(async (tx) => {
    const session = await sessionOf(tx, incidentId, sessionId);
    const [row] = await tx.query<{ id: string }>(
      "INSERT INTO replay_decisions (incident_id, session_id, clock, text, recorded_by_id) VALUES ($5, $1, $2, $3, $4) RETURNING id",
      [sessionId, session.clock, text, ctx.actor.userId, incidentId],
    );
    await recordAuditSql(tx, ctx, {
      action: "replay.decision",
      entityType: "ReplaySession",
      entityId: sessionId,
      incidentId,
      after: { clock: session.clock, text },
    });
    return { id: (row as { id: string }).id };
  });
}

/** Adds a prompt due at an incident time. */
export async function addInject(
  ctx: Ctx,
  incidentId: string,
  sessionId: string,
  input: { at: string; text: string },
): Promise<{ id: string }> {
  await authorize(ctx, incidentId, "evidence.edit");
  const data = z.object({ at: z.string().datetime({ offset: true }), text: z.string().trim().min(1).max(2000) }).parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    await sessionOf(tx, incidentId, sessionId);
    const [row] = await tx.query<{ id: string }>(
      "INSERT INTO replay_injects (incident_id, session_id, at, text) VALUES ($4, $1, $2, $3) RETURNING id",
      [sessionId, data.at, data.text, incidentId],
    );
    return { id: (row as { id: string }).id };
  });
}
