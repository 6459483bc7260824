/**
 * Where to go after signing in: a path on this site only. Anything a browser could read as another
 * origin (`//host`, `/\host`, a scheme, control characters) gives the incidents list instead.
 */
export function safeNext(next: string | null | undefined): string {
  const fallback = "/incidents";
  if (!next || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const base = "http://chainline.invalid";
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
