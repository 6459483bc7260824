import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { FUNCTIONAL_IMPACT, INFORMATION_IMPACT, PRIORITIES, RECOVERABILITY } from "./cisa-scale";

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const ZBriefAssessment = z.object({
  /** When the judgement took effect (default: now); a brief as of an earlier date does not show it. */
  effectiveAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  priority: z.enum(keys(PRIORITIES)).nullable().default(null),
  functionalImpact: z.enum(keys(FUNCTIONAL_IMPACT)).nullable().default(null),
  informationImpact: z.enum(keys(INFORMATION_IMPACT)).nullable().default(null),
  recoverability: z.enum(keys(RECOVERABILITY)).nullable().default(null),
  /** The plain sentences, one a line ('' keeps the drafted ones). */
  summary: z.string().trim().max(2000).default(""),
  decisions: z
    .array(z.object({ text: z.string().trim().min(1).max(300), owner: z.string().trim().max(120).default("") }))
    .max(10)
    .default([]),
});
export type BriefAssessment = z.output<typeof ZBriefAssessment> & { effectiveAt: string; enteredBy: string };

/** An analyst's judgement for the brief, in effect from its date on; audited, never overwritten (the brief keeps its history). */
export async function saveBriefAssessment(ctx: Ctx, incidentId: string, input: z.input<typeof ZBriefAssessment>): Promise<{ id: string }> {
  await authorize(ctx, incidentId, "evidence.edit");
  const a = ZBriefAssessment.parse(input);
  const effective = a.effectiveAt ? new Date(a.effectiveAt.length === 10 ? `${a.effectiveAt}T00:00:00Z` : a.effectiveAt) : new Date();
  return ctx.db.sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO brief_assessments (incident_id, effective_at, priority, functional_impact, information_impact, recoverability, summary, decisions, entered_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
      [
        incidentId,
        effective,
        a.priority,
        a.functionalImpact,
        a.informationImpact,
        a.recoverability,
        a.summary,
        JSON.stringify(a.decisions),
        ctx.actor.userId,
      ],
    );
    await recordAuditSql(tx, ctx, {
      incidentId,
      action: "brief.assess",
      entityType: "brief",
      entityId: row?.id ?? "",
      after: { ...a, effectiveAt: effective },
    });
    return { id: row?.id ?? "" };
  });
}

/** The judgement in effect on `asOf` (or now): the latest that took effect by then; null when none had. */
export async function briefAssessmentAsOf(sql: SqlRunner, incidentId: string, asOf: Date | null): Promise<BriefAssessment | null> {
  const [r] = await sql.query<{
    effective_at: Date;
    priority: BriefAssessment["priority"];
    functional_impact: BriefAssessment["functionalImpact"];
    information_impact: BriefAssessment["informationImpact"];
    recoverability: BriefAssessment["recoverability"];
    summary: string;
    decisions: BriefAssessment["decisions"];
    entered_by: string;
  }>(
    `SELECT b.effective_at, b.priority, b.functional_impact, b.information_impact, b.recoverability, b.summary, b.decisions, u.name AS entered_by
     FROM brief_assessments b JOIN users u ON u.id = b.entered_by_id
     WHERE b.incident_id = $1 AND b.effective_at <= coalesce($2::timestamptz, now())
     ORDER BY b.effective_at DESC, b.entered_at DESC LIMIT 1`,
    [incidentId, asOf],
  );
  if (!r) return null;
  return {
    effectiveAt: r.effective_at.toISOString(),
    priority: r.priority,
    functionalImpact: r.functional_impact,
    informationImpact: r.information_impact,
    recoverability: r.recoverability,
    summary: r.summary,
    decisions: r.decisions,
    enteredBy: r.entered_by,
  };
}
