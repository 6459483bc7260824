import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type ChainStepView, type ChainView, getChain } from "@/lib/queries/get-chain";
import { derivedUuid } from "./derived-uuid";
import { stepTechniques } from "./step-techniques";

/** The Attack Flow 2.0 STIX extension (published by MITRE's Center for Threat-Informed Defense). */
export const ATTACK_FLOW_EXTENSION = "extension-definition--fb9c968a-745b-4ade-9b25-c324172197f4";
const ATTACK_FLOW_IDENTITY = "identity--fb9c968a-745b-4ade-9b25-c324172197f4";
const EXT = { [ATTACK_FLOW_EXTENSION]: { extension_type: "new-sdo" } };

export type StixObject = { type: string; id: string; [k: string]: unknown };
export type StixBundle = { type: "bundle"; id: string; objects: StixObject[] };

/** Attack Flow's confidence scale (STIX's): speculative 0, very doubtful 10, doubtful 30, even odds 50, probable 70, very probable 90, certain 100. */
const SCALE = [0, 10, 30, 50, 70, 90, 100];
export const flowConfidence = (score: number) => SCALE.reduce((best, v) => (Math.abs(v - score) < Math.abs(best - score) ? v : best), 0);

const stixTime = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString() : undefined);

/** The objects that define the extension, as every Attack Flow document carries them. */
function extensionObjects(created: string): StixObject[] {
  return [
    {
      type: "extension-definition",
      id: ATTACK_FLOW_EXTENSION,
      spec_version: "2.1",
      created: "2022-08-02T19:34:35.143Z",
      modified: "2022-08-02T19:34:35.143Z",
      name: "Attack Flow",
      description: "Extends STIX 2.1 with features to create Attack Flows.",
      created_by_ref: ATTACK_FLOW_IDENTITY,
      schema: "https://center-for-threat-informed-defense.github.io/attack-flow/stix/attack-flow-schema-2.0.0.json",
      version: "2.0.0",
      extension_types: ["new-sdo"],
      external_references: [{ source_name: "Documentation", url: "https://center-for-threat-informed-defense.github.io/attack-flow" }],
    },
    {
      type: "identity",
      id: ATTACK_FLOW_IDENTITY,
      spec_version: "2.1",
      created: "2022-08-02T19:34:35.143Z",
      modified: "2022-08-02T19:34:35.143Z",
      name: "MITRE Engenuity Center for Threat-Informed Defense",
      identity_class: "organization",
    },
    {
      type: "identity",
      id: `identity--${CHAINLINE_NS}`,
      spec_version: "2.1",
      created,
      modified: created,
      name: "Chainline",
      identity_class: "system",
    },
  ];
}
// Chainline's own identity in the bundles it writes (a fixed v4-shaped id).
const CHAINLINE_NS = "7c1b6a3e-5d2f-4c1a-9b8e-2f6d4a1c3e50";

function describeStep(s: ChainStepView): string {
  const when = s.startAt ? `${s.startAt} – ${s.endAt ?? s.startAt}` : "time unknown";
  return [
    `${s.stageName}${s.inferred ? " (inferred: no record shows it)" : ""}. ${when}.`,
    `Confidence: ${s.confidence.label} ${s.confidence.score}${s.confidence.by ? ` (${s.confidence.by})` : ""}.`,
    s.rationale,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The incident's chain as a STIX 2.1 bundle with MITRE's Attack Flow 2.0 extension: one
 * attack-flow (scope incident) starting at the steps nothing leads to; an attack-action per step
 * (technique from its evidence, tactic from its stage, execution start and end, confidence on
 * Attack Flow's scale); the arrows as effects; competing hypotheses for a step as conditions joined
 * by an OR operator in front of it; the steps' key entities as assets. Ids are the chain's own.
 */
export async function chainToAttackFlow(ctx: Ctx, incidentId: string, asOf: Date | null = null): Promise<StixBundle> {
  const chain: ChainView | null = await getChain(ctx, incidentId, asOf);
  if (!chain) throw new NotFoundError(`no incident ${incidentId} (or you are not a member of it)`);
  const [techniques, incident, tactics] = await Promise.all([
    stepTechniques(ctx.db.sql, incidentId),
    ctx.db.sql.query<{ title: string; summary: string; created_at: Date }>(
      "SELECT title, summary, created_at FROM incidents WHERE id = $1",
      [incidentId],
    ),
    ctx.db.sql.query<{ key: string; attack_tactic: string | null }>("SELECT key, attack_tactic FROM stages WHERE incident_id = $1", [
      incidentId,
    ]),
  ]);
  const tacticOf = new Map(tactics.map((t) => [t.key, t.attack_tactic]));
  const created = (incident[0]?.created_at ?? new Date()).toISOString();
  const modified = new Date().toISOString();
  const common = (type: string, id: string) => ({
    type,
    id,
    spec_version: "2.1",
    created,
    modified,
    extensions: EXT,
    created_by_ref: `identity--${CHAINLINE_NS}`,
  });
  const actionId = (stepId: string) => `attack-action--${stepId}`;

  const objects: StixObject[] = [];
  const assets = new Map<string, StixObject>();
  // Where the arrows into a step land: the step itself, or the OR in front of its competing explanations.
  const entryOf = new Map<string, string>();
  for (const s of chain.steps) {
    if (s.hypotheses.length < 2) {
      entryOf.set(s.id, actionId(s.id));
      continue;
    }
    const operatorId = `attack-operator--${s.id}`;
    const conditions = s.hypotheses.map((h) => ({
      ...common("attack-condition", `attack-condition--${derivedUuid(s.id, h.id)}`),
      description: `${h.title} (${h.status})`,
      on_true_refs: [actionId(s.id)],
    }));
    objects.push({ ...common("attack-operator", operatorId), operator: "OR", effect_refs: conditions.map((c) => c.id) }, ...conditions);
    entryOf.set(s.id, operatorId);
  }
  const followers = new Map<string, string[]>();
  const hasPredecessor = new Set<string>();
  for (const group of chain.chains)
    for (const l of group.links) {
      followers.set(l.fromStepId, [...(followers.get(l.fromStepId) ?? []), entryOf.get(l.toStepId) ?? actionId(l.toStepId)]);
      hasPredecessor.add(l.toStepId);
    }
  for (const s of chain.steps) {
    const assetRefs = s.entities.map((e) => {
      const id = `attack-asset--${e.entityId}`;
      if (!assets.has(id))
        assets.set(id, {
          ...common("attack-asset", id),
          name: e.value,
          description: `${e.kind}, named by ${e.events} of the step's events`,
        });
      return id;
    });
    const effects = [...new Set(followers.get(s.id) ?? [])];
    const technique = techniques.get(s.id);
    const tactic = tacticOf.get(s.stageKey);
    objects.push({
      ...common("attack-action", actionId(s.id)),
      name: s.title,
      ...(technique ? { technique_id: technique } : {}),
      ...(tactic ? { tactic_id: tactic } : {}),
      description: describeStep(s),
      ...(stixTime(s.startAt) ? { execution_start: stixTime(s.startAt) } : {}),
      ...(stixTime(s.endAt) ? { execution_end: stixTime(s.endAt) } : {}),
      confidence: flowConfidence(s.confidence.score),
      ...(assetRefs.length ? { asset_refs: assetRefs } : {}),
      ...(effects.length ? { effect_refs: effects } : {}),
    });
  }
  const starts = chain.steps.filter((s) => !hasPredecessor.has(s.id)).map((s) => entryOf.get(s.id) ?? actionId(s.id));
  // start_refs may name actions and conditions only: a start behind an OR starts at its conditions.
  const startRefs = starts.flatMap((ref) =>
    ref.startsWith("attack-operator--") ? ((objects.find((o) => o.id === ref)?.effect_refs as string[]) ?? []) : [ref],
  );
  const flow: StixObject = {
    ...common("attack-flow", `attack-flow--${incidentId}`),
    name: incident[0]?.title ?? "Incident",
    description:
      `${incident[0]?.summary ?? ""}${asOf ? ` As believed on ${asOf.toISOString().slice(0, 10)}.` : ""}`.trim() ||
      "The incident's attack chain.",
    scope: "incident",
    start_refs: startRefs,
  };
  return {
    type: "bundle",
    id: `bundle--${crypto.randomUUID()}`,
    objects: [...extensionObjects(created), flow, ...objects, ...assets.values()],
  };
}
