/**
 * The client's address as the server saw it. `next start` fills X-Forwarded-For from the socket
 * only when the request has none; behind a reverse proxy (CHAINLINE_TRUST_PROXY=1) its first entry
 * is the client's.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const list = forwarded
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = (process.env.CHAINLINE_TRUST_PROXY ? list[0] : list[list.length - 1]) ?? headers.get("x-real-ip") ?? "unknown";
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}
