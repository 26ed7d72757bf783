// Entry point of the orders subgraph (port 4004): env, logger, lifecycle, Prisma, the simulated
// payment provider in dev, outbox relay, consumers, payment worker, sweeper, HTTP.
import { createLifecycle, createLogger, startSubgraphServer } from "@shopstream/kernel";
import { createOrdersApp } from "./app.js";
import { createPrisma } from "./db.js";
import { loadOrdersEnv } from "./env.js";
import { startPaymentSimulator } from "./payments/simulator/server.js";
import { startOrdersRuntime } from "./runtime.js";

const env = loadOrdersEnv();
const logger = createLogger("orders", env.LOG_LEVEL);
const lifecycle = createLifecycle(logger);
lifecycle.installSignalHandlers();

try {
  const prisma = createPrisma(env);
  lifecycle.add("prisma", () => prisma.$disconnect());
  if (env.PAYMENT_SIMULATOR_START && env.NODE_ENV !== "production") {
    const simulator = await startPaymentSimulator({
      port: env.PAYMENT_SIMULATOR_PORT,
      config: { latencyMs: env.PAYMENT_SIMULATOR_LATENCY_MS },
    });
    lifecycle.add("payment simulator", () => simulator.close());
    logger.info({ url: simulator.url }, "simulated payment provider listening");
  }
  const app = createOrdersApp({ env, prisma, logger });
  await startOrdersRuntime({ app, env, prisma, logger, lifecycle });
  const server = await startSubgraphServer({
    name: app.name,
    typeDefs: app.typeDefs,
    resolvers: app.resolvers as never,
    port: env.PORT,
    host: env.HOST,
    logger,
    identitySecret: env.IDENTITY_HMAC_SECRET,
    context: app.context,
    readiness: { postgres: () => prisma.$queryRaw`select 1` },
    kafkaBrokers: env.KAFKA_BROKERS,
  });
  lifecycle.add("http", () => server.close());
} catch (error) {
  logger.fatal({ err: error }, "orders failed to start");
  await lifecycle.shutdown("start-up failure");
  process.exit(1);
}
