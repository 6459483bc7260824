import type { Predicate } from "../predicate";
import { allOf, anyOf, negate } from "./combine";

/**
 * Sigma's condition expression over search identifiers:
 *
 *   expr    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | ("1" | "all") "of" (pattern | "them") | identifier
 *
 * `not` binds tighter than `and`, which binds tighter than `or`, as in Sigma. Aggregations
 * (`| count() by …`), `near` and "N of" other than 1 are refused by name, never skipped.
 * Throws Error with a message naming what is wrong; the caller adds where.
 */
export function parseCondition(text: string, identifiers: ReadonlyMap<string, Predicate>): Predicate {
  if (text.includes("|")) throw new Error(`aggregation conditions ("${text.slice(text.indexOf("|")).trim()}") are not supported`);
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length === 0) throw new Error("the condition is empty");
  let pos = 0;
  const peek = () => tokens[pos]?.toLowerCase();
  const take = () => tokens[pos++] as string;

  const expr = (): Predicate => {
    const items = [andExpr()];
    while (peek() === "or") {
      take();
      items.push(andExpr());
    }
    return anyOf(items);
  };
  const andExpr = (): Predicate => {
    const items = [unary()];
    while (peek() === "and") {
      take();
      items.push(unary());
    }
    return allOf(items);
  };
  const unary = (): Predicate => {
    const t = peek();
    if (t === undefined) throw new Error(`the condition "${text}" ends too early`);
    if (t === "not") {
      take();
      return negate(unary());
    }
    if (t === "(") {
      take();
      const inner = expr();
      if (take() !== ")") throw new Error(`unbalanced parentheses in "${text}"`);
      return inner;
    }
    if (tokens[pos + 1]?.toLowerCase() === "of") return quantified();
    const word = take();
    const lower = word.toLowerCase();
    if (lower === "near") throw new Error('"near" conditions are not supported');
    if (["and", "or", ")", "them", "of"].includes(lower)) throw new Error(`unexpected "${word}" in the condition "${text}"`);
    if (word.includes("*")) throw new Error(`identifier pattern "${word}" is only allowed after "1 of" or "all of"`);
    const p = identifiers.get(word);
    if (!p) throw new Error(`unknown search identifier "${word}" in the condition`);
    return p;
  };
  const quantified = (): Predicate => {
    const count = take();
    take(); // "of"
    const target = tokens[pos] === undefined ? undefined : take();
    if (target === undefined || target === "(" || target === ")") throw new Error(`"${count} of" needs an identifier pattern or "them"`);
    const quantifier = count.toLowerCase();
    if (quantifier !== "1" && quantifier !== "all") throw new Error(`"${count} of" is not supported (only "1 of" and "all of")`);
    const names = matching(target, identifiers);
    if (names.length === 0) throw new Error(`"${count} of ${target}" matches no search identifier`);
    const items = names.map((n) => identifiers.get(n) as Predicate);
    return quantifier === "all" ? allOf(items) : anyOf(items);
  };

  const result = expr();
  if (pos < tokens.length) throw new Error(`unexpected "${tokens[pos]}" in the condition "${text}"`);
  return result;
}

/** Identifiers a pattern names: `them` is every one not starting with "_" (Sigma's rule); `*` is any run. */
function matching(pattern: string, identifiers: ReadonlyMap<string, Predicate>): string[] {
  const names = [...identifiers.keys()];
  if (pattern.toLowerCase() === "them") return names.filter((n) => !n.startsWith("_"));
  const re = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
  return names.filter((n) => re.test(n));
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
