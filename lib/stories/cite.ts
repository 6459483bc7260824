import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { CITATION_KINDS, type CitationKind, type CitedFields, REF_SHAPE, readCitedObject } from "./cited-object";
import { checkFigureSvg } from "./figure-svg-check";
import { citeToken } from "./story-markdown";

/** The most a figure's SVG may weigh: a timeline of a few thousand marks is well under it. */
const FIGURE_MAX = 3_000_000;

export const ZCite = z
  .object({
    kind: z.enum(CITATION_KINDS),
    ref: z.string().trim().min(1).max(2000),
    /** Also put the citation at the end of the story's draft (from "Cite in story…" outside the editor). */
    insert: z.boolean().default(false),
    /** A figure's picture (SVG of the timeline view as shown) and caption. */
    svg: z.string().max(FIGURE_MAX, "a figure is at most 3 MB of SVG").optional(),
    caption: z.string().trim().max(500).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== "figure") return;
    // Shown only as an image in the app, but Word takes the SVG as it is: only shapes, text and paint pass.
    const problem = checkFigureSvg(c.svg ?? "");
    if (problem) ctx.addIssue({ code: "custom", path: ["svg"], message: problem });
    if (!REF_SHAPE.figure.test(c.ref))
      ctx.addIssue({ code: "custom", path: ["ref"], message: "a figure's ref is a timeline view's query string" });
  });
export type TCite = z.input<typeof ZCite>;

/**
 * Cites an object of the story's incident in the story: what it says now is frozen into the
 * citation, and the token to put in the text is returned. Citing the same object again while it
 * is unchanged returns the existing citation, so a story does not collect duplicates.
 */
export async function citeInStory(
  ctx: Ctx,
  storyId: string,
  input: TCite,
): Promise<{ citationId: string; token: string; kind: CitationKind; ref: string; frozen: CitedFields; revision: number | null }> {
  const { kind, ref, insert, svg, caption } = ZCite.parse(input);
  const given = kind === "figure" ? { view: ref, caption: caption ?? "", svg: svg ?? "" } : undefined;
  if (!isUuid(storyId)) throw new NotFoundError(`no story ${storyId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [story] = await tx.query<{ incident_id: string }>("SELECT incident_id FROM stories WHERE id = $1", [storyId]);
    if (!story) throw new NotFoundError(`no story ${storyId}`);
    await authorize(ctx, story.incident_id, "stories.edit", tx);
    const id = await citeTx(tx, story.incident_id, storyId, kind, ref, ctx.actor.userId, given);
    const [row] = await tx.query<{ frozen: CitedFields }>("SELECT frozen FROM story_citations WHERE id = $1", [id]);
    const revision = insert ? await appendToDraft(tx, storyId, citeToken(id), ctx.actor.userId) : null;
    return { citationId: id, token: citeToken(id), kind, ref, frozen: row?.frozen ?? {}, revision };
  });
}

/**
 * Appends a citation card to the end of the story's newest version, which must be a draft; an editor
 * open on the older revision then gets the merge view on its next save, so neither text is lost.
 */
async function appendToDraft(tx: SqlRunner, storyId: string, token: string, userId: string): Promise<number> {
  const [v] = await tx.query<{ id: string; status: string; body: string }>(
    "SELECT id, status, body FROM story_versions WHERE story_id = $1 ORDER BY number DESC LIMIT 1 FOR UPDATE",
    [storyId],
  );
  if (v?.status !== "draft") throw new InvalidRequestError("the story's newest version is not a draft: start a new version to cite in it");
  const [saved] = await tx.query<{ revision: number }>(
    "UPDATE story_versions SET body = $2, revision = revision + 1, updated_by_id = $3, updated_at = now() WHERE id = $1 RETURNING revision",
    [v.id, `${v.body.replace(/\s*$/, "")}\n\n${token}\n`, userId],
  );
  return saved?.revision ?? 0;
}

/** Cites inside the caller's transaction (the caller has checked access): the citation's id. */
export async function citeTx(
  tx: SqlRunner,
  incidentId: string,
  storyId: string,
  kind: CitationKind,
  ref: string,
  userId: string,
  given?: CitedFields,
): Promise<string> {
  const frozen = given ?? (await readCitedObject(tx, incidentId, kind, ref));
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
