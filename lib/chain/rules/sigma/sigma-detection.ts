import { isCidrText } from "../ip-text";
import { col, type FieldRef, type Predicate } from "../predicate";
import { allOf, anyOf, negate } from "./combine";
import { SigmaRuleError } from "./sigma-error";
import { type FieldContext, sigmaFieldRefs } from "./sigma-fields";
import { toPostgresRegex } from "./sigma-regex";
import { readSigmaText } from "./sigma-value";

/**
 * One search identifier of a Sigma detection (a map of fields, a list of maps, or a list of
 * keywords) as a Predicate. Anything it cannot express exactly throws SigmaRuleError with the
 * YAML path of the offending value: a rule is loaded whole or not at all.
 */

type Path = readonly (string | number)[];

const STRING_OPS = ["contains", "startswith", "endswith"] as const;
const NUM_OPS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
/** Modifiers Sigma defines that change the value before matching; we have no equivalent. */
const TRANSFORMS = new Set(["base64", "base64offset", "utf16le", "utf16be", "utf16", "wide", "windash", "expand", "fieldref"]);

type StringOp = "eq" | (typeof STRING_OPS)[number];
type Test =
  | { kind: "string"; op: StringOp }
  | { kind: "re"; caseInsensitive: boolean }
  | { kind: "cidr" }
  | { kind: "exists" }
  | { kind: "num"; cmp: (typeof NUM_OPS)[keyof typeof NUM_OPS] };
type Modifiers = { test: Test; all: boolean; cased: boolean };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

export function searchPredicate(value: unknown, ctx: FieldContext, path: Path): Predicate {
  if (isMap(value)) return fieldMap(value, ctx, path);
  if (isScalar(value)) return keyword(value, path);
  if (!Array.isArray(value)) throw new SigmaRuleError("a search identifier must be a map, a list of maps or a list of keywords", path);
  if (value.length === 0) throw new SigmaRuleError("empty search identifier", path);
  if (value.every(isMap)) return anyOf(value.map((m, i) => fieldMap(m, ctx, [...path, i])));
  if (value.every(isScalar)) return anyOf(value.map((k, i) => keyword(k, [...path, i])));
  throw new SigmaRuleError("a search identifier list mixes maps and keywords (or holds other values)", path);
}

/** A keyword: the text anywhere in the event's message. */
function keyword(value: string | number | boolean, path: Path): Predicate {
  if (typeof value === "boolean") throw new SigmaRuleError("a keyword must be text or a number", path);
  const field = col("message");
  const text = readSigmaText(String(value));
  return text.kind === "plain" ? { op: "contains", field, value: text.text } : { op: "wildcard", field, value: `*${text.pattern}*` };
}

function fieldMap(map: Record<string, unknown>, ctx: FieldContext, path: Path): Predicate {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new SigmaRuleError("empty map in a search identifier", path);
  return allOf(entries.map(([key, value]) => fieldTest(key, value, ctx, [...path, key])));
}

function fieldTest(key: string, value: unknown, ctx: FieldContext, path: Path): Predicate {
  const [name = "", ...mods] = key.split("|");
  if (name.trim() === "") throw new SigmaRuleError(`"${key}": keyword lists with modifiers are not supported`, path);
  const modifiers = readModifiers(mods, path);
  const refs = sigmaFieldRefs(name, ctx);
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw new SigmaRuleError(`${name}: empty value list`, path);
  const tests = values.map((v, i) => valueTest(refs, v, modifiers, Array.isArray(value) ? [...path, i] : path, name));
  return modifiers.all ? allOf(tests) : anyOf(tests);
}

function readModifiers(mods: string[], path: Path): Modifiers {
  // Asserted, not inferred: setTest reassigns it, so TS must not narrow it to the initial value.
  let test = { kind: "string", op: "eq" } as Test;
  let set: string | null = null;
  let allValues = false;
  let cased = false;
  const setTest = (mod: string, t: Test) => {
    if (set) throw new SigmaRuleError(`modifiers "${set}" and "${mod}" cannot be combined`, path);
    set = mod;
    test = t;
  };
  for (const raw of mods) {
    const mod = raw.trim().toLowerCase();
    if ((STRING_OPS as readonly string[]).includes(mod)) setTest(mod, { kind: "string", op: mod as StringOp });
    else if (mod === "re") setTest(mod, { kind: "re", caseInsensitive: false });
    else if (mod === "i" && test.kind === "re") test = { kind: "re", caseInsensitive: true };
    else if ((mod === "m" || mod === "s") && test.kind === "re")
      throw new SigmaRuleError(`modifier "re|${mod}" (multi-line / dot-all regular expressions) is not supported`, path);
    else if (mod === "cidr") setTest(mod, { kind: "cidr" });
    else if (mod === "exists") setTest(mod, { kind: "exists" });
    else if (Object.hasOwn(NUM_OPS, mod)) setTest(mod, { kind: "num", cmp: NUM_OPS[mod as keyof typeof NUM_OPS] });
    else if (mod === "all") allValues = true;
    else if (mod === "cased") cased = true;
    else if (TRANSFORMS.has(mod)) throw new SigmaRuleError(`modifier "${mod}" is not supported`, path);
    else throw new SigmaRuleError(`unknown modifier "${raw}" is not supported`, path);
  }
  if (cased && test.kind !== "string") throw new SigmaRuleError(`modifier "cased" cannot be combined with "${set}"`, path);
  return { test, all: allValues, cased };
}

function valueTest(refs: FieldRef[], value: unknown, m: Modifiers, path: Path, name: string): Predicate {
  const t = m.test;
  if (value === null) {
    // Sigma's null: the field is absent (at every place it could be).
    if (t.kind !== "string" || t.op !== "eq") throw new SigmaRuleError(`${name}: null cannot be combined with a modifier`, path);
    return negate(anyOf(refs.map((field) => ({ op: "exists", field }))));
  }
  if (!isScalar(value)) throw new SigmaRuleError(`${name}: nested lists and maps are not supported as values`, path);
  switch (t.kind) {
    case "exists":
      if (typeof value !== "boolean") throw new SigmaRuleError(`${name}|exists needs true or false`, path);
      return value ? anyOf(refs.map((field) => ({ op: "exists", field }))) : negate(anyOf(refs.map((field) => ({ op: "exists", field }))));
    case "num": {
      const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw new SigmaRuleError(`${name}: "${String(value)}" is not a number`, path);
      return anyOf(refs.map((field) => ({ op: "num", field, cmp: t.cmp, value: n })));
    }
    case "cidr": {
      const network = String(value).trim();
      if (!isCidrText(network)) throw new SigmaRuleError(`${name}|cidr: "${network}" is not an IP network`, path);
      return anyOf(refs.map((field) => ({ op: "cidr", field, value: network })));
    }
    case "re": {
      let re: ReturnType<typeof toPostgresRegex>;
      try {
        re = toPostgresRegex(String(value));
      } catch (err) {
        throw new SigmaRuleError(`${name}|re: ${(err as Error).message}`, path);
      }
      const caseInsensitive = t.caseInsensitive || re.caseInsensitive;
      return anyOf(refs.map((field) => ({ op: "re", field, pattern: re.pattern, ...(caseInsensitive ? { caseInsensitive } : {}) })));
    }
    case "string":
      return anyOf(refs.map((field) => stringTest(field, t.op, String(value), m.cased)));
  }
}

/** A plain value tests with its operator; one with wildcards becomes an anchored wildcard pattern. */
function stringTest(field: FieldRef, op: StringOp, value: string, cased: boolean): Predicate {
  const text = readSigmaText(value);
  const caseSensitive = cased ? { caseSensitive: true } : {};
  if (text.kind === "plain") return { op, field, value: text.text, ...caseSensitive };
  const lead = op === "contains" || op === "endswith" ? "*" : "";
  const tail = op === "contains" || op === "startswith" ? "*" : "";
  return { op: "wildcard", field, value: `${lead}${text.pattern}${tail}`, ...caseSensitive };
}
