/**
 * Stages that may leave no direct evidence, and what implies them. A step for such a stage is
 * built as inferred when a later stage it precedes has evidence: tokens signed with the key prove
 * the key was taken, even though nothing logged the taking. Its time is only bounded: after the
 * `after` stages' evidence ends (when the step became possible), before the `before` stages' begins.
 */
export type Implication = {
  after: string[];
  before: string[];
  missing: string;
  /**
   * A channel the step would have used: the step is implied when evidence of an `after` stage
   * (something worth taking) and of the channel, seen again once that evidence begins, are both in
   * the chain. Bounded by the start of the one and the last sight of the other.
   */
  carriedBy?: string[];
};

export const IMPLIED_STAGES: Readonly<Record<string, Implication>> = {
  "key-acquisition": {
    after: ["transfer-out", "key-exposure"],
    before: ["token-forgery", "mailbox-access"],
    missing: "No log shows the signing key being taken: tokens signed with it prove it was, not when or how.",
  },
  "account-compromise": {
    after: [],
    before: ["key-acquisition", "token-forgery"],
    missing: "No sign-in or token record shows how the account was taken over.",
  },
  exfiltration: {
    after: ["credential-access", "collection"],
    before: [],
    carriedBy: ["command-and-control"],
    missing:
      "No record shows data leaving: what was taken could have left over the channel to the controller, which was open after it was taken, but nothing here records what the channel carried.",
  },
  "initial-access": {
    after: [],
    before: [
      "execution",
      "persistence",
      "privilege-escalation",
      "defense-evasion",
      "credential-access",
      "discovery",
      "lateral-movement",
      "collection",
      "command-and-control",
      "exfiltration",
      "impact",
    ],
    missing: "No event shows how the intruder first got in.",
  },
};

/** Confidence the builder gives a step, from the kind of evidence it has (0–100 alongside the label). */
export const RULE_CONFIDENCE = {
  /** Success seen directly, from more than one source or kind of evidence. */
  direct: { label: "confirmed", score: 90 },
  /** Success seen directly, but by one kind of evidence from one source: likely until corroborated. */
  uncorroborated: { label: "likely", score: 70 },
  /** Every event records a failure: the step was attempted; nothing shows it succeeded. */
  attemptsOnly: { label: "possible", score: 40 },
  circumstantial: { label: "possible", score: 35 },
  impliedOnly: { label: "possible", score: 25 },
} as const;
