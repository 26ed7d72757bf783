// Programmatic entry point used by the start script, the tests and the benchmark.
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createLogger, initMetrics, initTracing, type Logger } from "@shopstream/kernel";
import { type AuthOptions, startAuth } from "./auth/start-auth.js";
import { createRouterCache, type RouterCache, type RouterCacheOptions } from "./cache/router-cache.js";
import { SubgraphPools } from "./datasource/subgraph-pools.js";
import { sandboxOrigins } from "./http/cors.js";
import { createRouterHttpServer } from "./http/router-http-server.js";
import { type RolloutOptions, startRollout } from "./overrides/start-rollout.js";
import { createProtection } from "./protection/protection.js";
import type { ProtectionOptions } from "./protection/protection-config.js";
import { SupergraphHolder } from "./supergraph/supergraph-holder.js";
import { watchSupergraphFile } from "./supergraph/watch-supergraph-file.js";

export interface StartRouterOptions {
  /** Either the SDL itself or a file to load (and watch, for hot reload). */
  supergraphSdl?: string;
  supergraphPath?: string;
  port?: number; // 0 = ephemeral
  host?: string;
  mode?: "development" | "production";
  /** name → URL; overrides the routing URLs recorded in the supergraph. */
  subgraphUrls?: Record<string, string>;
  subgraphTimeoutMs?: number;
  subgraphTimeouts?: Record<string, number>;
  subgraphConnections?: number;
  maxBodyBytes?: number;
  identitySecret?: string;
  corsOrigins?: string[];
  watch?: boolean;
  logger?: Logger;
  /** Entity/response cache in Redis with Kafka invalidation (router/README.md "Caching"); off when absent. */
  cache?: RouterCacheOptions;
  /** Progressive @override percentages (file and/or Redis key), changeable at run time. */
  rollout?: RolloutOptions;
  /** Access-token verification (JWKS, issuer, audience, Redis for revoked sessions). */
  auth?: AuthOptions;
  /** Peers whose x-forwarded-for is believed (load balancers); default none. */
  trustedProxies?: string[];
  /** Operation limits, trusted documents, rate limiting (off unless `rateLimit` is given). */
  protection?: ProtectionOptions;
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
  close(): Promise<void>;
}

export async function startRouter(options: StartRouterOptions): Promise<RunningRouter> {
  const { supergraphPath } = options;
  const readSdl = async () => options.supergraphSdl ?? (await readFile(supergraphPath!, "utf8"));
  if (!options.supergraphSdl && !supergraphPath) throw new Error("startRouter needs supergraphSdl or supergraphPath");
  const logger = options.logger ?? createLogger("router");
  initMetrics("router");
  initTracing("router");
  const development = (options.mode ?? "development") === "development";
  const pools = new SubgraphPools(options.subgraphConnections ?? 64);
  const cache = options.cache ? createRouterCache(options.cache, logger) : undefined;
  const holder = new SupergraphHolder(
    {
      urlOverrides: options.subgraphUrls ?? {},
      defaultTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      timeouts: options.subgraphTimeouts ?? {},
      pools,
      entityCache: cache,
    },
    logger,
  );
  holder.apply(await readSdl());
  // Invalidations published after start-up must reach this worker: wait (bounded) for its consumer.
  if (cache) await Promise.race([cache.ready.catch(() => {}), new Promise((done) => setTimeout(done, 15_000).unref())]);

  const stopWatching =
    supergraphPath && !options.supergraphSdl && options.watch !== false
      ? watchSupergraphFile(supergraphPath, (sdl) => holder.apply(sdl))
      : () => {};
  const rollout = await startRollout(options.rollout, logger);
  const auth = startAuth(options.auth, logger);
  const protection = await createProtection(options.protection, !development, logger);
  const server = createRouterHttpServer(holder, {
    rollout,
    authenticator: auth.authenticator,
    trustedProxies: options.trustedProxies ?? [],
    protection,
    cache,
    development,
    identitySecret: options.identitySecret ?? "dev-only-identity-secret-change-me",
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    corsOrigins: new Set([...(development ? sandboxOrigins : []), ...(options.corsOrigins ?? [])]),
    logger,
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4000, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ url: `http://${host}:${port}/graphql`, development }, "router listening");

  return {
    url: `http://${host}:${port}/graphql`,
    port,
    schemaId: () => holder.current!.id,
    cache,
    reload: async (sdl) => holder.apply(sdl ?? (await readSdl())),
    async close() {
      stopWatching();
      rollout.close();
      auth.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pools.close();
      await cache?.close();
      await protection.close();
    },
  };
}
