// The caller's address. The direct TCP peer is the truth unless it is one of our own proxies
// (TRUSTED_PROXIES, e.g. a load balancer): only then is `x-forwarded-for` believed, read from the
// right and skipping further trusted hops, so a client cannot spoof its address by sending the
// header itself. Used for subgraph x-forwarded-for and by rate limiting.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** `::ffff:127.0.0.1` → `127.0.0.1`, so IPv4 peers compare equal however the socket reports them. */
export function normalizeIp(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

function forwardedFor(req: Pick<IncomingMessage, "headers">): string[] {
  const raw = req.headers["x-forwarded-for"];
  const joined = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return joined
    .split(",")
    .map((part) => normalizeIp(part))
    .filter(Boolean);
}

export function clientIp(
  req: Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string | undefined } },
  trustedProxies: string[],
): string {
  const peer = normalizeIp(req.socket.remoteAddress ?? "");
  const trusted = new Set(trustedProxies.map(normalizeIp));
  if (!trusted.has(peer)) return peer;
  // Walk right to left: the first hop that is not one of ours is the client.
  const hops = forwardedFor(req);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (!isIP(hop)) return peer; // garbage in the header: fall back to what we actually saw
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/**
 * x-forwarded-for for subgraph calls: the chain our trusted proxies built (a chain an untrusted
 * peer sent is dropped) with the client address appended, so its LAST entry is always the client.
 */
export function forwardedForHeader(
  req: Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string | undefined } },
  trustedProxies: string[],
): string {
  const ip = clientIp(req, trustedProxies);
  const peer = normalizeIp(req.socket.remoteAddress ?? "");
  const chain = trustedProxies.map(normalizeIp).includes(peer) ? forwardedFor(req) : [];
  return [...chain, ip].join(", ");
}
