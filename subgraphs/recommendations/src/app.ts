// Builds the recommendations subgraph and its event consumers from their dependencies.
// server.ts runs them as a process; tests build them around their own clients and consumer group.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, createRedisCache, type Logger } from "@shopstream/kernel";
import { parse } from "graphql";
import type { Redis } from "ioredis";
import type { RecommendationsContext } from "./context.js";
import type { RecommendationsPrisma } from "./db.js";
import { createEventTransaction } from "./events/event-transaction.js";
import { eventHandlers } from "./events/handlers.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

/** Namespace of this service's keys in the shared Redis. */
export const CACHE_PREFIX = "recs:";

export interface RecommendationsDeps {
  prisma: RecommendationsPrisma;
  redis: Redis;
  logger: Logger;
  cacheTtlSeconds: number;
  trendingTtlSeconds: number;
  /** The clock trending windows end at (tests may pin it). */
  now?: () => Date;
}

export function createRecommendationsApp({ prisma, redis, logger, cacheTtlSeconds, ...rest }: RecommendationsDeps) {
  const cache = createRedisCache(redis, { prefix: CACHE_PREFIX, ttlSeconds: cacheTtlSeconds, logger });
  const repositories = createRepositories(prisma);
  const services = createServices({ repositories, cache, ...rest });
  return {
    services,
    subgraph: {
      name: "recommendations",
      typeDefs,
      resolvers,
      /** Fresh loaders per request: their caches must not outlive the request. */
      context: (base: BaseRequestContext): RecommendationsContext => ({
        ...base,
        services,
        loaders: createLoaders(repositories),
      }),
      readiness: {
        postgres: () => prisma.$queryRaw`SELECT 1`,
        redis: () => redis.ping(),
      },
    },
    /** For the consumer runner: handlers and their transaction (which drops cached lists after commit). */
    handlers: eventHandlers,
    transaction: createEventTransaction(prisma, cache, logger),
  };
}

export type RecommendationsApp = ReturnType<typeof createRecommendationsApp>;
