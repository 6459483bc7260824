import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { PERMISSIONS } from "@/lib/access/permissions";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { ACTION_KINDS, ACTION_STATUSES } from "./action-item-kinds";

export { ACTION_KINDS, ACTION_STATUSES };

/** Only web links: a ticket link is shown as a link, and javascript: or data: must never be one. */
const ticketUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), "a ticket link is an http(s) address");

export const ZActionItem = z.object({
  title: z.string().trim().min(1, "an action item needs a title").max(500),
  kind: z.enum(ACTION_KINDS),
  owner: z.string().trim().max(200).default(""),
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a due date is YYYY-MM-DD")
    .nullable()
    .optional(),
  status: z.enum(ACTION_STATUSES).default("open"),
  ticketUrl: ticketUrl.nullable().optional(),
  storyId: z.string().uuid().nullable().optional(),
});
export const ZActionItemPatch = ZActionItem.partial().omit({ storyId: true });

export type ActionItemView = {
  id: string;
  incidentId: string;
  incidentTitle: string;
  storyId: string | null;
  /** The story that proposed it (its title), if any. */
  storyTitle: string | null;
  title: string;
  kind: (typeof ACTION_KINDS)[number];
  owner: string;
  dueOn: string | null;
  status: (typeof ACTION_STATUSES)[number];
  ticketUrl: string | null;
  /** Not done and past its due date (today in UTC). */
  overdue: boolean;
};

const SELECT = `SELECT a.id, a.incident_id AS "incidentId", i.title AS "incidentTitle", a.story_id AS "storyId", s.title AS "storyTitle", a.title, a.kind, a.owner,
    to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.ticket_url AS "ticketUrl",
    (a.status IN ('open', 'in_progress') AND a.due_on < (now() AT TIME ZONE 'UTC')::date) AS overdue
  FROM action_items a JOIN incidents i ON i.id = a.incident_id LEFT JOIN stories s ON s.id = a.story_id`;
// Open first, overdue first among them, then by due date.
const ORDER = `ORDER BY (a.status IN ('open', 'in_progress')) DESC, overdue DESC, a.due_on NULLS LAST, a.created_at`;

export async function addActionItem(ctx: Ctx, incidentId: string, input: z.input<typeof ZActionItem>): Promise<{ id: string }> {
  const data = ZActionItem.parse(input);
  await authorize(ctx, incidentId, "stories.edit");
  return ctx.db.sql.transaction(async (tx) => {
    if (data.storyId) {
      const [s] = await tx.query("SELECT 1 FROM stories WHERE id = $1 AND incident_id = $2", [data.storyId, incidentId]);
      if (!s) throw new NotFoundError(`no story ${data.storyId} in this incident`);
    }
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO action_items (incident_id, story_id, title, kind, owner, due_on, status, ticket_url, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9) RETURNING id`,
      [
        incidentId,
        data.storyId ?? null,
        data.title,
        data.kind,
        data.owner,
        data.dueOn ?? null,
        data.status,
        data.ticketUrl ?? null,
        ctx.actor.userId,
      ],
    );
    if (!row) throw new Error("action item was not written");
    await recordAuditSql(tx, ctx, { incidentId, action: "action-item.add", entityType: "action_item", entityId: row.id, after: data });
    return row;
  });
}

export async function updateActionItem(ctx: Ctx, itemId: string, input: z.input<typeof ZActionItemPatch>): Promise<void> {
  const data = ZActionItemPatch.parse(input);
  if (!isUuid(itemId)) throw new NotFoundError(`no action item ${itemId}`);
  await ctx.db.sql.transaction(async (tx) => {
    const [before] = await tx.query<Record<string, unknown> & { incident_id: string }>(
      "SELECT * FROM action_items WHERE id = $1 FOR UPDATE",
      [itemId],
    );
    if (!before) throw new NotFoundError(`no action item ${itemId}`);
    await authorize(ctx, before.incident_id, "stories.edit", tx);
    await tx.query(
      `UPDATE action_items SET title = coalesce($2, title), kind = coalesce($3, kind), owner = coalesce($4, owner),
         due_on = CASE WHEN $5::boolean THEN $6::date ELSE due_on END, status = coalesce($7, status),
         ticket_url = CASE WHEN $8::boolean THEN $9 ELSE ticket_url END, updated_at = now()
       WHERE id = $1`,
      [
        itemId,
        data.title ?? null,
        data.kind ?? null,
        data.owner ?? null,
        data.dueOn !== undefined,
        data.dueOn ?? null,
        data.status ?? null,
        data.ticketUrl !== undefined,
        data.ticketUrl ?? null,
      ],
    );
    await recordAuditSql(tx, ctx, {
      incidentId: before.incident_id,
      action: "action-item.update",
      entityType: "action_item",
      entityId: itemId,
      before,
      after: data,
    });
  });
}

/** One incident's action items: open first, overdue flagged. */
export async function listActionItems(ctx: Ctx, incidentId: string): Promise<ActionItemView[]> {
  await authorize(ctx, incidentId, "stories.view");
  return ctx.db.sql.query<ActionItemView>(`${SELECT} WHERE a.incident_id = $1 ${ORDER}`, [incidentId]);
}

/** Every action item of the incidents whose stories the actor may read, open first, overdue flagged. */
export async function listAllActionItems(ctx: Ctx): Promise<ActionItemView[]> {
  return ctx.db.sql.query<ActionItemView>(
    `${SELECT} JOIN memberships m ON m.incident_id = a.incident_id AND m.user_id = $1 AND m.role::text = ANY($2::text[]) ${ORDER}`,
    [ctx.actor.userId, PERMISSIONS["stories.view"]],
  );
}
