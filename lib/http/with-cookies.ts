/** A response that sets the given cookies (a new session's, or the ones that clear it). */
export function withCookies(res: Response, setCookie: string[]): Response {
  for (const c of setCookie) res.headers.append("Set-Cookie", c);
  return res;
}
