/*
 * Sigma's `re` values are PCRE-style; the rules run as PostgreSQL regular expressions (ARE). The
 * two agree on most syntax; where they differ this either translates (\b → \y) or refuses, because
 * a pattern Postgres rejects fails the whole rule query at run time, and a pattern it reads
 * differently would match the wrong events without saying so.
 */

/** Escapes ARE knows: classes, anchors, character entries, back references. */
const ARE_ESCAPES = new Set([..."aAbBcdDefmMnrsStuUvwWxyYZ0123456789"]);
/** Valid in PCRE, refused or read otherwise by ARE. */
const PCRE_ONLY: Record<string, string> = {
  z: "\\z",
  G: "\\G",
  K: "\\K",
  R: "\\R",
  h: "\\h",
  H: "\\H",
  V: "\\V",
  N: "\\N",
  p: "\\p{…}",
  P: "\\P{…}",
  X: "\\X",
  C: "\\C",
  Q: "\\Q…\\E",
  E: "\\Q…\\E",
  g: "\\g",
  k: "\\k<name>",
  o: "\\o{…}",
  U: "\\U",
  m: "\\m",
  M: "\\M",
  y: "\\y",
  Y: "\\Y",
};

/** A Sigma regular expression as a PostgreSQL one; throws Error with the construct it cannot carry over. */
export function toPostgresRegex(pattern: string): { pattern: string; caseInsensitive: boolean } {
  let body = pattern;
  let caseInsensitive = false;
  // A leading (?i) is common in Sigma rules; ARE would take it too, but JS (which checks the syntax below) does not.
  if (body.startsWith("(?i)")) {
    body = body.slice(4);
    caseInsensitive = true;
  }
  const refuse = (what: string): never => {
    throw new Error(`regular expression construct ${what} is not supported by PostgreSQL`);
  };
  let out = "";
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    const next = body.charAt(i + 1);
    if (c === "\\") {
      if (/[A-Za-z0-9]/.test(next)) {
        if (PCRE_ONLY[next]) refuse(PCRE_ONLY[next]);
        if (!ARE_ESCAPES.has(next)) refuse(`\\${next}`);
        if (inClass && /[DSW]/.test(next)) refuse(`[\\${next}] (a negated class escape inside brackets)`);
        // ARE reads every hex digit after \x; PCRE reads two.
        if (next === "x" && !/^\\x[0-9a-fA-F]{2}(?![0-9a-fA-F])/.test(body.slice(i)))
          refuse("\\x other than \\xhh before a non-hex character");
        // Outside brackets PCRE's word boundary is ARE's \y (ARE's \b is a backspace).
        if (!inClass && next === "b") out += "\\y";
        else if (!inClass && next === "B") out += "\\Y";
        else out += c + next;
      } else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // A "]" first in the class (after an optional "^") is a literal in both dialects.
      if (body.charAt(i + 1) === "^") out += body.charAt(++i);
      if (body.charAt(i + 1) === "]") out += body.charAt(++i);
      continue;
    }
    if (c === "(" && next === "?") {
      const rest = body.slice(i);
      if (/^\(\?(P?<[A-Za-z_]|P=|P>)/.test(rest)) refuse("(?<name>…) (named group)");
      if (rest.startsWith("(?>")) refuse("(?>…) (atomic group)");
      if (/^\(\?[(R0-9&+-]/.test(rest)) refuse("(?(…) / (?R) (conditional or recursion)");
      if (/^\(\?[a-zA-Z]*[:)]/.test(rest) && !rest.startsWith("(?:")) refuse("inline flags such as (?i) after the start");
    }
    if (/[*+?}]/.test(c) && next === "+") refuse(`${c}+ (possessive quantifier)`);
    if (c === "{") {
      const bound = /^\{(\d+)(,(\d*))?\}/.exec(body.slice(i));
      if (!bound) refuse('a literal "{" (escape it as \\{)');
      // ARE's repetition counts stop at 255.
      if (Number(bound?.[1]) > 255 || Number(bound?.[3] || 0) > 255) refuse(`${bound?.[0]} (a count above 255)`);
    }
    out += c;
  }
  // After the scan, so a PCRE-only construct is named rather than reported as a syntax error.
  try {
    new RegExp(body);
  } catch (err) {
    throw new Error(`invalid regular expression: ${(err as Error).message}`);
  }
  return { pattern: out, caseInsensitive };
}
