// CORS: in development Apollo Sandbox (studio.apollographql.com) may call the router from the
// browser; other origins only when listed in CORS_ORIGINS. Preflights are answered here.
import type http from "node:http";

export const sandboxOrigins = ["https://studio.apollographql.com", "https://sandbox.apollo.dev"];

export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, allowed: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  if (!origin || !allowed.has(origin)) return;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("access-control-allow-credentials", "true");
  res.setHeader("vary", "origin");
  if (req.method === "OPTIONS") {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader(
      "access-control-allow-headers",
      req.headers["access-control-request-headers"] ?? "content-type, authorization, apollographql-client-name",
    );
    res.setHeader("access-control-max-age", "600");
  }
}
