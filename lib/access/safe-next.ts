/**
 * Where to go after signing in: a path on this site only. Anything a browser could read as another
 * origin (`//host`, `/\host`, a scheme, control characters) gives the incidents list instead.
 */
export function safeNext(next: string | null | undefined): string {
  const fallback = "/incidents";
  if (!next?.startsWith("/") || hasUnsafeCharacter(next)) return fallback;
  try {
    const base = "http://chainline.invalid";
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** A backslash (read as a slash by browsers) or a control character (dropped by URL parsers). */
function hasUnsafeCharacter(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\" || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
