import type { PageOptions } from "./chromium-page";

/**
 * How headless Chromium asks this app for a page as the person who made the request: their
 * session cookie, or the bearer token they came with (the CLI), and this server's origin
 * (CHAINLINE_INTERNAL_URL when the public one is not reachable from the server itself).
 */
export type Requester = Required<Pick<PageOptions, "origin" | "cookies" | "headers">>;

export function requesterOf(request: Request): Requester {
  const cookies = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c.includes("="))
    .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) }));
  const authorization = request.headers.get("authorization");
  return {
    origin: process.env.CHAINLINE_INTERNAL_URL ?? new URL(request.url).origin,
    cookies,
    headers: authorization ? { authorization } : {},
  };
}
