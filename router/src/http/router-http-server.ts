// node:http front door: /graphql (POST, GET, Sandbox page in development), /health, /ready.
// Each request takes the schema version current when it arrives and keeps it to the end.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "@shopstream/kernel";
import { readBody, sendJson } from "@shopstream/kernel";
import { handleCachePurge, purgePath } from "../cache/purge-endpoint.js";
import { sendMetrics } from "../observability/metrics-endpoint.js";
import { traceRouterRequest } from "../observability/trace-request.js";
import { ensureVisitorId } from "../overrides/visitor-id.js";
import { runHttpGraphQL } from "../pipeline/run-http-graphql.js";
import { internalError } from "../pipeline/shape-response.js";
import { countRejection } from "../protection/rejections.js";
import type { RouterComponents } from "../router-components.js";
import { clientIp, forwardedForHeader } from "./client-ip.js";
import { applyCors } from "./cors.js";
import { sandboxLandingPage, wantsLandingPage } from "./landing-page.js";
import { writeMultipart } from "./multipart-response.js";
import { acceptsMultipartSubscription, writeMultipartSubscription } from "./multipart-subscription.js";

export function createRouterHttpServer(router: RouterComponents): http.Server {
  const { settings, supergraph, logger } = router;
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://router");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/metrics") return await sendMetrics(res);
      if (url.pathname === purgePath)
        return await handleCachePurge(req, res, {
          cache: router.cache,
          authenticator: router.authenticator,
          logger,
        });
      if (url.pathname === "/ready") {
        if (router.draining) return sendJson(res, 503, { ready: false, draining: true });
        const version = supergraph.current;
        return sendJson(res, version ? 200 : 503, { ready: Boolean(version), schema: version?.id ?? null });
      }
      if (url.pathname !== "/graphql" && url.pathname !== "/") return sendJson(res, 404, { error: "not found" });
      applyCors(req, res, router.corsOrigins);
      if (req.method === "OPTIONS") return void res.writeHead(204).end();
      if (router.development && wantsLandingPage(req.method, req.headers.accept, url.searchParams.has("query"))) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return void res.end(sandboxLandingPage);
      }
      const version = supergraph.current;
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
      // A multipart subscription lasts until the client goes away.
      const gone = new AbortController();
      res.once("close", () => gone.abort());
      const requestId = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : randomUUID();
      const input = {
        method: req.method ?? "GET",
        search: url.searchParams,
        body,
        visitorId: ensureVisitorId(req, res),
        authorization: req.headers.authorization,
        forwardedFor: forwardedForHeader(req, settings.trustedProxies),
        headers: req.headers,
        clientIp: clientIp(req, settings.trustedProxies),
        subscriptionTransport: acceptsMultipartSubscription(req.headers.accept) ? ("multipart" as const) : undefined,
        signal: gone.signal,
      };
      const startedAt = performance.now();
      const shaped = await traceRouterRequest(req, () => runHttpGraphQL(version, input, requestId, router));
      for (const [name, value] of Object.entries(shaped.headers ?? {})) res.setHeader(name, value);
      if ("events" in shaped && shaped.events)
        return await writeMultipartSubscription(res, shaped.events, settings.subscriptions.heartbeatMs);
      if ("subsequent" in shaped && shaped.subsequent)
        return await writeMultipart(
          res,
          shaped.status,
          { ...shaped.body, hasNext: true },
          shaped.subsequent,
          startedAt,
        );
      sendJson(res, shaped.status, shaped.body);
    } catch (error) {
      logger.error({ err: error }, "unhandled router error");
      if (!res.headersSent) {
        const shaped = internalError();
        sendJson(res, shaped.status, shaped.body);
      }
    }
  });
}
