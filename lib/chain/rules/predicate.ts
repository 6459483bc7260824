/**
 * The one language every rule compiles to: built-in rules are written in it, Sigma YAML is
 * translated into it, and the runner turns it into SQL so a rule set runs in one pass over the
 * events table instead of shipping a million rows to Node.
 */

/** Canonical event columns a rule may test (events table, alias `e`). */
export const CANONICAL_COLUMNS = [
  "action",
  "category",
  "outcome",
  "actor",
  "host",
  "src_ip",
  "dst_ip",
  "target",
  "message",
  "timestamp_desc",
  "technique",
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/**
 * Where a value is read: a canonical column, a path into the raw record (JSONB, as imported,
 * e.g. ["winlog", "event_data", "SubjectUserName"]), or the Source's format (for Sigma logsource).
 */
export type FieldRef = { kind: "column"; column: CanonicalColumn } | { kind: "raw"; path: string[] } | { kind: "source-format" };

/**
 * A boolean test on one event. String comparisons are case-insensitive unless `caseSensitive`
 * (Sigma's default). `wildcard` understands `*` and `?` with `\` escaping, as Sigma values do.
 */
export type Predicate =
  | { op: "and"; items: Predicate[] }
  | { op: "or"; items: Predicate[] }
  | { op: "not"; item: Predicate }
  | { op: "true" }
  | { op: "false" }
  | { op: "exists"; field: FieldRef }
  | {
      op: "eq" | "contains" | "startswith" | "endswith" | "wildcard";
      field: FieldRef;
      value: string;
      caseSensitive?: boolean;
    }
  | { op: "re"; field: FieldRef; pattern: string; caseInsensitive?: boolean }
  | { op: "cidr"; field: FieldRef; value: string }
  | { op: "num"; field: FieldRef; cmp: "<" | "<=" | ">" | ">=" | "="; value: number };

export const col = (column: CanonicalColumn): FieldRef => ({ kind: "column", column });
/** A raw-record field by dotted path ("winlog.event_data.SubjectUserName"). */
export const raw = (dotted: string): FieldRef => ({ kind: "raw", path: dotted.split(".") });
export const and = (...items: Predicate[]): Predicate => ({ op: "and", items });
export const or = (...items: Predicate[]): Predicate => ({ op: "or", items });
export const not = (item: Predicate): Predicate => ({ op: "not", item });
