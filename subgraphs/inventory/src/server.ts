// Entry point: env, logger, lifecycle, Prisma, outbox relay, order-event consumers, the
// reservation sweeper and the HTTP subgraph on :4003.
import {
  createLifecycle,
  createLogger,
  startConsumers,
  startOutboxRelay,
  startSubgraphServer,
  topics,
} from "@shopstream/kernel";
import { configFromEnv, createInventoryApp } from "./app.js";
import { createPrisma } from "./db.js";
import { loadInventoryEnv } from "./env.js";
import { startReservationSweeper } from "./sweeper.js";

const env = loadInventoryEnv();
const logger = createLogger("inventory", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

const prisma = createPrisma(env);
lifecycle.add("prisma", () => prisma.$disconnect());
const app = createInventoryApp({ prisma, config: configFromEnv(env) });

await startOutboxRelay({ service: "inventory", env, logger, lifecycle, topics: [topics.inventoryStock] });
await startConsumers({
  service: "inventory",
  groupId: env.INVENTORY_CONSUMER_GROUP,
  brokers: env.KAFKA_BROKERS,
  logger,
  lifecycle,
  handlers: app.handlers,
  transaction: app.transaction,
});
const sweeper = startReservationSweeper({
  reservations: app.services.reservations,
  intervalMs: env.RESERVATION_SWEEP_INTERVAL_MS,
  logger: logger.child({ component: "sweeper" }),
});
lifecycle.add("reservation sweeper", () => sweeper.stop());

const server = await startSubgraphServer({
  name: app.name,
  typeDefs: app.typeDefs,
  resolvers: app.resolvers,
  port: env.PORT,
  host: env.HOST,
  logger,
  identitySecret: env.IDENTITY_HMAC_SECRET,
  context: app.context,
  readiness: { postgres: () => prisma.$queryRawUnsafe("SELECT 1") },
  kafkaBrokers: env.KAFKA_BROKERS,
});
lifecycle.add("http", () => server.close());
