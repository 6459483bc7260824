import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { formatDateTime } from "@/lib/format/format-time";
import { citeTx } from "./cite";
import type { CitationKind } from "./cited-object";
import { citeToken, withoutHelp } from "./story-markdown";
import { type SectionFill, templateByKey } from "./templates";

/**
 * Fills a draft's sections from what the incident holds, deterministically (the same evidence
 * writes the same text): the chain in plain words, a timeline table of the steps and the key and
 * starred events, the unknowns (gaps, inferred steps with their confidence history, hypotheses
 * still open), the impact from the entities the chain's evidence names, and the sources with their
 * sha256. Every line that states a fact carries a citation, frozen like any other.
 */

type Step = {
  id: string;
  stage: string;
  stage_key: string;
  title: string;
  start_at: Date | null;
  end_at: Date | null;
  confidence: string;
  score: number;
  inferred: boolean;
  rationale: string;
};
type Evidence = {
  steps: Step[];
  history: { step_id: string; confidence: string; score: number; effective_at: Date; by: string }[];
  keyEvents: { id: string; at: Date; stage: string | null; message: string }[];
  gaps: { id: string; scope: string; start_at: Date; end_at: Date; reason: string; description: string }[];
  hypotheses: { id: string; title: string; status: string }[];
  impact: { kind: string; n: number }[];
  sources: { name: string; format: string; sha256: string; imported: number; first: Date | null; last: Date | null }[];
  zone: string;
};

async function readEvidence(sql: SqlRunner, incidentId: string): Promise<Evidence> {
  const [incident] = await sql.query<{ time_zone: string }>("SELECT time_zone FROM incidents WHERE id = $1", [incidentId]);
  // The chain's steps in chain order (chains by first evidence, then position); findings are not the story.
  const steps = await sql.query<Step>(
    `SELECT s.id, st.name AS stage, st.key AS stage_key, s.title, s.start_at, s.end_at, s.confidence::text AS confidence,
            s.confidence_score AS score, s.is_inferred AS inferred, s.rationale
     FROM chain_steps s JOIN stages st ON st.id = s.stage_id LEFT JOIN chains c ON c.id = s.chain_id
     WHERE s.incident_id = $1 AND coalesce(c.kind, 'chain') = 'chain'
     ORDER BY c.ordinal NULLS LAST, s.position, s.start_at NULLS LAST, s.id`,
    [incidentId],
  );
  const history = await sql.query<Evidence["history"][number]>(
    `SELECT h.step_id, h.confidence::text AS confidence, h.confidence_score AS score, h.effective_at, coalesce(h.attributed_to, u.name) AS by
     FROM chain_step_confidence h JOIN chain_steps s ON s.id = h.step_id LEFT JOIN users u ON u.id = h.changed_by_id
     WHERE s.incident_id = $1 AND h.origin = 'analyst' ORDER BY h.effective_at, h.id`,
    [incidentId],
  );
  const keyEvents = await sql.query<Evidence["keyEvents"][number]>(
    `SELECT e.id::text AS id, e.occurred_at AS at, st.name AS stage, e.message
     FROM events e LEFT JOIN stages st ON st.id = e.stage_id
     WHERE e.incident_id = $1 AND EXISTS (SELECT 1 FROM annotations a WHERE a.event_id = e.id AND a.kind IN ('key_event', 'star'))
     ORDER BY e.occurred_at, e.id LIMIT 50`,
    [incidentId],
  );
  const gaps = await sql.query<Evidence["gaps"][number]>(
    `SELECT g.id, coalesce(src.name, g.scope) AS scope, g.start_at, g.end_at, g.reason::text AS reason, g.description
     FROM gaps g LEFT JOIN sources src ON src.id = g.source_id WHERE g.incident_id = $1
       AND (g.origin = 'declared' OR EXISTS (SELECT 1 FROM gap_chain_steps x WHERE x.gap_id = g.id))
     ORDER BY g.start_at, g.id`,
    [incidentId],
  );
  const hypotheses = await sql.query<Evidence["hypotheses"][number]>(
    "SELECT id, title, status::text AS status FROM hypotheses WHERE incident_id = $1 AND status IN ('leading', 'open') ORDER BY status, title, id",
    [incidentId],
  );
  // What the chain's own evidence names, by kind: the incident's other events are background.
  const impact = await sql.query<Evidence["impact"][number]>(
    `SELECT en.kind, count(DISTINCT en.id)::int AS n FROM chain_step_events cse
     JOIN chain_steps s ON s.incident_id = cse.incident_id AND s.id = cse.step_id
     JOIN event_entities ee ON ee.incident_id = cse.incident_id AND ee.event_id = cse.event_id
     JOIN entities en ON en.incident_id = ee.incident_id AND en.id = ee.entity_id
     WHERE cse.incident_id = $1 AND en.kind IN ('mailbox', 'account', 'host', 'app', 'key', 'ip', 'file') GROUP BY en.kind ORDER BY en.kind`,
    [incidentId],
  );
  const sources = await sql.query<Evidence["sources"][number]>(
    `SELECT name, format, sha256, imported_count AS imported, first_event_at AS first, last_event_at AS last
     FROM sources WHERE incident_id = $1 ORDER BY first_event_at NULLS LAST, name`,
    [incidentId],
  );
  return { steps, history, keyEvents, gaps, hypotheses, impact, sources, zone: incident?.time_zone ?? "UTC" };
}

/** A time in the incident's zone, to the second, as the app shows times. */
const when = (d: Date | null, zone: string) => (d ? formatDateTime(d, zone) : "unknown");

const span = (s: { start_at: Date | null; end_at: Date | null }, zone: string) =>
  s.start_at && s.end_at && +s.start_at === +s.end_at ? when(s.start_at, zone) : `${when(s.start_at, zone)} – ${when(s.end_at, zone)}`;
/** Table cells hold one line of text: pipes and line breaks would break the table. */
const cell = (text: string) =>
  text
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .slice(0, 300);
const belief = (s: Step) => `${s.confidence} ${s.score}${s.inferred ? ", inferred" : ""}`;

type Cite = (kind: CitationKind, ref: string) => Promise<string>;

/** What the impact counts, most telling first, in words. */
const IMPACT_ORDER = ["mailbox", "account", "host", "app", "key", "file", "ip"];
const IMPACT_NOUNS: Record<string, [string, string]> = {
  mailbox: ["mailbox", "mailboxes"],
  account: ["account", "accounts"],
  host: ["host", "hosts"],
  app: ["app", "apps"],
  key: ["signing key", "signing keys"],
  file: ["file", "files"],
  ip: ["address", "addresses"],
};

async function writeSection(fill: SectionFill, ev: Evidence, cite: Cite): Promise<string> {
  const z = ev.zone;
  switch (fill) {
    case "summary": {
      if (ev.steps.length === 0) return "The incident holds no chain yet: nothing can be summarised from the evidence.";
      const first = ev.steps[0] as Step;
      const lines = [
        `The evidence holds a chain of ${ev.steps.length} steps, from ${first.stage.toLowerCase()} (${when(first.start_at ?? first.end_at, z)}) to ${(ev.steps.at(-1) as Step).stage.toLowerCase()}. ${ev.steps.filter((s) => s.inferred).length} of them are inferred: no record shows them directly.`,
        "",
      ];
      for (const s of ev.steps) lines.push(`- ${s.stage}: ${span(s, z)}, ${belief(s)} ${citeToken(await cite("step", s.id))}`);
      return lines.join("\n");
    }
    case "timeline": {
      const rows = ["| When | Stage | What | Confidence | Evidence |", "| --- | --- | --- | --- | --- |"];
      for (const s of ev.steps)
        rows.push(`| ${span(s, z)} | ${cell(s.stage)} | ${cell(s.title)} | ${belief(s)} | ${citeToken(await cite("step", s.id))} |`);
      if (ev.keyEvents.length > 0) {
        rows.push("", "Key and starred events, by stage:", "");
        const byStage = new Map<string, Evidence["keyEvents"]>();
        for (const e of ev.keyEvents) byStage.set(e.stage ?? "No stage", [...(byStage.get(e.stage ?? "No stage") ?? []), e]);
        for (const [stage, events] of byStage) {
          rows.push(`**${cell(stage)}**`, "");
          for (const e of events) rows.push(`- ${when(e.at, z)}: ${cell(e.message)} ${citeToken(await cite("event", e.id))}`);
          rows.push("");
        }
      }
      return rows.join("\n").trim();
    }
    case "unknowns": {
      const lines: string[] = [];
      for (const g of ev.gaps)
        lines.push(
          `- No records from ${cell(g.scope)} between ${when(g.start_at, z)} and ${when(g.end_at, z)} (${g.reason.replace("_", " ")}). ${citeToken(await cite("gap", g.id))}`,
        );
      for (const s of ev.steps.filter((x) => x.inferred)) {
        const changes = ev.history
          .filter((h) => h.step_id === s.id)
          .map((h) => `${h.confidence} ${h.score} (${h.by}, ${when(h.effective_at, z).slice(0, 10)})`);
        lines.push(
          `- ${s.stage} is inferred, not seen: ${belief(s)}${changes.length ? `; assessed ${changes.join(" → ")}` : ""}. ${citeToken(await cite("step", s.id))}`,
        );
      }
      for (const h of ev.hypotheses)
        lines.push(`- Open question (${h.status}): ${cell(h.title)} ${citeToken(await cite("hypothesis", h.id))}`);
      return lines.length ? lines.join("\n") : "The evidence declares no gaps, no inferred steps and no open hypotheses.";
    }
    case "impact": {
      if (ev.impact.length === 0) return "The chain's evidence names no accounts, mailboxes or hosts yet.";
      const named = [...ev.impact]
        .sort((a, b) => IMPACT_ORDER.indexOf(a.kind) - IMPACT_ORDER.indexOf(b.kind))
        .map((i) => `${i.n} ${(IMPACT_NOUNS[i.kind] ?? [i.kind, `${i.kind}s`])[i.n === 1 ? 0 : 1]}`)
        .join(", ");
      return `The chain's evidence names ${named}. ${citeToken(await cite("step", (ev.steps[0] as Step).id))}`;
    }
    case "detection":
    case "response": {
      const keys = fill === "detection" ? ["detection", "detection-failure"] : ["response"];
      const steps = ev.steps.filter((s) => keys.includes(s.stage_key));
      if (steps.length === 0) return `The chain has no ${fill} step yet.`;
      const lines: string[] = [];
      for (const s of steps) lines.push(`- ${s.stage}: ${span(s, z)}, ${belief(s)}. ${citeToken(await cite("step", s.id))}`);
      return lines.join("\n");
    }
    case "sources": {
      const rows = ["| Source | Format | Events | Covers | sha256 |", "| --- | --- | --- | --- | --- |"];
      for (const s of ev.sources)
        rows.push(`| ${cell(s.name)} | ${s.format} | ${s.imported} | ${when(s.first, z)} – ${when(s.last, z)} | \`${s.sha256}\` |`);
      return rows.join("\n");
    }
    case "actions":
      return "";
  }
}

/**
 * Writes the draft from the evidence into a story's newest version, which must be a draft at the
 * revision the caller saw. Sections its template fills are written after their heading and help
 * when nothing has been written in them yet; every other line is kept as it is.
 */
export async function draftFromEvidence(
  ctx: Ctx,
  storyId: string,
  baseRevision: number,
): Promise<{ revision: number; body: string; filled: string[]; kept: string[] }> {
  if (!isUuid(storyId)) throw new NotFoundError(`no story ${storyId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [story] = await tx.query<{ incident_id: string; template: string }>("SELECT incident_id, template FROM stories WHERE id = $1", [
      storyId,
    ]);
    if (!story) throw new NotFoundError(`no story ${storyId}`);
    await authorize(ctx, story.incident_id, "stories.edit", tx);
    const [v] = await tx.query<{ id: string; status: string; revision: number; body: string }>(
      "SELECT id, status, revision, body FROM story_versions WHERE story_id = $1 ORDER BY number DESC LIMIT 1 FOR UPDATE",
      [storyId],
    );
    if (!v) throw new NotFoundError(`no story ${storyId}`);
    if (v.status !== "draft") throw new InvalidRequestError("only a draft can be drafted from the evidence");
    if (v.revision !== baseRevision)
      throw new InvalidRequestError(`the story changed since you opened it (revision ${v.revision}, yours ${baseRevision}): reload first`);
    const ev = await readEvidence(tx, story.incident_id);
    const cite: Cite = (kind, ref) => citeTx(tx, story.incident_id, storyId, kind, ref, ctx.actor.userId);
    let body = v.body;
    const filled: string[] = [];
    const kept: string[] = [];
    for (const section of templateByKey(story.template)?.sections ?? []) {
      if (!section.fill) continue;
      // A section someone has written in is theirs: drafting never overwrites it.
      if (sectionText(body, section.heading)) {
        kept.push(section.heading);
        continue;
      }
      const text = await writeSection(section.fill, ev, cite);
      if (!text) continue;
      body = fillSection(body, section.heading, text);
      filled.push(section.heading);
    }
    const [saved] = await tx.query<{ revision: number }>(
      "UPDATE story_versions SET body = $2, revision = revision + 1, updated_by_id = $3, updated_at = now() WHERE id = $1 RETURNING revision",
      [v.id, body, ctx.actor.userId],
    );
    await recordAuditSql(tx, ctx, {
      incidentId: story.incident_id,
      action: "story.draft-from-evidence",
      entityType: "story",
      entityId: storyId,
      after: { revision: saved?.revision, filled, kept },
    });
    return { revision: saved?.revision ?? v.revision + 1, body, filled, kept };
  });
}

/** The lines of a body and where the `## heading` section is in them: its heading line and the line after its end. */
function findSection(body: string, heading: string): { lines: string[]; at: number; end: number } {
  const lines = body.split("\n");
  const at = lines.findIndex((l) => l.trim() === `## ${heading}`);
  const next = at < 0 ? -1 : lines.findIndex((l, i) => i > at && /^## /.test(l));
  return { lines, at, end: next < 0 ? lines.length : next };
}

/** What a section holds besides its heading and help ("" when nothing has been written in it). */
export function sectionText(body: string, heading: string): string {
  const { lines, at, end } = findSection(body, heading);
  return at < 0 ? "" : withoutHelp(lines.slice(at + 1, end).join("\n")).trim();
}

/** The body with `text` written under the `## heading` (after its help comment), replacing what the section held. */
export function fillSection(body: string, heading: string, text: string): string {
  const { lines, at, end } = findSection(body, heading);
  if (at < 0) return `${body.trimEnd()}\n\n## ${heading}\n\n${text}\n`;
  const help = /<!--[\s\S]*?-->/.exec(lines.slice(at + 1, end).join("\n"))?.[0];
  const filled = [`## ${heading}`, "", ...(help ? [help, ""] : []), text, ""];
  return [...lines.slice(0, at), ...filled, ...lines.slice(end)].join("\n");
}
