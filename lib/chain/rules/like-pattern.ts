/*
 * LIKE patterns for the string operators. Every pattern is used with ESCAPE '\', so a value's own
 * `%`, `_` and `\` are escaped and match only themselves.
 */

/** A value that matches only itself inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/**
 * A Sigma wildcard value as a LIKE pattern: `*` any run, `?` one character; `\*`, `\?` and `\\`
 * are the literal characters, and a backslash before anything else is itself (Windows paths
 * are written `C:\Windows\*`).
 */
export function wildcardToLike(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const next = value.charAt(i + 1);
    if (c === "\\" && (next === "*" || next === "?" || next === "\\")) {
      out += escapeLike(next);
      i++;
    } else if (c === "*") out += "%";
    else if (c === "?") out += "_";
    else out += escapeLike(c);
  }
  return out;
}
