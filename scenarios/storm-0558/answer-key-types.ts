/** The attack-chain stages of the Storm-0558 stage set, in chain order. */
export const STAGE_KEYS = [
  "key-exposure",
  "transfer-out",
  "detection-failure",
  "account-compromise",
  "key-acquisition",
  "token-forgery",
  "mailbox-access",
  "detection",
  "response",
] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export type ConfidenceLabel = "confirmed" | "likely" | "possible" | "unknown";
export type Confidence = { label: ConfidenceLabel; score: number };

/** What a generator module knows about a story record before it is placed in its file. */
export type KeyMeta = {
  /** Stable name of the record within the scenario, e.g. "crash.app-error". */
  ref: string;
  stage: StageKey;
  summary: string;
  /** Dotted path of the record's native unique id in its parsed form ("AuditData.Id", "winlog.record_id"), or null. */
  nativeIdField: string | null;
  nativeId: string | null;
  /** Dotted paths into the parsed record and the values found there. */
  match: Record<string, string | number | boolean>;
};

/** A story record as written: file, 1-based line where the record starts, and its time (UTC ISO). */
export type KeyEvent = KeyMeta & { file: string; line: number; ts: string };

/** A published judgement: when it took effect, its words, the document, who published it and that document's date. */
export type ConfidenceChange = Confidence & { asOf: string; wording: string; source: string; publisher: string; publishedOn: string };

export type ChainStep = {
  id: string;
  stage: StageKey;
  title: string;
  /** The time or window of the step; `start`/`end` equal for an instant, null when unknown. */
  when: { start: string | null; end: string | null; precision: "instant" | "day" | "window" | "unknown"; note?: string };
  inferred: boolean;
  confidence: Confidence;
  /** Oldest first; the last entry is the current confidence. */
  confidenceHistory: ConfidenceChange[];
  rationale: string;
  /** `ref`s of key events. */
  evidence: string[];
  hypotheses: string[];
};

export type Hypothesis = {
  id: string;
  title: string;
  status: "leading" | "open" | "unlikely";
  /** "public-record": named in a cited source; "illustrative": written for the exercise. */
  provenance: "public-record" | "illustrative";
  source: string | null;
  detail: string;
};

export type Gap = {
  id: string;
  scope: string;
  files: string[];
  start: string;
  end: string;
  reason: "retention" | "not-collected" | "outage" | "quiet-period";
  declared: boolean;
  note: string;
  retention?: { retentionDays: number; retainedFrom: string; retainedUntil: string };
};

export type FileCount = {
  file: string;
  format: string;
  lines: number;
  records: number;
  storyRecords: number;
  backgroundRecords: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  sha256: string;
};

export type PublicFact = { fact: string; value: string; source: string; note?: string };

export type AnswerKey = {
  scenario: "storm-0558";
  version: 1;
  seed: number;
  noise: number;
  disclaimer: string;
  stages: { key: StageKey; order: number; title: string }[];
  events: KeyEvent[];
  chain: ChainStep[];
  hypotheses: Hypothesis[];
  gaps: Gap[];
  counts: FileCount[];
  publicRecord: {
    facts: PublicFact[];
    keyRevocationDates: { date: string; claim: string; source: string }[];
    iocIps: string[];
    kid: string;
    thumbprint: string;
    userAgent: string;
  };
  /** What the scenario invented on top of the public record (names, exact times, app ids…). */
  invented: string[];
};

/** What the importer may read: files, formats, zones and declared retention; no answers. */
export type Manifest = {
  scenario: "storm-0558";
  seed: number;
  noise: number;
  files: {
    path: string;
    format: string;
    description: string;
    sha256: string;
    lines: number;
    records: number;
    timeZone: "UTC";
    order: "ascending" | "descending";
    retention?: { retentionDays: number; retainedFrom: string; retainedUntil: string; reason: "retention"; note: string };
  }[];
};
