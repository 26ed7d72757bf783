// Starts a service's consumer group and registers its shutdown.
import { createKafka } from "../kafka/client.js";
import { ConsumerRunner, type EventHandler } from "../kafka/consumer-runner.js";
import type { Lifecycle } from "../lifecycle/lifecycle.js";
import type { Logger } from "../logging/logger.js";
import type { SqlExecutor } from "../outbox/outbox.js";

export interface ConsumerRuntimeOptions<Tx extends SqlExecutor> {
  service: string;
  brokers: string[];
  logger: Logger;
  lifecycle: Lifecycle;
  handlers: EventHandler<Tx>[];
  transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>;
  /** Defaults to the service name: one consumer group per service. */
  groupId?: string;
  /** Where a NEW group starts: the beginning (default, rebuilds read models) or only new events. */
  fromBeginning?: boolean;
}

export async function startConsumers<Tx extends SqlExecutor>(options: ConsumerRuntimeOptions<Tx>) {
  const logger = options.logger.child({ component: "consumer" });
  const kafka = createKafka({ clientId: `${options.service}-consumer`, brokers: options.brokers, logger });
  const runner = new ConsumerRunner<Tx>({
    kafka,
    groupId: options.groupId ?? options.service,
    handlers: options.handlers,
    transaction: options.transaction,
    logger,
    fromBeginning: options.fromBeginning,
  });
  await runner.start();
  options.lifecycle.add("consumers", () => runner.stop());
  return runner;
}
