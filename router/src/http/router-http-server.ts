// node:http front door: /graphql (POST, GET, Sandbox page in development), /health, /ready.
// Each request takes the schema version current when it arrives and keeps it to the end.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "@shopstream/kernel";
import { runGraphQLRequest } from "../pipeline/run-graphql-request.js";
import { internalError } from "../pipeline/shape-response.js";
import type { SupergraphHolder } from "../supergraph/supergraph-holder.js";
import { applyCors } from "./cors.js";
import { sandboxLandingPage, wantsLandingPage } from "./landing-page.js";
import { readBody } from "./read-body.js";
import { sendJson } from "./send.js";

export interface HttpSettings {
  development: boolean;
  identitySecret: string;
  maxBodyBytes: number;
  corsOrigins: ReadonlySet<string>;
  logger: Logger;
}

export function createRouterHttpServer(holder: SupergraphHolder, settings: HttpSettings): http.Server {
  const pipeline = {
    introspection: settings.development,
    identitySecret: settings.identitySecret,
    logger: settings.logger,
  };
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://router");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
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
      const input = { method: req.method ?? "GET", search: url.searchParams, body };
      const shaped = await runGraphQLRequest(version, input, requestId, pipeline);
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
