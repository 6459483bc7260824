import { type Document, LineCounter, parseAllDocuments, visit } from "yaml";
import type { Predicate } from "../predicate";
import { allOf, anyOf } from "./combine";
import { parseCondition } from "./sigma-condition";
import { searchPredicate } from "./sigma-detection";
import { SigmaRuleError } from "./sigma-error";
import { logsourcePredicate, normalizeLogsource, type SigmaLogsource } from "./sigma-logsource";

export type SigmaLevel = "informational" | "low" | "medium" | "high" | "critical";

export type SigmaRule = {
  id: string | null;
  title: string;
  description: string;
  level: SigmaLevel | null;
  /** The first ATT&CK technique tag, upper-cased: attack.t1003.001 → "T1003.001". */
  technique: string | null;
  /** ATT&CK tactic tags as written in the rule, lower-cased: "attack.credential_access". */
  tactics: string[];
  tags: string[];
  /** As written in the rule (trimmed, lower-cased). */
  logsource: SigmaLogsource;
  /** The logsource filter AND the detection. */
  predicate: Predicate;
  /** The detection alone (for a runner whose gate already is the logsource filter). */
  detection: Predicate;
  /** The rule's YAML document as data, so one rule of a multi-rule file can be stored on its own. */
  source: Record<string, unknown>;
};

/** A rule (or document) that was not loaded, and why. `line` is 1-based, in the whole file. */
export type SigmaProblem = { rule: string; line: number | null; message: string };

const LEVELS: readonly string[] = ["informational", "low", "medium", "high", "critical"];
const TECHNIQUE = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
// attack.<tactic>, not attack.t1234 (technique), attack.g0001 (group) or attack.s0001 (software).
const TACTIC = /^attack\.(?![tgs]\d{4})[a-z][a-z_-]*$/i;

/**
 * Every rule of a Sigma YAML file (one rule per YAML document). A rule that uses anything we
 * cannot translate exactly is left out whole and reported, so nothing runs half-understood.
 */
export function parseSigma(yamlText: string, fileName: string): { rules: SigmaRule[]; problems: SigmaProblem[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(yamlText, { lineCounter });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  const rules: SigmaRule[] = [];
  const problems: SigmaProblem[] = [];
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);

  docs.forEach((doc, index) => {
    const fallbackName = docs.length > 1 ? `${fileName} (document ${index + 1})` : fileName;
    const firstError = doc.errors[0];
    if (firstError) {
      problems.push({
        rule: fallbackName,
        line: firstError.linePos?.[0].line ?? lineAt(firstError.pos[0]),
        message: `YAML: ${firstError.message}`,
      });
      return;
    }
    // Numbers keep the text they were written as: `GrantedAccess: 0x1fffff` means that text in the
    // event (where it is text), not 2097151; gt/lt read the text as a number again.
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value === "number" && typeof node.source === "string") node.value = node.source;
      },
    });
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (err) {
      problems.push({ rule: fallbackName, line: lineAt(doc.range?.[0]), message: `YAML: ${(err as Error).message}` });
      return;
    }
    // An empty document (a trailing "---") holds no rule and so is not one.
    if (value === null || value === undefined) return;
    const title = isMap(value) && typeof value.title === "string" && value.title.trim() ? value.title.trim() : fallbackName;
    try {
      if (!isMap(value)) throw new SigmaRuleError("a Sigma rule must be a YAML mapping");
      rules.push(ruleOf(value, title));
    } catch (err) {
      if (!(err instanceof SigmaRuleError)) throw err;
      problems.push({ rule: title, line: lineOfPath(doc, err.path, lineAt), message: err.message });
    }
  });
  if (rules.length === 0 && problems.length === 0) problems.push({ rule: fileName, line: null, message: "the file holds no Sigma rule" });
  return { rules, problems };
}

function ruleOf(doc: Record<string, unknown>, title: string): SigmaRule {
  if ("correlation" in doc) throw new SigmaRuleError("correlation rules are not supported", ["correlation"]);
  if ("action" in doc) throw new SigmaRuleError(`rule collections (action: ${String(doc.action)}) are not supported`, ["action"]);
  if ("filter" in doc && !("detection" in doc)) throw new SigmaRuleError("Sigma filter rules are not supported", ["filter"]);
  const logsource = readLogsource(doc.logsource);
  const detection = doc.detection;
  if (!isMap(detection)) throw new SigmaRuleError("the rule has no detection map", ["detection"]);
  const detects = detectionPredicate(detection, logsource);
  const predicate = allOf([logsourcePredicate(logsource), detects]);
  const tags = Array.isArray(doc.tags) ? doc.tags.filter((t): t is string => typeof t === "string").map((t) => t.trim()) : [];
  const technique = tags.map((t) => TECHNIQUE.exec(t)?.[1]).find((t) => t !== undefined);
  const level = typeof doc.level === "string" ? doc.level.trim().toLowerCase() : "";
  return {
    id: typeof doc.id === "string" && doc.id.trim() ? doc.id.trim() : null,
    title,
    description: typeof doc.description === "string" ? doc.description.trim() : "",
    level: LEVELS.includes(level) ? (level as SigmaLevel) : null,
    technique: technique ? technique.toUpperCase() : null,
    tactics: tags.filter((t) => TACTIC.test(t)).map((t) => t.toLowerCase()),
    tags,
    logsource,
    predicate,
    detection: detects,
    source: doc,
  };
}

function readLogsource(value: unknown): SigmaLogsource {
  if (!isMap(value)) throw new SigmaRuleError("the rule has no logsource", ["logsource"]);
  const text = (key: "product" | "service" | "category") => {
    const v = value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw new SigmaRuleError(`logsource ${key} must be text`, ["logsource", key]);
    return v;
  };
  return normalizeLogsource({ product: text("product"), service: text("service"), category: text("category") });
}

function detectionPredicate(detection: Record<string, unknown>, logsource: SigmaLogsource): Predicate {
  if ("timeframe" in detection)
    throw new SigmaRuleError("timeframe (a time-window condition) is not supported", ["detection", "timeframe"]);
  const { condition, ...searches } = detection;
  const identifiers = new Map<string, Predicate>();
  // Every search identifier is translated, used or not: an unsupported one fails the rule rather than hiding.
  for (const [name, value] of Object.entries(searches)) {
    identifiers.set(name, searchPredicate(value, logsource, ["detection", name]));
  }
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || conditions.some((c) => typeof c !== "string")) {
    throw new SigmaRuleError("the detection needs a condition (text, or a list of texts)", ["detection", "condition"]);
  }
  const parsed = conditions.map((c, i) => {
    try {
      return parseCondition(c as string, identifiers);
    } catch (err) {
      throw new SigmaRuleError(
        `condition: ${(err as Error).message}`,
        Array.isArray(condition) ? ["detection", "condition", i] : ["detection", "condition"],
      );
    }
  });
  // A list of conditions means any of them (Sigma 1).
  return anyOf(parsed);
}

/** The line of the deepest node on the path that exists, else the document's first line. */
function lineOfPath(
  doc: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number | undefined) => number | null,
): number | null {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineAt(range[0]);
  }
  return lineAt(doc.contents?.range?.[0] ?? doc.range?.[0]);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
