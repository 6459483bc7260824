import { z } from "zod";

export const ZConfidenceLabel = z.enum(["confirmed", "likely", "possible", "unknown"]);

/** An analyst's edit of a chain step; every field optional, `reason` required when confidence changes. */
export const ZUpdateChainStep = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    startAt: z.coerce.date().nullable().optional(),
    endAt: z.coerce.date().nullable().optional(),
    confidence: ZConfidenceLabel.optional(),
    confidenceScore: z.number().int().min(0).max(100).optional(),
    /** Why the belief changed (kept in the history). */
    reason: z.string().trim().max(4000).optional(),
    /** When the belief took effect, if earlier than now (e.g. a report's publication date). */
    effectiveAt: z.coerce.date().optional(),
    citation: z.string().trim().max(1000).optional(),
    /** Whose judgement it is, when not yours (a report's publisher: "MSRC", "CSRB"). */
    attributedTo: z.string().trim().min(1).max(100).optional(),
    /** The cited document's date (YYYY-MM-DD): it may not be after effectiveAt. */
    citedOn: z.iso.date("a date, YYYY-MM-DD").optional(),
    rationale: z.string().trim().max(8000).optional(),
    addEventIds: z.array(z.coerce.bigint()).max(10_000).optional(),
    removeEventIds: z.array(z.coerce.bigint()).max(10_000).optional(),
    hypothesisIds: z.array(z.uuid()).max(100).optional(),
  })
  .refine((v) => v.confidence === undefined || (v.reason ?? "").length > 0, {
    message: "say why the confidence changed (reason)",
    path: ["reason"],
  })
  .refine((v) => !v.citedOn || v.citedOn <= (v.effectiveAt ?? new Date()).toISOString().slice(0, 10), {
    message: "an assessment cannot cite a document dated after the assessment itself takes effect",
    path: ["citedOn"],
  });
export type TUpdateChainStep = z.input<typeof ZUpdateChainStep>;

export const ZHypothesisStatus = z.enum(["leading", "open", "unlikely", "rejected"]);

export const ZCreateHypothesis = z.object({
  title: z.string().trim().min(1).max(500),
  description: z.string().trim().max(8000).default(""),
  status: ZHypothesisStatus.default("open"),
  source: z.string().trim().max(1000).default(""),
  stepIds: z.array(z.uuid()).max(100).default([]),
});
export type TCreateHypothesis = z.input<typeof ZCreateHypothesis>;

export const ZUpdateHypothesis = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().trim().max(8000).optional(),
  status: ZHypothesisStatus.optional(),
  evidence: z
    .array(z.object({ eventId: z.coerce.bigint(), stance: z.enum(["supports", "contradicts"]), note: z.string().max(2000).default("") }))
    .max(1000)
    .optional(),
});
export type TUpdateHypothesis = z.input<typeof ZUpdateHypothesis>;

export const ZSetEventStage = z.object({
  eventIds: z.array(z.coerce.bigint()).min(1).max(10_000),
  /** A stage key of the incident, or null to clear the stage (and let the rules tag it again). */
  stageKey: z.string().nullable(),
  technique: z
    .string()
    .regex(/^T\d{4}(\.\d{3})?$/)
    .nullable()
    .optional(),
});
export type TSetEventStage = z.input<typeof ZSetEventStage>;
