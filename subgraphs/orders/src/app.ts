// Builds the orders subgraph from its dependencies: schema, resolvers, services, event handlers,
// the payment worker (behind a circuit breaker) and the pending-order sweeper. Tests use it.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, CircuitBreaker, createOutbox, type Logger, pgConnection } from "@shopstream/kernel";
import { parse } from "graphql";
import type { OrdersPrisma } from "./db.js";
import type { OrdersEnv } from "./env.js";
import { createEventSet, producedTopics } from "./events/definitions.js";
import { orderEventHandlers } from "./events/handlers.js";
import { createLoaders } from "./loaders/index.js";
import { createHttpPaymentProvider } from "./payments/http-provider.js";
import { type PaymentProvider, PaymentProviderError } from "./payments/provider.js";
import type { OrdersContext } from "./resolvers/context.js";
import { resolvers } from "./resolvers/index.js";
import type { ServiceDeps } from "./services/deps.js";
import { createServices } from "./services/index.js";
import { createPaymentWorker } from "./services/payment-worker.js";
import { createPendingOrderSweeper } from "./services/pending-order-sweeper.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export interface OrdersAppOptions {
  env: OrdersEnv;
  prisma: OrdersPrisma;
  logger: Logger;
  /** Defaults to the HTTP adapter at PAYMENT_PROVIDER_URL. */
  provider?: PaymentProvider;
}

export function createOrdersApp({ env, prisma, logger, provider }: OrdersAppOptions) {
  const events = createEventSet(env.EVENT_TOPIC_PREFIX);
  const deps: ServiceDeps = {
    prisma,
    outbox: createOutbox("orders"),
    events,
    logger,
    scope: env.EVENT_TOPIC_PREFIX,
    pricing: {
      taxRateBps: env.TAX_RATE_BPS,
      shipping: { STANDARD: env.SHIPPING_STANDARD_AMOUNT, EXPRESS: env.SHIPPING_EXPRESS_AMOUNT },
      defaultCurrency: "USD",
    },
  };
  const services = createServices(deps);
  const breaker = new CircuitBreaker("payment-provider", {
    failureThreshold: env.PAYMENT_BREAKER_FAILURES,
    resetTimeoutMs: env.PAYMENT_BREAKER_RESET_MS,
    isFailure: (error) => error instanceof PaymentProviderError,
    onStateChange: (from, to) => logger.warn({ from, to }, "payment provider circuit changed state"),
  });
  const paymentWorker = createPaymentWorker(deps, {
    provider:
      provider ?? createHttpPaymentProvider({ baseUrl: env.PAYMENT_PROVIDER_URL, timeoutMs: env.PAYMENT_TIMEOUT_MS }),
    breaker,
    maxTries: env.PAYMENT_MAX_TRIES,
    listenConnection: pgConnection(env),
  });
  return {
    name: "orders",
    typeDefs,
    resolvers,
    events,
    services,
    breaker,
    paymentWorker,
    sweeper: createPendingOrderSweeper(deps, { timeoutS: env.ORDER_PENDING_TIMEOUT_S }),
    handlers: orderEventHandlers(events, services.saga),
    producedTopics: producedTopics(events),
    context: (base: BaseRequestContext): OrdersContext => ({
      ...base,
      prisma,
      services,
      loaders: createLoaders(prisma),
    }),
  };
}

export type OrdersApp = ReturnType<typeof createOrdersApp>;
