// Process entry point: `npm start -w @shopstream/recommendations` (port 4005 unless PORT says
// otherwise). Consumes orders.orders and catalog.products; produces no events.
import { createLifecycle, createLogger, createRedis, startConsumers, startSubgraphServer } from "@shopstream/kernel";
import { createRecommendationsApp } from "./app.js";
import { createPrisma } from "./db.js";
import { loadRecommendationsEnv } from "./env.js";
import { pruneSalesBuckets } from "./services/sales-retention.js";

const env = loadRecommendationsEnv();
const logger = createLogger("recommendations", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

// Registered in start order; the lifecycle closes them in reverse (HTTP first, PostgreSQL last).
const prisma = createPrisma(env);
lifecycle.add("postgres", () => prisma.$disconnect());
const redis = createRedis(env, { name: "recommendations", logger, lifecycle });
const app = createRecommendationsApp({
  prisma,
  redis,
  logger,
  cacheTtlSeconds: env.RECS_CACHE_TTL_S,
  trendingTtlSeconds: env.RECS_TRENDING_TTL_S,
});
await startConsumers({
  service: "recommendations",
  brokers: env.KAFKA_BROKERS,
  logger,
  lifecycle,
  handlers: app.handlers,
  transaction: app.transaction,
});
const prune = () =>
  pruneSalesBuckets(prisma).catch((error) => logger.warn({ err: error }, "sales bucket pruning failed"));
const pruning = setInterval(prune, 3_600_000);
void prune();
lifecycle.add("sales bucket pruning", () => clearInterval(pruning));
const server = await startSubgraphServer({
  ...app.subgraph,
  port: env.PORT,
  host: env.HOST,
  logger,
  identitySecret: env.IDENTITY_HMAC_SECRET,
  kafkaBrokers: env.KAFKA_BROKERS,
});
lifecycle.add("http", () => server.close());
