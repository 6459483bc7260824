import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors/not-found";
import { CITATION_KINDS, type CitationKind, readCitedObject } from "./cited-object";
import { citeToken } from "./story-markdown";

export const ZCite = z.object({ kind: z.enum(CITATION_KINDS), ref: z.string().trim().min(1).max(2000) });
export type TCite = z.input<typeof ZCite>;

/**
 * Cites an object of the story's incident in the story: what it says now is frozen into the
 * citation, and the token to put in the text is returned. Citing the same object again while it
 * is unchanged returns the existing citation, so a story does not collect duplicates.
 */
export async function citeInStory(ctx: Ctx, storyId: string, input: TCite): Promise<{ citationId: string; token: string }> {
  const { kind, ref } = ZCite.parse(input);
  if (!isUuid(storyId)) throw new NotFoundError(`no story ${storyId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [story] = await tx.query<{ incident_id: string }>("SELECT incident_id FROM stories WHERE id = $1", [storyId]);
    if (!story) throw new NotFoundError(`no story ${storyId}`);
    await authorize(ctx, story.incident_id, "stories.edit", tx);
    const id = await citeTx(tx, story.incident_id, storyId, kind, ref, ctx.actor.userId);
    return { citationId: id, token: citeToken(id) };
  });
}

/** Cites inside the caller's transaction (the caller has checked access): the citation's id. */
export async function citeTx(
  tx: SqlRunner,
  incidentId: string,
  storyId: string,
  kind: CitationKind,
  ref: string,
  userId: string,
): Promise<string> {
  const frozen = await readCitedObject(tx, incidentId, kind, ref);
  if (!frozen) throw new NotFoundError(`no ${kind} ${ref} in this incident`);
  const [same] = await tx.query<{ id: string }>(
    "SELECT id FROM story_citations WHERE story_id = $1 AND kind = $2 AND ref = $3 AND frozen = $4::jsonb ORDER BY cited_at LIMIT 1",
    [storyId, kind, ref, JSON.stringify(frozen)],
  );
  if (same) return same.id;
  const [row] = await tx.query<{ id: string }>(
    "INSERT INTO story_citations (incident_id, story_id, kind, ref, frozen, cited_by_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id",
    [incidentId, storyId, kind, ref, JSON.stringify(frozen), userId],
  );
  if (!row) throw new Error("citation was not written");
  return row.id;
}
