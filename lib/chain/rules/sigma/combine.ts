import type { Predicate } from "../predicate";

/*
 * Predicate constructors that keep translated rules small and readable: one item stands alone,
 * nested ANDs (ORs) merge into their parent, and a double NOT cancels (compile-sql's NOT folds
 * NULL to false, so NOT NOT x matches exactly what x matches).
 */

export function allOf(items: Predicate[]): Predicate {
  const flat = items.flatMap((p) => (p.op === "and" ? p.items : [p]));
  return flat.length === 1 ? (flat[0] as Predicate) : { op: "and", items: flat };
}

export function anyOf(items: Predicate[]): Predicate {
  const flat = items.flatMap((p) => (p.op === "or" ? p.items : [p]));
  return flat.length === 1 ? (flat[0] as Predicate) : { op: "or", items: flat };
}

export function negate(p: Predicate): Predicate {
  return p.op === "not" ? p.item : { op: "not", item: p };
}
