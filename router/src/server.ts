// Router process entry (`npm run router`, and scripts/start): env → workers across cores (cluster) → startRouter.
// With ROUTER_WORKERS=1 the router runs in this process; otherwise this process only supervises.
import cluster from "node:cluster";
import { createLifecycle, createLogger, loadEnv } from "@shopstream/kernel";
import { cacheOptionsFromEnv } from "./cache/cache-config.js";
import { routerEnvShape, subgraphUrlsFromEnv } from "./config/router-env.js";
import { protectionOptionsFromEnv } from "./protection/protection-config.js";
import { startRouter } from "./start-router.js";
import { superviseWorkers } from "./supervise-workers.js";

const env = loadEnv(routerEnvShape);
const logger = createLogger("router", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);

if (cluster.isPrimary && env.ROUTER_WORKERS > 1) {
  lifecycle.add("workers", superviseWorkers(env.ROUTER_WORKERS, logger));
} else {
  const router = await startRouter({
    supergraphPath: env.SUPERGRAPH_PATH,
    port: env.PORT,
    host: env.HOST,
    mode: env.NODE_ENV === "production" ? "production" : "development",
    subgraphUrls: subgraphUrlsFromEnv(),
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    subgraphTimeouts: env.SUBGRAPH_TIMEOUTS,
    subgraphConnections: env.SUBGRAPH_CONNECTIONS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    identitySecret: env.IDENTITY_HMAC_SECRET,
    corsOrigins: env.CORS_ORIGINS,
    rollout: {
      file: env.ROLLOUT_PATH || undefined,
      redisUrl: env.ROLLOUT_REDIS_URL || undefined,
      redisKey: env.ROLLOUT_REDIS_KEY,
      pollMs: env.ROLLOUT_POLL_MS,
    },
    auth: {
      jwksUrl: env.IDENTITY_JWKS_URL,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      redisUrl: env.REDIS_URL,
    },
    trustedProxies: env.TRUSTED_PROXIES,
    protection: protectionOptionsFromEnv(env),
    cache: cacheOptionsFromEnv(env),
    logger,
  });
  lifecycle.add("router", router.close);
}
lifecycle.installSignalHandlers();
