import type { PageOptions } from "./chromium-page";

/**
 * How headless Chromium asks this app for a page as the person who made the request: their
 * session cookie, or the bearer token they came with (the CLI). Chromium goes to this server on
 * loopback at the port it listens on (CHAINLINE_INTERNAL_URL when it listens elsewhere), never
 * to the request's Host header: a forged Host must not send the server's browser anywhere else.
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
    origin: (process.env.CHAINLINE_INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, ""),
    cookies,
    headers: authorization ? { authorization } : {},
  };
}
