import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { type TAddStage, type TRenameStage, type TReorderStages, ZAddStage, ZRenameStage, ZReorderStages } from "@/lib/schemas/stages";

/** A stage change that would leave the list inconsistent (a duplicate key, a reorder missing a stage). */
export class StageListError extends InvalidRequestError {}

type StageRow = { id: string; key: string; name: string; position: number };

async function stagesOf(tx: SqlRunner, ctx: Ctx, incidentId: string): Promise<StageRow[]> {
  await authorize(ctx, incidentId, "evidence.edit", tx);
  // Lock the list: two edits at once must not hand out the same position.
  return tx.query<StageRow>("SELECT id, key, name, position FROM stages WHERE incident_id = $1 ORDER BY position FOR UPDATE", [incidentId]);
}

/** Writes positions 0…n-1 in the given order, and the chain steps' positions with them. */
async function renumber(tx: SqlRunner, incidentId: string, ids: string[]) {
  await tx.query(
    `UPDATE stages s SET position = o.pos - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, pos)
     WHERE s.id = o.id AND s.incident_id = $1`,
    [incidentId, ids],
  );
  await tx.query("UPDATE chain_steps c SET position = s.position FROM stages s WHERE s.id = c.stage_id AND c.incident_id = $1", [
    incidentId,
  ]);
}

/** Adds a stage to the incident's chain (last, or at `position`); audited. */
export async function addStage(ctx: Ctx, incidentId: string, input: TAddStage) {
  const data = ZAddStage.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const stages = await stagesOf(tx, ctx, incidentId);
    if (stages.some((s) => s.key === data.key)) throw new StageListError(`the incident already has a stage "${data.key}"`);
    const [row] = await tx.query<StageRow>(
      `INSERT INTO stages (incident_id, key, name, description, attack_tactic, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, key, name, position`,
      [incidentId, data.key, data.name, data.description, data.attackTactic, stages.length],
    );
    if (!row) throw new Error("stage was not written");
    const order = stages.map((s) => s.id);
    order.splice(Math.min(data.position ?? order.length, order.length), 0, row.id);
    await renumber(tx, incidentId, order);
    await recordAuditSql(tx, ctx, {
      action: "stage.add",
      entityType: "Stage",
      entityId: row.id,
      incidentId,
      after: { ...data, position: order.indexOf(row.id) },
    });
    return { ...row, position: order.indexOf(row.id) };
  });
}

/** Renames a stage (its key, which rules use, stays); audited. */
export async function renameStage(ctx: Ctx, incidentId: string, key: string, input: TRenameStage) {
  const data = ZRenameStage.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const before = (await stagesOf(tx, ctx, incidentId)).find((s) => s.key === key);
    if (!before) throw new NotFoundError(`incident has no stage "${key}"`);
    await tx.query("UPDATE stages SET name = $2, description = coalesce($3, description) WHERE id = $1", [
      before.id,
      data.name,
      data.description ?? null,
    ]);
    await recordAuditSql(tx, ctx, {
      action: "stage.rename",
      entityType: "Stage",
      entityId: before.id,
      incidentId,
      before,
      after: { ...before, ...data },
    });
    return { ...before, name: data.name };
  });
}

/** Puts the stages in a new order; every stage must be named exactly once. Audited. */
export async function reorderStages(ctx: Ctx, incidentId: string, input: TReorderStages) {
  const data = ZReorderStages.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const stages = await stagesOf(tx, ctx, incidentId);
    const byKey = new Map(stages.map((s) => [s.key, s.id]));
    const unknown = data.keys.filter((k) => !byKey.has(k));
    const missing = stages.filter((s) => !data.keys.includes(s.key)).map((s) => s.key);
    if (unknown.length || missing.length || new Set(data.keys).size !== data.keys.length) {
      throw new StageListError(
        [unknown.length && `unknown: ${unknown.join(", ")}`, missing.length && `missing: ${missing.join(", ")}`, "each stage exactly once"]
          .filter(Boolean)
          .join("; "),
      );
    }
    await renumber(
      tx,
      incidentId,
      data.keys.map((k) => byKey.get(k) as string),
    );
    await recordAuditSql(tx, ctx, {
      action: "stage.reorder",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      before: stages.map((s) => s.key),
      after: data.keys,
    });
    return data.keys;
  });
}
