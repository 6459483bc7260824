import { stringify } from "yaml";
import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { parseSigma, type SigmaProblem } from "./parse-sigma";
import { type FieldIndex, readFieldIndex, unresolvedFieldWarnings } from "./sigma-field-check";
import { sigmaEvidence, sigmaStage } from "./sigma-rule-spec";

export type LoadedSigmaRule = {
  key: string;
  title: string;
  stageKey: string | null;
  technique: string | null;
  /** Fields none of the incident's imported sources of the rule's log carry. */
  warnings: string[];
};

/**
 * Stores the Sigma rules of one YAML file for an incident, one row per rule (re-loading a rule
 * with the same id replaces it). Rules with constructs we do not support are not stored and come
 * back as problems naming the rule and the construct: nothing is silently dropped or half-applied.
 */
export async function loadSigmaRules(
  ctx: Ctx,
  incidentId: string,
  input: { fileName: string; yaml: string },
  options: { fields?: FieldIndex } = {},
): Promise<{ loaded: LoadedSigmaRule[]; problems: SigmaProblem[] }> {
  const { rules, problems } = parseSigma(input.yaml, input.fileName);
  // Loading a folder passes one index for all its files; one file reads its own.
  const fields = options.fields ?? (await readFieldIndex(ctx, incidentId));
  const loaded: LoadedSigmaRule[] = [];
  await ctx.db.sql.transaction(async (tx) => {
    await authorize(ctx, incidentId, "evidence.edit", tx);
    for (const rule of rules) {
      const key = `sigma.${rule.id ?? rule.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
      const { stageKey } = sigmaStage(rule);
      await tx.query(
        `INSERT INTO rules (incident_id, key, name, kind, definition, stage_key, technique, severity, tags, evidence)
         VALUES ($1, $2, $3, 'sigma', $4, $5, $6, $7::severity, $8, $9)
         ON CONFLICT (incident_id, key) DO UPDATE SET name = excluded.name, definition = excluded.definition,
           stage_key = excluded.stage_key, technique = excluded.technique, severity = excluded.severity, tags = excluded.tags,
           evidence = excluded.evidence`,
        [
          incidentId,
          key,
          rule.title,
          stringify(rule.source),
          stageKey,
          rule.technique,
          severityOf(rule.level),
          rule.tags,
          sigmaEvidence(rule),
        ],
      );
      loaded.push({ key, title: rule.title, stageKey, technique: rule.technique, warnings: unresolvedFieldWarnings(rule, fields) });
    }
    await recordAuditSql(tx, ctx, {
      action: "rules.load-sigma",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: { file: input.fileName, loaded: loaded.map((r) => r.key), problems },
    });
  });
  return { loaded, problems };
}

function severityOf(level: string | null): string {
  return level === "informational" ? "info" : (level ?? "medium");
}
