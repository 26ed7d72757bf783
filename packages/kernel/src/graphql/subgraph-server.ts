// HTTP server for a subgraph: Apollo Server over node:http with /graphql, /health and /ready.
// Every GraphQL request must carry the router's signed identity; anything else is rejected.
// A schema with a Subscription type also serves graphql-ws on /graphql (subgraph-subscriptions.ts).
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { type Identity, IdentityError, verifyIdentityHeaders } from "../auth/identity.js";
import { httpShutdown } from "../lifecycle/http-shutdown.js";
import type { Logger } from "../logging/logger.js";
import { initMetrics, metricsRegistry } from "../observability/metrics.js";
import { initTracing, SpanKind, withSpan } from "../observability/tracing.js";
import { kafkaReadiness } from "../runtime/readiness.js";
import { readBody, sendJson } from "./http-io.js";
import { metricsPlugin } from "./metrics-plugin.js";
import { serveSubscriptions } from "./subgraph-subscriptions.js";

export interface BaseRequestContext {
  identity: Identity;
  requestId: string;
  logger: Logger;
  /** Raw request headers, e.g. for the client IP the router forwards. */
  headers: http.IncomingHttpHeaders;
}

/** A plain HTTP endpoint next to /graphql (no identity headers required), e.g. a JWKS document. */
export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void;

export interface SubgraphDefinition<Ctx extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<Ctx>;
  introspection?: boolean;
}

export function createSubgraphApollo<Ctx extends BaseContext>(
  definition: SubgraphDefinition<Ctx>,
  schema: GraphQLSchema = subgraphSchema(definition),
): ApolloServer<Ctx> {
  return new ApolloServer<Ctx>({
    schema,
    introspection: definition.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // Apollo's inline (ftv1) traces are for Apollo Studio; we trace with OpenTelemetry instead.
    plugins: [metricsPlugin<Ctx>(), ApolloServerPluginInlineTraceDisabled()],
    // The kernel's lifecycle owns SIGTERM (drain, consumers, outbox flush); Apollo's own handler
    // would stop the server underneath it and re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
  });
}

export const subgraphSchema = <Ctx extends BaseContext>(definition: SubgraphDefinition<Ctx>) =>
  buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]);

export interface SubgraphServerOptions<Ctx extends BaseContext> extends SubgraphDefinition<Ctx> {
  port: number;
  host?: string;
  logger: Logger;
  identitySecret: string;
  context: (base: BaseRequestContext) => Ctx | Promise<Ctx>;
  /** Dependency checks for /ready, e.g. `{ postgres: () => prisma.$queryRaw\`select 1\` }`. */
  readiness?: Record<string, () => Promise<unknown>>;
  maxBodyBytes?: number;
  /** When set, /ready also checks that the Kafka cluster answers. */
  kafkaBrokers?: string[];
  /** Extra endpoints by exact path; they handle their own authentication. */
  routes?: Record<string, HttpRoute>;
  /**
   * On close, /ready answers 503 for this long while requests are still served, so a load
   * balancer stops sending before the port closes (SHUTDOWN_DRAIN_MS; 0 = close at once).
   */
  drainMs?: number;
  /** In-flight requests get this long to finish once the port is closed; then they are cut. */
  closeTimeoutMs?: number;
}

export interface RunningSubgraph<Ctx extends BaseContext> {
  url: string;
  port: number;
  apollo: ApolloServer<Ctx>;
  close(): Promise<void>;
}

export async function startSubgraphServer<Ctx extends BaseContext>(
  options: SubgraphServerOptions<Ctx>,
): Promise<RunningSubgraph<Ctx>> {
  initMetrics(options.name);
  initTracing(options.name);
  const schema = subgraphSchema(options);
  const apollo = createSubgraphApollo(options, schema);
  const readiness = {
    ...options.readiness,
    ...(options.kafkaBrokers ? { kafka: kafkaReadiness(options.kafkaBrokers) } : {}),
  };
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok", service: options.name });
      if (url.pathname === "/ready")
        return shutdown.draining
          ? sendJson(res, 503, { ready: false, draining: true })
          : await sendReadiness(res, readiness);
      if (url.pathname === "/metrics") return await sendMetrics(res);
      const route = options.routes?.[url.pathname];
      if (route) return await route(req, res, url);
      if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
      const requestId = String(req.headers["x-request-id"] ?? randomUUID());
      let identity: Identity;
      try {
        identity = verifyIdentityHeaders(req.headers, options.identitySecret);
      } catch (error) {
        if (!(error instanceof IdentityError)) throw error;
        return sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: "UNAUTHENTICATED" } }] });
      }
      const body = req.method === "POST" ? await readBody(req, maxBodyBytes) : undefined;
      if (body === null)
        return sendJson(res, 413, {
          errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
        });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
      const logger = options.logger.child({ requestId });
      const graphqlBody = parseJson(body);
      if (logger.isLevelEnabled("debug")) {
        // Variables may hold passwords or tokens: the logger scrubs secret-named keys at any depth.
        const { operationName, variables } = (graphqlBody ?? {}) as { operationName?: unknown; variables?: unknown };
        logger.debug({ operationName, variables }, "graphql request");
      }
      const traceHeaders = { traceparent: req.headers.traceparent as string | undefined };
      const response = await withSpan(
        `${options.name} ${req.method} /graphql`,
        { kind: SpanKind.SERVER, parent: traceHeaders },
        () =>
          apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body: graphqlBody },
            context: async () => options.context({ identity, requestId, logger, headers: req.headers }),
          }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") return res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      options.logger.error({ err: error }, "request failed");
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        });
    }
  });
  server.keepAliveTimeout = 65_000;
  const shutdown = httpShutdown(server);
  const subscriptions = schema.getSubscriptionType()
    ? serveSubscriptions({
        server,
        schema,
        identitySecret: options.identitySecret,
        logger: options.logger,
        context: options.context,
      })
    : undefined;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    port,
    apollo,
    async close() {
      shutdown.beginDraining();
      if (options.drainMs) {
        options.logger.info({ drainMs: options.drainMs }, "draining: /ready is 503, requests still served");
        await new Promise((resolve) => setTimeout(resolve, options.drainMs));
      }
      // Sockets first: an upgraded connection would hold the HTTP server open until the grace ends.
      await subscriptions?.close();
      await shutdown.close(options.closeTimeoutMs);
      await apollo.stop();
    },
  };
}

function parseJson(body: string | undefined): unknown {
  if (body === undefined || body === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body; // Apollo answers unparseable bodies with a 400
  }
}

async function sendMetrics(res: http.ServerResponse) {
  res.setHeader("content-type", metricsRegistry.contentType);
  res.end(await metricsRegistry.metrics());
}

async function sendReadiness(res: http.ServerResponse, checks: Record<string, () => Promise<unknown>>) {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, true] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  const ready = results.every(([, ok]) => ok);
  sendJson(res, ready ? 200 : 503, { ready, checks: Object.fromEntries(results) });
}
