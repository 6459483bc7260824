import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { AUDIENCES, templateBody, templateByKey } from "./templates";

export const ZCreateStory = z.object({
  title: z.string().trim().min(1, "a story needs a title").max(300),
  template: z.string().default("postmortem"),
  audience: z.enum(Object.keys(AUDIENCES) as [keyof typeof AUDIENCES]).optional(),
});
export type TCreateStory = z.input<typeof ZCreateStory>;

/** A new story, its first version a draft holding the template's sections; audited. */
export async function createStory(ctx: Ctx, incidentId: string, input: TCreateStory): Promise<{ storyId: string; versionId: string }> {
  const data = ZCreateStory.parse(input);
  const template = templateByKey(data.template);
  if (!template) throw new InvalidRequestError(`no story template "${data.template}"`);
  await authorize(ctx, incidentId, "stories.edit");
  return ctx.db.sql.transaction(async (tx) => {
    const [story] = await tx.query<{ id: string }>(
      `INSERT INTO stories (incident_id, title, audience, template, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [incidentId, data.title, data.audience ?? template.audience, template.key, ctx.actor.userId],
    );
    if (!story) throw new Error("story was not written");
    const [version] = await tx.query<{ id: string }>(
      `INSERT INTO story_versions (incident_id, story_id, number, title, body, created_by_id, updated_by_id)
       VALUES ($1, $2, 1, $3, $4, $5, $5) RETURNING id`,
      [incidentId, story.id, data.title, templateBody(template), ctx.actor.userId],
    );
    if (!version) throw new Error("story version was not written");
    await recordAuditSql(tx, ctx, {
      incidentId,
      action: "story.create",
      entityType: "story",
      entityId: story.id,
      after: { title: data.title, template: template.key, audience: data.audience ?? template.audience },
    });
    return { storyId: story.id, versionId: version.id };
  });
}
