import http from "node:http";

/** The request header that carries the TCP peer's address, set by the server itself for every request. */
export const PEER_HEADER = "x-chainline-peer";

/**
 * Stamps each incoming request with its socket's address. `next start` fills X-Forwarded-For from
 * the socket only when a client sent none, so that header alone lets any client choose the address
 * its sign-in attempts are counted (and audited) under; this one is always overwritten here, before
 * Next.js sees the request.
 */
export function stampPeerAddresses(): void {
  const proto = http.Server.prototype as http.Server & { __chainlinePeer?: boolean };
  if (proto.__chainlinePeer) return;
  proto.__chainlinePeer = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args]);
  } as typeof proto.emit;
}
