/** What the events tagged with one stage add up to (lib/chain/link/plan-chains.ts stageEvidenceOf). */
export type StageEvidence = {
  stageId: string;
  count: number;
  /** Events tagged by hand or by a rule whose matches are direct evidence. */
  directCount: number;
  /** Of the direct events, those that record a failure (a refused sign-in shows an attempt, not access). */
  failedCount?: number;
  /** Distinct kinds of direct evidence (rule and recorded action): a process start and the dump file it wrote are two. */
  kindCount?: number;
  firstAt: Date;
  lastAt: Date;
  rules: { key: string; name: string; evidence: string; count: number }[];
  sourceIds: string[];
};
