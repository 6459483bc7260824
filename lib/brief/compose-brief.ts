import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type ChainStepView, type ChainView, getChain } from "@/lib/queries/get-chain";
import { type BriefAssessment, briefAssessmentAsOf } from "./brief-assessment";
import { day } from "./brief-day";
import { type BriefBox, chainBoxes } from "./chain-boxes";

export type BriefView = {
  incidentId: string;
  title: string;
  status: string;
  zone: string;
  /** The day the brief is as of (YYYY-MM-DD), or null for now. */
  asOf: string | null;
  sentences: string[];
  /** The sentences as drafted from the evidence (what an analyst starts from when rewriting them). */
  drafted: string[];
  /** The analyst's judgement in effect on the brief's date: priority, impact, own sentences, decisions. */
  assessment: BriefAssessment | null;
  counts: { label: string; n: number }[];
  boxes: BriefBox[];
  known: string[];
  unknown: string[];
  changed: string[];
  decisions: { text: string; owner: string }[];
  /** Where what is believed now differs from what was believed on the brief's date. */
  beliefChanges: string[];
};

const span = (a: string | null, b: string | null, zone: string) => {
  const x = day(a, zone);
  const y = day(b ?? a, zone);
  return x === y ? x : `${x} to ${y}`;
};
const belief = (s: ChainStepView) =>
  `${s.confidence.label} (${s.confidence.score}/100${s.confidence.by ? `, ${s.confidence.by}${s.confidence.effectiveAt ? ` ${s.confidence.effectiveAt.slice(0, 10)}` : ""}` : ""})`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The steps of the incident's chains (not the unlinked findings), in chain order. */
function chainSteps(chain: ChainView): ChainStepView[] {
  const inChains = new Set(chain.chains.filter((g) => g.kind === "chain").flatMap((g) => g.stepIds));
  return chain.steps.filter((s) => inChains.has(s.id));
}

async function readCounts(ctx: Ctx, incidentId: string): Promise<{ label: string; n: number }[]> {
  const [r] = await ctx.db.sql.query<{ mailboxes: number; organisations: number; accounts: number; hosts: number; records: number }>(
    `WITH named AS (
       SELECT DISTINCT en.id, en.kind, en.value FROM chain_step_events cse
       JOIN chain_steps s ON s.incident_id = cse.incident_id AND s.id = cse.step_id
       JOIN event_entities ee ON ee.incident_id = cse.incident_id AND ee.event_id = cse.event_id
       JOIN entities en ON en.incident_id = ee.incident_id AND en.id = ee.entity_id
       WHERE cse.incident_id = $1)
     SELECT count(*) FILTER (WHERE kind = 'mailbox')::int AS mailboxes,
            count(DISTINCT lower(split_part(value, '@', 2))) FILTER (WHERE kind = 'mailbox' AND value LIKE '%@%')::int AS organisations,
            count(*) FILTER (WHERE kind = 'account')::int AS accounts,
            count(*) FILTER (WHERE kind = 'host')::int AS hosts,
            (SELECT count(DISTINCT cse.event_id)::int FROM chain_step_events cse WHERE cse.incident_id = $1) AS records
     FROM named`,
    [incidentId],
  );
  return [
    { label: "organisations (mail domains)", n: r?.organisations ?? 0 },
    { label: "mailboxes", n: r?.mailboxes ?? 0 },
    { label: "accounts", n: r?.accounts ?? 0 },
    { label: "hosts", n: r?.hosts ?? 0 },
    { label: "records of the attack", n: r?.records ?? 0 },
  ];
}

/**
 * The executive brief, drafted from what the incident holds as believed on `asOf` (or now): a few
 * plain sentences, the counts that matter, the chain in at most seven boxes, what is known and what
 * is not (inferred steps, evidence gaps, open hypotheses), what has changed (remediation, action
 * items done), the decisions waiting (open action items without an owner or past due), and where
 * belief has changed since that date. Every reader of the chain may read it; it names no raw evidence.
 */
export async function composeBrief(ctx: Ctx, incidentId: string, asOf: Date | null = null): Promise<BriefView> {
  await authorize(ctx, incidentId, "chain.view");
  const [incident] = await ctx.db.sql.query<{ title: string; status: string; time_zone: string }>(
    "SELECT title, status::text AS status, time_zone FROM incidents WHERE id = $1",
    [incidentId],
  );
  const [then, now, assessment] = await Promise.all([
    getChain(ctx, incidentId, asOf),
    asOf ? getChain(ctx, incidentId, null) : null,
    briefAssessmentAsOf(ctx.db.sql, incidentId, asOf),
  ]);
  if (!incident || !then) throw new NotFoundError(`no incident ${incidentId}`);
  const zone = incident.time_zone;
  const steps = chainSteps(then);
  const counts = await readCounts(ctx, incidentId);
  const items = await ctx.db.sql.query<{ title: string; owner: string; status: string; due_on: string | null; overdue: boolean }>(
    `SELECT title, owner, status, to_char(due_on, 'YYYY-MM-DD') AS due_on,
            (status IN ('open', 'in_progress') AND due_on < (now() AT TIME ZONE 'UTC')::date) AS overdue
     FROM action_items WHERE incident_id = $1 ORDER BY due_on NULLS LAST, created_at`,
    [incidentId],
  );

  const first = steps[0];
  const last = steps.at(-1);
  const inferred = steps.filter((s) => s.inferred);
  const gaps = [...new Map(steps.flatMap((s) => s.gaps).map((g) => [g.id, g])).values()];
  const hypotheses = [...new Map(steps.flatMap((s) => s.hypotheses).map((h) => [h.id, h])).values()].filter(
    (h) => h.status === "leading" || h.status === "open",
  );
  const count = (label: string) => counts.find((c) => c.label.startsWith(label))?.n ?? 0;
  const response = steps.filter((s) => /response|remediat|recover|contain/i.test(`${s.stageKey} ${s.stageName}`));

  const drafted = [
    first && last
      ? `The attack ran in ${plural(steps.length, "step", "steps")}, from ${first.stageName.toLowerCase()} on ${day(first.startAt, zone)} to ${last.stageName.toLowerCase()} on ${day(last.endAt ?? last.startAt, zone)}.`
      : "No attack chain has been established yet.",
    `The evidence names ${plural(count("mailboxes"), "mailbox", "mailboxes")} in ${plural(count("organisations"), "organisation", "organisations")}, ${plural(count("accounts"), "account", "accounts")} and ${plural(count("hosts"), "host", "hosts")}.`,
    inferred.length
      ? `${plural(inferred.length, "step is", "steps are")} inferred, not seen in any record (${inferred.map((s) => s.stageName.toLowerCase()).join("; ")})${gaps.length ? `, and the logs have ${plural(gaps.length, "gap", "gaps")} where they would be` : ""}.`
      : "Every step is seen in the records.",
    response.length
      ? `Remediation is recorded from ${day(response[0]?.startAt ?? null, zone)}; the incident is ${incident.status}.`
      : `No remediation is recorded yet; the incident is ${incident.status}.`,
  ];

  const nowById = new Map((now ? chainSteps(now) : []).map((s) => [s.id, s]));
  const beliefChanges = steps.flatMap((s) => {
    const later = nowById.get(s.id);
    if (!later || (later.confidence.label === s.confidence.label && later.confidence.score === s.confidence.score)) return [];
    return [`${s.stageName}: ${belief(s)} on ${day(then.asOf, zone)}; ${belief(later)} now.`];
  });

  return {
    incidentId,
    title: incident.title,
    status: incident.status,
    zone,
    asOf: then.asOf ? day(then.asOf, zone) : null,
    sentences: assessment?.summary ? assessment.summary.split(/\n+/).filter(Boolean) : drafted,
    drafted,
    assessment,
    counts,
    boxes: chainBoxes(steps),
    known: steps.filter((s) => !s.inferred).map((s) => `${s.stageName}: ${span(s.startAt, s.endAt, zone)}, ${s.confidence.label}.`),
    unknown: [
      ...inferred.map((s) => `${s.stageName} is inferred, not seen: ${belief(s)}.`),
      // Executives' chains name no sources: the gap is then one of the sources'.
      ...gaps.map(
        (g) =>
          `No records from ${g.scope || "one of the sources"} between ${day(g.startAt, zone)} and ${day(g.endAt, zone)} (${g.reason.replace("_", " ")}).`,
      ),
      // The leading explanation in full; the others counted (the brief is one page).
      ...hypotheses.filter((h) => h.status === "leading").map((h) => `Leading explanation: ${h.title}.`),
      ...(hypotheses.some((h) => h.status === "open")
        ? [
            `${plural(hypotheses.filter((h) => h.status === "open").length, "other explanation remains", "other explanations remain")} open.`,
          ]
        : []),
    ],
    changed: [
      ...response.map((s) => `${s.stageName}: ${span(s.startAt, s.endAt, zone)}.`),
      ...items.filter((a) => a.status === "done").map((a) => `Done: ${a.title}.`),
    ],
    decisions: [
      ...(assessment?.decisions ?? []).map((d) => ({ text: d.text, owner: d.owner || "no owner yet" })),
      ...items
        .filter((a) => (a.status === "open" || a.status === "in_progress") && (a.owner === "" || a.overdue))
        .map((a) => ({
          text: a.owner === "" ? `Who owns "${a.title}"?` : `"${a.title}" is past its due date (${a.due_on}): extend it or escalate?`,
          owner: a.owner || "no owner yet",
        })),
    ],
    beliefChanges,
  };
}
