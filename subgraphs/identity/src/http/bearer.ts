import type http from "node:http";

export function bearerToken(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+([A-Za-z0-9\-_.]+)$/i);
  return match?.[1] ?? null;
}
