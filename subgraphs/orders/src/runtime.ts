// Starts everything an orders process runs besides HTTP: outbox relay, Kafka consumers, the
// payment worker and the periodic pending-order sweep; each registers its shutdown.
import { type Lifecycle, type Logger, startConsumers, startOutboxRelay } from "@shopstream/kernel";
import type { OrdersApp } from "./app.js";
import type { OrdersPrisma } from "./db.js";
import type { OrdersEnv } from "./env.js";

export interface OrdersRuntimeOptions {
  app: OrdersApp;
  env: OrdersEnv;
  prisma: OrdersPrisma;
  logger: Logger;
  lifecycle: Lifecycle;
  /** Consumer group; defaults to "orders". Tests pass a unique one. */
  groupId?: string;
  /** Where a NEW consumer group starts (kernel default: the beginning); e2e tests on the real topics pass false. */
  fromBeginning?: boolean;
  /** Set to false in tests, which call app.sweeper.sweep(now) themselves. */
  sweep?: boolean;
}

export async function startOrdersRuntime(options: OrdersRuntimeOptions) {
  const { app, env, prisma, logger, lifecycle } = options;
  await startOutboxRelay({ service: "orders", env, logger, lifecycle, topics: app.producedTopics });
  const consumers = await startConsumers({
    service: "orders",
    groupId: options.groupId,
    fromBeginning: options.fromBeginning,
    brokers: env.KAFKA_BROKERS,
    logger,
    lifecycle,
    handlers: app.handlers,
    transaction: (fn) => prisma.$transaction(fn),
  });
  await app.paymentWorker.start();
  lifecycle.add("payment worker", () => app.paymentWorker.stop());
  if (options.sweep ?? true) {
    const timer = setInterval(() => {
      app.sweeper.sweep().catch((error) => logger.error({ err: error }, "pending-order sweep failed"));
    }, env.ORDER_SWEEP_INTERVAL_S * 1_000);
    lifecycle.add("pending-order sweeper", () => clearInterval(timer));
  }
  return { consumers };
}
