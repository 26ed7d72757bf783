// Programmatic entry point used by the start script, the tests and the benchmark: settings →
// components → HTTP server. `startRouter` parses options; `launchRouter` takes parsed settings.
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createLogger, httpShutdown, initMetrics, initTracing, type Logger } from "@shopstream/kernel";
import { startAuth } from "./auth/start-auth.js";
import { createRouterCache, type RouterCache } from "./cache/router-cache.js";
import { parseRouterSettings, type RouterOptions, type RouterSettings } from "./config/router-settings.js";
import { InFlightFetches } from "./datasource/in-flight-fetches.js";
import { SubgraphPools } from "./datasource/subgraph-pools.js";
import { sandboxOrigins } from "./http/cors.js";
import { serveGraphQLWebSocket } from "./http/graphql-websocket.js";
import { createRouterHttpServer } from "./http/router-http-server.js";
import { startRollout } from "./overrides/start-rollout.js";
import { createProtection } from "./protection/protection.js";
import type { RouterComponents } from "./router-components.js";
import { createShadowReads } from "./shadow/shadow-reads.js";
import { SubscriptionHub } from "./subscriptions/subscription-hub.js";
import { SupergraphHolder } from "./supergraph/supergraph-holder.js";
import { watchSupergraphFile } from "./supergraph/watch-supergraph-file.js";

export interface StartRouterOptions extends RouterOptions {
  logger?: Logger;
}

export interface RunningRouter {
  url: string; // http://host:port/graphql
  port: number;
  /** Id of the schema version serving new requests. */
  schemaId(): string;
  /** Applies new SDL now (what the file watcher does); true when the schema changed. */
  reload(sdl?: string): Promise<boolean>;
  /** The entity cache, when enabled (tests await `cache.ready`, purge through it). */
  cache?: RouterCache;
  /** Client subscriptions open now, and the upstream subscriptions they share. */
  subscriptionCounts(): { open: number; upstreams: number };
  close(): Promise<void>;
}

export function startRouter(options: StartRouterOptions = {}): Promise<RunningRouter> {
  const { logger, ...rest } = options;
  return launchRouter(parseRouterSettings(rest), logger);
}

export async function launchRouter(settings: RouterSettings, givenLogger?: Logger): Promise<RunningRouter> {
  const readSdl = async () => settings.supergraphSdl ?? (await readFile(settings.supergraphPath, "utf8"));
  const logger = givenLogger ?? createLogger("router", settings.logLevel);
  initMetrics("router");
  initTracing("router");
  const development = settings.mode === "development";
  const pools = new SubgraphPools(settings.subgraphConnections);
  const cache = settings.cache ? createRouterCache(settings.cache, logger) : undefined;
  const supergraph = new SupergraphHolder(
    {
      urlOverrides: settings.subgraphUrls,
      inFlightFetches: settings.fetchDedup ? new InFlightFetches() : undefined,
      defaultTimeoutMs: settings.subgraphTimeoutMs,
      timeouts: settings.subgraphTimeouts,
      pools,
      entityCache: cache,
    },
    logger,
  );
  supergraph.apply(await readSdl());
  // Invalidations published after start-up must reach this worker: wait (bounded) for its consumer.
  if (cache) await Promise.race([cache.ready.catch(() => {}), new Promise((done) => setTimeout(done, 15_000).unref())]);

  const stopWatching =
    !settings.supergraphSdl && settings.watch
      ? watchSupergraphFile(settings.supergraphPath, (sdl) => supergraph.apply(sdl))
      : () => {};
  const rollout = await startRollout(settings.rollout, logger);
  const auth = startAuth(settings.auth, logger);
  const protection = await createProtection(settings.protection, !development, logger);
  const subscriptions = new SubscriptionHub(
    settings.subscriptions,
    settings.identitySecret,
    auth.authenticator,
    logger.child({ component: "subscriptions" }),
  );
  const components: RouterComponents = {
    settings,
    development,
    logger,
    supergraph,
    protection,
    rollout,
    authenticator: auth.authenticator,
    cache,
    subscriptions,
    shadowReads: createShadowReads(settings.shadowReads, logger),
    corsOrigins: new Set([...(development ? sandboxOrigins : []), ...settings.corsOrigins]),
    get draining() {
      return shutdown.draining;
    },
  };
  const server = createRouterHttpServer(components);
  server.keepAliveTimeout = 65_000;
  const shutdown = httpShutdown(server);
  const websocket = serveGraphQLWebSocket(server, components);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${settings.host}:${port}/graphql`;
  logger.info({ url, development }, "router listening");

  return {
    url,
    port,
    schemaId: () => supergraph.current!.id,
    cache,
    subscriptionCounts: () => ({ open: subscriptions.size, upstreams: subscriptions.upstreams.size }),
    reload: async (sdl) => supergraph.apply(sdl ?? (await readSdl())),
    async close() {
      shutdown.beginDraining();
      if (settings.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.shutdownDrainMs));
      stopWatching();
      // Subscribers first: each gets SHUTTING_DOWN, then its socket closes (1001) or its response ends.
      await subscriptions.close();
      await websocket.close();
      rollout.close();
      components.shadowReads.close();
      auth.close();
      await shutdown.close();
      await pools.close();
      await cache?.close();
      await protection.close();
    },
  };
}
