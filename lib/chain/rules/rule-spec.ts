import type { FieldRef, Predicate } from "./predicate";

/**
 * A value rules group or join events on. `account` folds the spellings one person gets across
 * sources ("CORP\\alindqvist", "alindqvist@CORP", "ALindqvist@contoso.test") to "alindqvist".
 */
export type KeyRef = FieldRef | { kind: "account"; of: KeyRef } | { kind: "coalesce"; of: FieldRef[] };

export type Severity = "info" | "low" | "medium" | "high" | "critical";

/** What every rule says about the events it matches. */
export type RuleHead = {
  /** Stable id, e.g. "storm.token-forgery.consumer-key-enterprise-tenant". */
  key: string;
  name: string;
  /** Why the rule exists and what a match means, for the analyst reading the match. */
  description: string;
  stageKey: string;
  /** ATT&CK tactic, used to find the stage when the incident's stage list has no `stageKey`. */
  tactic?: string;
  technique?: string;
  severity: Severity;
  tags?: string[];
  /** direct: the event shows the step itself; circumstantial: it fits the step without proving it. */
  evidence?: "direct" | "circumstantial";
  /** Higher wins when rules tag one event with different stages. */
  priority?: number;
  /** Source formats the rule reads (a cheap first filter); absent: every format. */
  formats?: string[];
  /** A second cheap filter: the recorded actions or channels (category) every matching event has. */
  gate?: RuleGate;
};

/** Plain-column values a rule's events must have; the runner joins on them before testing the rule. */
export type RuleGate = { actions?: string[]; channels?: string[] };

/** Every event the predicate accepts. */
export type MatchRule = RuleHead & { kind: "match"; where: Predicate };

/** Events of a group (e.g. one source IP) in fixed time bins where the group reaches `min` (distinct) values. */
export type ThresholdRule = RuleHead & {
  kind: "threshold";
  where: Predicate;
  groupBy: KeyRef;
  /** Count distinct values of this key instead of events (e.g. accounts tried per IP). */
  distinct?: KeyRef;
  windowMinutes: number;
  min: number;
};

/** Events carrying a token (a session token id) that shows up from at least `minOrigins` origins (IPs). */
export type MultiOriginRule = RuleHead & { kind: "multi-origin"; where: Predicate; token: KeyRef; origin: KeyRef; minOrigins: number };

/**
 * Events whose `value` falls outside the baseline of their `entity`:
 * - "entity": the entity never had this value in the `lookbackDays` before the event, and had at
 *   least `minHistory` events there (no history, no judgement);
 * - "population": fewer than `maxShare` of all entities ever had the value (for logs that begin
 *   with the intrusion, where no clean history exists to learn from).
 */
export type BaselineRule = RuleHead & {
  kind: "baseline";
  where: Predicate;
  entity: KeyRef;
  value: KeyRef;
  mode: { kind: "entity"; lookbackDays: number; minHistory: number } | { kind: "population"; maxShare: number; minEntities: number };
};

/**
 * Events that share `on` with the events other rules matched (the anchor): the IP a replayed token
 * came from, the account it belonged to. `afterAnchor` keeps only events after the anchor's first.
 */
export type PivotRule = RuleHead & {
  kind: "pivot";
  anchor: { rules: string[]; where?: Predicate };
  on: KeyRef[];
  /** The anchor's side of the join when it differs from `on`: the controller is the payload's destination, but the source of the packets it sends back. */
  anchorOn?: KeyRef[];
  where: Predicate;
  afterAnchor?: boolean;
  withinDays?: number;
  /**
   * Keep only candidates whose value of this key the joined entity first had after the anchor
   * began (a destination the compromised host had never reached before).
   */
  firstSeenAfterAnchor?: KeyRef;
};

export type RuleSpec = MatchRule | ThresholdRule | MultiOriginRule | BaselineRule | PivotRule;
export type RuleKind = RuleSpec["kind"];
