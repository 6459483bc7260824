import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { roleAllows } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type CitationKind, type CitedFields, changedFields, readCitedObject } from "./cited-object";
import { citedIds } from "./story-markdown";

export type StoryVersionView = {
  id: string;
  number: number;
  title: string;
  body: string;
  status: "draft" | "in_review" | "approved" | "published";
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
};

export type CitationView = {
  id: string;
  kind: CitationKind;
  ref: string;
  frozen: CitedFields;
  citedBy: string;
  citedAt: Date;
  /** What differs now ("changed since cited"); a published version shows the frozen text either way. */
  changes: { field: string; cited: unknown; now: unknown }[];
};

export type StoryView = {
  id: string;
  incidentId: string;
  title: string;
  audience: string;
  template: string;
  author: string;
  authorId: string;
  /** The incident's time zone, in which the story shows times. */
  zone: string;
  /** Every version the reader may see, newest first (executives: the published ones). */
  versions: Omit<StoryVersionView, "body">[];
  /** The version asked for, else the newest the reader may see. */
  version: StoryVersionView;
  /** The citations the version's text refers to, in order of first use. */
  citations: CitationView[];
};

const VERSION_COLUMNS = `v.id, v.number, v.title, v.status, v.revision, cb.name AS "createdBy", v.created_at AS "createdAt",
  ub.name AS "updatedBy", v.updated_at AS "updatedAt", sb.name AS "submittedBy", v.submitted_at AS "submittedAt",
  ab.name AS "approvedBy", v.approved_at AS "approvedAt", pb.name AS "publishedBy", v.published_at AS "publishedAt"`;
const VERSION_JOINS = `JOIN users cb ON cb.id = v.created_by_id LEFT JOIN users ub ON ub.id = v.updated_by_id
  LEFT JOIN users sb ON sb.id = v.submitted_by_id LEFT JOIN users ab ON ab.id = v.approved_by_id LEFT JOIN users pb ON pb.id = v.published_by_id`;

/**
 * A story as its reader may see it: analysts and viewers every version, executives only what was
 * published (an unpublished story is a 404 to them). Citations come frozen, with what changed since.
 */
export async function getStory(ctx: Ctx, storyId: string, versionNumber?: number): Promise<StoryView> {
  if (!isUuid(storyId)) throw new NotFoundError(`no story ${storyId}`);
  const [story] = await ctx.db.sql.query<{
    id: string;
    incident_id: string;
    title: string;
    audience: string;
    template: string;
    author: string;
    author_id: string;
    zone: string;
  }>(
    `SELECT s.id, s.incident_id, s.title, s.audience, s.template, u.name AS author, s.author_id, i.time_zone AS zone
     FROM stories s JOIN users u ON u.id = s.author_id JOIN incidents i ON i.id = s.incident_id WHERE s.id = $1`,
    [storyId],
  );
  if (!story) throw new NotFoundError(`no story ${storyId}`);
  const role = await authorize(ctx, story.incident_id, "chain.view");
  const publishedOnly = !roleAllows(role, "stories.view");
  const versions = await ctx.db.sql.query<Omit<StoryVersionView, "body">>(
    `SELECT ${VERSION_COLUMNS} FROM story_versions v ${VERSION_JOINS}
     WHERE v.story_id = $1 ${publishedOnly ? "AND v.status = 'published'" : ""} ORDER BY v.number DESC`,
    [storyId],
  );
  const chosen = versionNumber === undefined ? versions[0] : versions.find((v) => v.number === versionNumber);
  if (!chosen)
    throw new NotFoundError(versionNumber === undefined ? `no story ${storyId}` : `no version ${versionNumber} of story ${storyId}`);
  const [{ body } = { body: "" }] = await ctx.db.sql.query<{ body: string }>("SELECT body FROM story_versions WHERE id = $1", [chosen.id]);
  const ids = citedIds(body);
  const rows = ids.length
    ? await ctx.db.sql.query<{ id: string; kind: CitationKind; ref: string; frozen: CitedFields; cited_by: string; cited_at: Date }>(
        `SELECT c.id, c.kind, c.ref, c.frozen, u.name AS cited_by, c.cited_at FROM story_citations c JOIN users u ON u.id = c.cited_by_id
         WHERE c.story_id = $1 AND c.id = ANY($2::uuid[])`,
        [storyId, ids],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const citations: CitationView[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    // Executives do not read raw evidence: they get the frozen card, not a comparison with the live event.
    const live = publishedOnly || r.kind === "figure" ? r.frozen : await readCitedObject(ctx.db.sql, story.incident_id, r.kind, r.ref);
    // Executives read the story, not the raw evidence behind it: no event ids, sources or lines.
    const shown =
      publishedOnly && r.kind === "event"
        ? { ref: "", frozen: withoutKeys(r.frozen, ["source", "line"]) }
        : { ref: r.ref, frozen: r.frozen };
    citations.push({
      id: r.id,
      kind: r.kind,
      ...shown,
      citedBy: r.cited_by,
      citedAt: r.cited_at,
      changes: changedFields(r.frozen, live),
    });
  }
  return {
    id: story.id,
    incidentId: story.incident_id,
    title: story.title,
    audience: story.audience,
    template: story.template,
    author: story.author,
    authorId: story.author_id,
    zone: story.zone,
    versions,
    version: { ...chosen, body },
    citations,
  };
}

function withoutKeys(o: CitedFields, keys: string[]): CitedFields {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

export type StoryListItem = {
  id: string;
  title: string;
  audience: string;
  template: string;
  author: string;
  status: string;
  version: number;
  updatedAt: Date;
};

/** The incident's stories, newest first, each with its latest version the reader may see. */
export async function listStories(ctx: Ctx, incidentId: string): Promise<StoryListItem[]> {
  const role = await authorize(ctx, incidentId, "chain.view");
  const publishedOnly = !roleAllows(role, "stories.view");
  return ctx.db.sql.query<StoryListItem>(
    `SELECT s.id, v.title, s.audience, s.template, u.name AS author, v.status, v.number AS version, v.updated_at AS "updatedAt"
     FROM stories s JOIN users u ON u.id = s.author_id
     JOIN LATERAL (SELECT title, status, number, updated_at FROM story_versions x WHERE x.story_id = s.id
                   ${publishedOnly ? "AND x.status = 'published'" : ""} ORDER BY number DESC LIMIT 1) v ON true
     WHERE s.incident_id = $1 ORDER BY v.updated_at DESC`,
    [incidentId],
  );
}
