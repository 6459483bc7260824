import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import { ConflictError } from "@/lib/errors/conflict";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";

/** A story body's limit: a long post-mortem is ~20,000 words; this leaves room for tables. */
const BODY_MAX = 1_000_000;

export const ZSaveStory = z.object({
  /** The revision the editor's text is based on: a save based on an older one is refused with what is there now. */
  baseRevision: z.number().int().min(0),
  title: z.string().trim().min(1).max(300).optional(),
  body: z.string().max(BODY_MAX, "a story body is at most 1,000,000 characters"),
});
export type TSaveStory = z.input<typeof ZSaveStory>;

export type SavedVersion = { versionId: string; revision: number; updatedAt: Date };
export type CurrentVersion = { revision: number; title: string; body: string; updatedBy: string | null; updatedAt: Date };

/**
 * Saves a draft version's text. The save names the revision it started from; when someone saved
 * in between, nothing is overwritten: a ConflictError carries their text for the editor's merge
 * view. Only drafts change (a version in review, approved or published is returned to draft or
 * followed by a new version first). Autosave calls this often, so it is not audited per save; the
 * version keeps who saved last and when.
 */
export async function saveStory(ctx: Ctx, versionId: string, input: TSaveStory): Promise<SavedVersion> {
  const data = ZSaveStory.parse(input);
  if (!isUuid(versionId)) throw new NotFoundError(`no story version ${versionId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [v] = await tx.query<{ incident_id: string; status: string; revision: number }>(
      "SELECT incident_id, status, revision FROM story_versions WHERE id = $1 FOR UPDATE",
      [versionId],
    );
    if (!v) throw new NotFoundError(`no story version ${versionId}`);
    await authorize(ctx, v.incident_id, "stories.edit", tx);
    if (v.status !== "draft") throw new InvalidRequestError(`this version is ${v.status.replace("_", " ")}: only a draft can be edited`);
    if (v.revision !== data.baseRevision) {
      const [current] = await tx.query<CurrentVersion>(
        `SELECT v.revision, v.title, v.body, u.name AS "updatedBy", v.updated_at AS "updatedAt"
         FROM story_versions v LEFT JOIN users u ON u.id = v.updated_by_id WHERE v.id = $1`,
        [versionId],
      );
      throw new ConflictError(
        `${current?.updatedBy ?? "someone"} saved this story since you opened it (revision ${v.revision}, yours ${data.baseRevision}): nothing of theirs or yours is lost; merge and save again`,
        current,
      );
    }
    const [saved] = await tx.query<{ revision: number; updated_at: Date }>(
      `UPDATE story_versions SET body = $2, title = coalesce($3, title), revision = revision + 1, updated_by_id = $4, updated_at = now()
       WHERE id = $1 RETURNING revision, updated_at`,
      [versionId, data.body, data.title ?? null, ctx.actor.userId],
    );
    if (!saved) throw new NotFoundError(`no story version ${versionId}`);
    return { versionId, revision: saved.revision, updatedAt: saved.updated_at };
  });
}
