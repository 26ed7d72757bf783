// node:http front door: /graphql (POST, GET, Sandbox page in development), /health, /ready.
// Each request takes the schema version current when it arrives and keeps it to the end.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "@shopstream/kernel";
import { readBody, sendJson } from "@shopstream/kernel";
import type { Authenticator } from "../auth/authenticator.js";
import { handleCachePurge, purgePath } from "../cache/purge-endpoint.js";
import type { RouterCache } from "../cache/router-cache.js";
import { sendMetrics } from "../observability/metrics-endpoint.js";
import { traceRouterRequest } from "../observability/trace-request.js";
import type { RolloutState } from "../overrides/rollout-sources.js";
import { ensureVisitorId } from "../overrides/visitor-id.js";
import { runHttpGraphQL } from "../pipeline/run-http-graphql.js";
import { internalError } from "../pipeline/shape-response.js";
import type { Protection } from "../protection/protection.js";
import { countRejection } from "../protection/rejections.js";
import type { SupergraphHolder } from "../supergraph/supergraph-holder.js";
import { clientIp, forwardedForHeader } from "./client-ip.js";
import { applyCors } from "./cors.js";
import { sandboxLandingPage, wantsLandingPage } from "./landing-page.js";

export interface HttpSettings {
  development: boolean;
  identitySecret: string;
  maxBodyBytes: number;
  corsOrigins: ReadonlySet<string>;
  logger: Logger;
  rollout?: RolloutState;
  authenticator?: Authenticator;
  /** Peers whose x-forwarded-for is believed (TRUSTED_PROXIES). */
  trustedProxies?: string[];
  /** Limits, trusted documents, rate limiting (protection/). */
  protection?: Protection;
  /** Entity cache: its admin purge endpoint (cache/purge-endpoint.ts). */
  cache?: RouterCache;
}

export function createRouterHttpServer(holder: SupergraphHolder, settings: HttpSettings): http.Server {
  const pipeline = {
    introspection: settings.development,
    identitySecret: settings.identitySecret,
    logger: settings.logger,
    rollout: settings.rollout,
    authenticator: settings.authenticator,
    protection: settings.protection,
  };
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://router");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/metrics") return await sendMetrics(res);
      if (url.pathname === purgePath)
        return await handleCachePurge(req, res, {
          cache: settings.cache,
          authenticator: settings.authenticator,
          logger: settings.logger,
        });
      if (url.pathname === "/ready") {
        const version = holder.current;
        return sendJson(res, version ? 200 : 503, { ready: Boolean(version), schema: version?.id ?? null });
      }
      if (url.pathname !== "/graphql" && url.pathname !== "/") return sendJson(res, 404, { error: "not found" });
      applyCors(req, res, settings.corsOrigins);
      if (req.method === "OPTIONS") return void res.writeHead(204).end();
      if (settings.development && wantsLandingPage(req.method, req.headers.accept, url.searchParams.has("query"))) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return void res.end(sandboxLandingPage);
      }
      const version = holder.current;
      if (!version)
        return sendJson(res, 503, {
          errors: [{ message: "No supergraph loaded yet", extensions: { code: "NOT_READY" } }],
        });
      const body = req.method === "POST" ? await readBody(req, settings.maxBodyBytes) : undefined;
      if (body === null) countRejection("PAYLOAD_TOO_LARGE");
      if (body === null)
        return sendJson(res, 413, {
          errors: [
            {
              message: `Request body exceeds ${settings.maxBodyBytes} bytes`,
              extensions: { code: "PAYLOAD_TOO_LARGE" },
            },
          ],
        });
      const requestId = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : randomUUID();
      const input = {
        method: req.method ?? "GET",
        search: url.searchParams,
        body,
        visitorId: ensureVisitorId(req, res),
        authorization: req.headers.authorization,
        forwardedFor: forwardedForHeader(req, settings.trustedProxies ?? []),
        headers: req.headers,
        clientIp: clientIp(req, settings.trustedProxies ?? []),
      };
      const shaped = await traceRouterRequest(req, () => runHttpGraphQL(version, input, requestId, pipeline));
      for (const [name, value] of Object.entries(shaped.headers ?? {})) res.setHeader(name, value);
      sendJson(res, shaped.status, shaped.body);
    } catch (error) {
      settings.logger.error({ err: error }, "unhandled router error");
      if (!res.headersSent) {
        const shaped = internalError();
        sendJson(res, shaped.status, shaped.body);
      }
    }
  });
}
