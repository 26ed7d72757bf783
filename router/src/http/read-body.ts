// Reads a request body up to a limit; null when the body is larger (the rest is drained so the
// connection stays usable and the client gets a 413 instead of a reset).
import type http from "node:http";

export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
