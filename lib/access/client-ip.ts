import { PEER_HEADER } from "./peer-address";

/**
 * The client's address: the TCP peer (stamped by the server, lib/access/peer-address.ts), or, behind
 * reverse proxies (CHAINLINE_TRUST_PROXY=N, the number of proxies in front), the X-Forwarded-For entry
 * the nearest of them recorded. Entries a client wrote itself are never believed.
 */
export function clientIp(headers: Headers, trustedProxies = Number(process.env.CHAINLINE_TRUST_PROXY) || 0): string {
  const peer = headers.get(PEER_HEADER) || "unknown";
  let ip = peer;
  if (trustedProxies > 0) {
    const list = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    ip = list[list.length - trustedProxies] ?? peer;
  }
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}
