import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Permission } from "@/lib/access/permissions";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { CHECKLIST, type ChecklistKey } from "./review-checklist";
import { citedIds } from "./story-markdown";

export { CHECKLIST, type ChecklistKey };

export const ZApprove = z.object({
  checklist: z.object(Object.fromEntries(Object.keys(CHECKLIST).map((k) => [k, z.boolean()])) as Record<ChecklistKey, z.ZodBoolean>),
});

type VersionRow = {
  id: string;
  incident_id: string;
  story_id: string;
  number: number;
  status: string;
  title: string;
  body: string;
  created_by_id: string;
  submitted_by_id: string | null;
  story_author_id: string;
};

async function lockVersion(tx: SqlRunner, ctx: Ctx, versionId: string, permission: Permission): Promise<VersionRow> {
  if (!isUuid(versionId)) throw new NotFoundError(`no story version ${versionId}`);
  const [v] = await tx.query<VersionRow>(
    `SELECT v.id, v.incident_id, v.story_id, v.number, v.status, v.title, v.body, v.created_by_id, v.submitted_by_id, s.author_id AS story_author_id
     FROM story_versions v JOIN stories s ON s.id = v.story_id WHERE v.id = $1 FOR UPDATE OF v`,
    [versionId],
  );
  if (!v) throw new NotFoundError(`no story version ${versionId}`);
  await authorize(ctx, v.incident_id, permission, tx);
  return v;
}

const requireStatus = (v: VersionRow, status: string, doing: string) => {
  if (v.status !== status)
    throw new InvalidRequestError(`cannot ${doing}: version ${v.number} is ${v.status.replace("_", " ")}, not ${status.replace("_", " ")}`);
};

async function audit(tx: SqlRunner, ctx: Ctx, v: VersionRow, action: string, after: Record<string, unknown>) {
  await recordAuditSql(tx, ctx, {
    incidentId: v.incident_id,
    action,
    entityType: "story",
    entityId: v.story_id,
    before: { version: v.number, status: v.status },
    after,
  });
}

/** One step of the workflow that records who took it and when (`<stamp>_by_id`, `<stamp>_at`), audited. */
async function stampedStep(
  ctx: Ctx,
  versionId: string,
  step: { permission: Permission; from: string; to: string; stamp: "submitted" | "published"; doing: string; action: string },
) {
  return ctx.db.sql.transaction(async (tx) => {
    const v = await lockVersion(tx, ctx, versionId, step.permission);
    requireStatus(v, step.from, step.doing);
    await tx.query(`UPDATE story_versions SET status = $3, ${step.stamp}_by_id = $2, ${step.stamp}_at = now() WHERE id = $1`, [
      v.id,
      ctx.actor.userId,
      step.to,
    ]);
    await audit(tx, ctx, v, step.action, { version: v.number, status: step.to });
  });
}

/** Draft → in review: the text stops changing until a reviewer decides. */
export const submitForReview = (ctx: Ctx, versionId: string) =>
  stampedStep(ctx, versionId, {
    permission: "stories.edit",
    from: "draft",
    to: "in_review",
    stamp: "submitted",
    doing: "send for review",
    action: "story.submit",
  });

/**
 * In review → approved, by someone who neither started the story nor wrote or sent this version,
 * with every checklist item confirmed; the checks the server can make it makes itself (a citation
 * in the text, an owner on every open action item).
 */
export async function approveStory(ctx: Ctx, versionId: string, input: z.input<typeof ZApprove>) {
  const { checklist } = ZApprove.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const v = await lockVersion(tx, ctx, versionId, "stories.review");
    requireStatus(v, "in_review", "approve");
    const me = ctx.actor.userId;
    if (me === v.story_author_id || me === v.created_by_id || me === v.submitted_by_id) {
      throw new ForbiddenError("a story is approved by a reviewer who is not its author");
    }
    const unchecked = (Object.keys(CHECKLIST) as ChecklistKey[]).filter((k) => !checklist[k]);
    if (unchecked.length > 0) throw new InvalidRequestError(`not yet: ${unchecked.map((k) => CHECKLIST[k].toLowerCase()).join("; ")}`);
    // A token counts only when it names one of this story's citations.
    const [cited] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM story_citations WHERE story_id = $1 AND id = ANY($2::uuid[])",
      [v.story_id, citedIds(v.body)],
    );
    if ((cited?.n ?? 0) === 0) throw new InvalidRequestError("not yet: the story cites no evidence");
    // The story's own action items and the incident's that belong to no story (added on the Story tab).
    const [unowned] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM action_items WHERE incident_id = $1 AND (story_id = $2 OR story_id IS NULL)
         AND owner = '' AND status IN ('open', 'in_progress')`,
      [v.incident_id, v.story_id],
    );
    if ((unowned?.n ?? 0) > 0) throw new InvalidRequestError(`not yet: ${unowned?.n} action item(s) have no owner`);
    await tx.query(
      "UPDATE story_versions SET status = 'approved', approved_by_id = $2, approved_at = now(), checklist = $3 WHERE id = $1",
      [v.id, me, JSON.stringify(checklist)],
    );
    await audit(tx, ctx, v, "story.approve", { version: v.number, status: "approved", checklist });
  });
}

/** Approved → published: from now on this version never changes (a trigger refuses any update). */
export const publishStory = (ctx: Ctx, versionId: string) =>
  stampedStep(ctx, versionId, {
    permission: "stories.review",
    from: "approved",
    to: "published",
    stamp: "published",
    doing: "publish",
    action: "story.publish",
  });

/** In review or approved → draft again (changes asked for, or the author wants to revise): the approval lapses. */
export async function returnToDraft(ctx: Ctx, versionId: string) {
  return ctx.db.sql.transaction(async (tx) => {
    const v = await lockVersion(tx, ctx, versionId, "stories.edit");
    if (v.status !== "in_review" && v.status !== "approved") requireStatus(v, "in_review", "return to draft");
    await tx.query(
      "UPDATE story_versions SET status = 'draft', approved_by_id = NULL, approved_at = NULL, checklist = NULL, revision = revision + 1 WHERE id = $1",
      [v.id],
    );
    await audit(tx, ctx, v, "story.return-to-draft", { version: v.number, status: "draft" });
  });
}

/** The next version of a published story, a draft holding the published text: where editing continues. */
export async function startNextVersion(ctx: Ctx, versionId: string): Promise<{ versionId: string; number: number }> {
  return ctx.db.sql.transaction(async (tx) => {
    const v = await lockVersion(tx, ctx, versionId, "stories.edit");
    requireStatus(v, "published", "start a new version from it");
    const [latest] = await tx.query<{ number: number; status: string }>(
      "SELECT number, status FROM story_versions WHERE story_id = $1 ORDER BY number DESC LIMIT 1",
      [v.story_id],
    );
    if (latest && latest.number !== v.number)
      throw new InvalidRequestError(`version ${latest.number} already follows it (${latest.status.replace("_", " ")})`);
    const number = v.number + 1;
    const [next] = await tx.query<{ id: string }>(
      `INSERT INTO story_versions (incident_id, story_id, number, title, body, created_by_id, updated_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [v.incident_id, v.story_id, number, v.title, v.body, ctx.actor.userId],
    );
    if (!next) throw new Error("story version was not written");
    await audit(tx, ctx, v, "story.new-version", { version: number, status: "draft" });
    return { versionId: next.id, number };
  });
}
