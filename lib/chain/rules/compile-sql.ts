import type { SqlParams } from "@/lib/db/sql-params";
import { IPV4_PATTERN, IPV6_PATTERN, isCidrText } from "./ip-text";
import { escapeLike, wildcardToLike } from "./like-pattern";
import { CANONICAL_COLUMNS, type FieldRef, type Predicate } from "./predicate";

// Text a ::numeric cast accepts; the exponent is bounded so no value overflows numeric.
const NUMBER_PATTERN = "^ *[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})? *$";
const COMPARISONS = new Set(["<", "<=", ">", ">=", "="]);
const INET_COLUMNS = new Set<string>(["src_ip", "dst_ip"]);
// With E'' the escape character is one backslash whatever standard_conforming_strings says.
const ESCAPE = "ESCAPE E'\\\\'";

/**
 * SQL for one predicate over `events e JOIN sources s`, always TRUE or FALSE (never NULL), so the
 * caller may put it in a WHERE, a SELECT list or under its own NOT.
 */
export function compilePredicate(p: Predicate, params: SqlParams, options: CompileOptions = {}): string {
  return `coalesce(${node(p, { params, folded: options.foldedRaw ?? null })}, false)`;
}

/**
 * `foldedRaw`: the name of a lower-cased copy of the raw record (keys and values) the statement
 * provides. Case-insensitive tests on raw fields then compare lower-cased text with LIKE and `=`,
 * instead of lower-casing a long field (a call trace, a script block) again for every test.
 * A statement that provides it provides `e.raw` with the event's parsed fields merged in (they
 * win), so raw fields are read from `e.raw` alone there.
 */
export type CompileOptions = { foldedRaw?: string };

type Compile = { params: SqlParams; folded: string | null };

/** A field as text in this statement: from the merged record where the statement provides one. */
const textIn = (field: FieldRef, c: Compile) => textOf(field, c.params, c.folded !== null);

/**
 * One node. Leaves may be NULL when their field is absent; that is harmless under AND/OR (both
 * are monotone, so NULL there acts as false in a WHERE), and `not` folds NULL to false before
 * negating, so a missing field never turns into a match.
 */
function node(p: Predicate, c: Compile): string {
  const params = c.params;
  switch (p.op) {
    case "and":
      return p.items.length === 0 ? "TRUE" : p.items.map((i) => `(${node(i, c)})`).join(" AND ");
    case "or":
      return p.items.length === 0 ? "FALSE" : p.items.map((i) => `(${node(i, c)})`).join(" OR ");
    case "not":
      return `NOT coalesce((${node(p.item, c)}), false)`;
    case "true":
      return "TRUE";
    case "false":
      return "FALSE";
    case "exists": {
      if (isInetColumn(p.field)) return `${columnName(p.field)} IS NOT NULL`;
      const x = textIn(p.field, c);
      return `(${x} IS NOT NULL AND ${x} <> '')`;
    }
    case "eq": {
      if (!p.caseSensitive && c.folded && p.field.kind === "raw")
        return `${foldedOf(p.field, c)} = ${params.add(p.value.toLowerCase())}::text`;
      const x = textIn(p.field, c);
      const v = params.add(p.value);
      return p.caseSensitive ? `${x} = ${v}::text` : `lower(${x}) = lower(${v}::text)`;
    }
    case "contains":
      return like(p.field, `%${escapeLike(p.value)}%`, p.caseSensitive, c);
    case "startswith":
      return like(p.field, `${escapeLike(p.value)}%`, p.caseSensitive, c);
    case "endswith":
      return like(p.field, `%${escapeLike(p.value)}`, p.caseSensitive, c);
    case "wildcard":
      return like(p.field, wildcardToLike(p.value), p.caseSensitive, c);
    case "re":
      return `${textIn(p.field, c)} ${p.caseInsensitive ? "~*" : "~"} ${params.add(p.pattern)}::text`;
    case "cidr":
      return cidr(p.field, p.value, c);
    case "num":
      return num(p.field, p.cmp, p.value, c);
  }
}

function like(field: FieldRef, pattern: string, caseSensitive: boolean | undefined, c: Compile): string {
  if (!caseSensitive && c.folded && field.kind === "raw")
    return `${foldedOf(field, c)} LIKE ${c.params.add(pattern.toLowerCase())}::text ${ESCAPE}`;
  return `${textIn(field, c)} ${caseSensitive ? "LIKE" : "ILIKE"} ${c.params.add(pattern)}::text ${ESCAPE}`;
}

/** A raw field read from the lower-cased copy of the record (its path lower-cased too). */
function foldedOf(field: FieldRef & { kind: "raw" }, c: Compile): string {
  return `(${c.folded} #>> ${c.params.add(field.path.map((k) => k.toLowerCase()))}::text[])`;
}

function cidr(field: FieldRef, network: string, c: Compile): string {
  const params = c.params;
  // A bad network would fail the whole statement at run time; refuse it while building instead.
  if (!isCidrText(network)) throw new Error(`cidr: "${network}" is not an IP address or network`);
  const net = `${params.add(network)}::inet`;
  if (isInetColumn(field)) return `${columnName(field)} <<= ${net}`;
  // Text only reaches ::inet once it has an address's shape: a failed cast would abort the query.
  // CASE is the one construct whose evaluation order Postgres guarantees.
  const x = textIn(field, c);
  return `CASE WHEN ${x} ~ '${IPV4_PATTERN}' OR ${x} ~ '${IPV6_PATTERN}' THEN ${x}::inet <<= ${net} ELSE false END`;
}

function num(field: FieldRef, cmp: string, value: number, c: Compile): string {
  const params = c.params;
  if (!COMPARISONS.has(cmp)) throw new Error(`num: unknown comparison "${cmp}"`);
  if (!Number.isFinite(value)) throw new Error(`num: ${value} is not a finite number`);
  const x = textIn(field, c);
  // Guarded like cidr: "n/a" in a numeric field is simply not a match.
  return `CASE WHEN ${x} ~ '${NUMBER_PATTERN}' THEN ${x}::numeric ${cmp} ${params.add(String(value))}::numeric ELSE false END`;
}

/** The field as text: an inet column as its bare address ("10.0.0.5", not "10.0.0.5/32"). */
export function textOf(field: FieldRef, params: SqlParams, merged = false): string {
  switch (field.kind) {
    case "column":
      return isInetColumn(field) ? `host(${columnName(field)})` : columnName(field);
    case "raw": {
      const path = params.add(field.path);
      if (merged) return `(e.raw #>> ${path}::text[])`;
      // The values parsed out of a record the event carries as text (a Sysmon for Linux event in
      // SyslogMessage) come before the wrapper's own; every other event has only its raw record.
      return `coalesce(e.fields #>> ${path}::text[], e.raw #>> ${path}::text[])`;
    }
    case "source-format":
      return "s.format";
  }
}

function isInetColumn(field: FieldRef): boolean {
  return field.kind === "column" && INET_COLUMNS.has(field.column);
}

/** The column's SQL name; checked, because rules may come from stored JSON and the name is spliced in. */
function columnName(field: FieldRef): string {
  if (field.kind !== "column" || !(CANONICAL_COLUMNS as readonly string[]).includes(field.column)) {
    throw new Error(`not a canonical column: ${JSON.stringify(field)}`);
  }
  return `e.${field.column}`;
}
