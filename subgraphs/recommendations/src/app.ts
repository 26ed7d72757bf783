// The recommendations service: co-purchases, per-user affinities and trending lists, all built
// from events (orders.orders, catalog.products); produces no events. Lists are cached in Redis.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, createRedisCache, defineService } from "@shopstream/kernel";
import { parse } from "graphql";
import type { RecommendationsContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type RecommendationsEnv, recommendationsEnvShape } from "./env.js";
import { createEventTransaction } from "./events/event-transaction.js";
import { eventHandlers } from "./events/handlers.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices } from "./services/index.js";
import { salesBucketPruning } from "./services/sales-retention.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

/** Namespace of this service's keys in the shared Redis. */
export const CACHE_PREFIX = "recs:";

export const recommendationsService = defineService({
  name: "recommendations",
  envShape: recommendationsEnvShape,
  createDatabase: (env: RecommendationsEnv) => createPrisma(env),
  redis: true,
  build({ db, redis, env, logger, clock }) {
    const cache = createRedisCache(redis, { prefix: CACHE_PREFIX, ttlSeconds: env.RECS_CACHE_TTL_S, logger });
    const repositories = createRepositories(db);
    const services = createServices({ repositories, cache, trendingTtlSeconds: env.RECS_TRENDING_TTL_S, now: clock });
    return {
      typeDefs,
      resolvers,
      services,
      /** The transaction drops the cached lists a handler names, after the commit. */
      consumers: { handlers: eventHandlers, transaction: createEventTransaction(db, cache, logger) },
      jobs: [salesBucketPruning(repositories, clock)],
      /** Fresh loaders per request: their caches must not outlive the request. */
      context: (base: BaseRequestContext): RecommendationsContext => ({
        ...base,
        services,
        loaders: createLoaders(repositories),
      }),
    };
  },
});
