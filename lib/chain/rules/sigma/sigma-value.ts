/*
 * Sigma string values: `*` and `?` are wildcards unless escaped; `\*`, `\?` and `\\` are the
 * literal characters; any other backslash is itself (Windows paths: `C:\Windows\*`).
 */

type Part = { literal: string } | { wildcard: "*" | "?" };

function partsOf(value: string): Part[] {
  const parts: Part[] = [];
  let literal = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const next = value.charAt(i + 1);
    if (c === "\\" && (next === "*" || next === "?" || next === "\\")) {
      literal += next;
      i++;
    } else if (c === "*" || c === "?") {
      if (literal) parts.push({ literal });
      literal = "";
      parts.push({ wildcard: c });
    } else literal += c;
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** A value read the Sigma way: its plain text when it has no wildcard, else a canonical wildcard pattern. */
export type SigmaText = { kind: "plain"; text: string } | { kind: "wildcard"; pattern: string };

/** Re-escapes literal text for the Predicate's `wildcard` (the same escaping Sigma uses). */
export const escapeWildcard = (text: string): string => text.replace(/[\\*?]/g, "\\$&");

export function readSigmaText(value: string): SigmaText {
  const parts = partsOf(value);
  if (parts.every((p) => "literal" in p)) return { kind: "plain", text: parts.map((p) => ("literal" in p ? p.literal : "")).join("") };
  return { kind: "wildcard", pattern: parts.map((p) => ("literal" in p ? escapeWildcard(p.literal) : p.wildcard)).join("") };
}
