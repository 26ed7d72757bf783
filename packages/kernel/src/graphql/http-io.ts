// Plain node:http helpers shared by the subgraph server, its extra routes and the router.
import type http from "node:http";

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** How much of an oversized body is still read (and discarded) after the 413, and for how long. */
export interface DrainBounds {
  maxBytes: number;
  maxMs: number;
}
const defaultDrain: DrainBounds = { maxBytes: 64 * 1024 * 1024, maxMs: 10_000 };

/**
 * Reads a request body as text up to a limit; null as soon as it is larger. The rest is drained
 * (discarded) so the client can still read the 413 instead of a connection reset, bounded in bytes
 * and time: a client that keeps sending past either bound has its connection closed.
 */
export function readBody(
  req: http.IncomingMessage,
  maxBytes: number,
  drain: DrainBounds = defaultDrain,
): Promise<string | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) {
    drainBounded(req, 0, drain);
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      chunks.length = 0;
      drainBounded(req, size, drain);
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

function drainBounded(req: http.IncomingMessage, alreadyRead: number, bounds: DrainBounds): void {
  let drained = alreadyRead;
  const timer = setTimeout(() => req.destroy(), bounds.maxMs);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > bounds.maxBytes) req.destroy();
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}
