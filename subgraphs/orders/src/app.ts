// The orders service: carts, checkout, orders and payments. Consumes catalog's and inventory's
// events (price list, saga replies); publishes orders.orders and payments.payments. The payment
// worker calls the provider behind a circuit breaker; a periodic job times out pending orders.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, CircuitBreaker, createOutbox, defineService, pgConnection } from "@shopstream/kernel";
import { parse } from "graphql";
import type { OrdersContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type OrdersEnv, ordersEnvShape } from "./env.js";
import { ordersEvents, producedTopics } from "./events/definitions.js";
import { orderEventHandlers } from "./events/handlers.js";
import { createLoaders } from "./loaders/index.js";
import { createHttpPaymentProvider } from "./payments/http-provider.js";
import { PaymentProviderError } from "./payments/provider.js";
import { paymentSimulatorWorker } from "./payments/simulator/worker.js";
import { resolvers } from "./resolvers/index.js";
import type { ServiceDeps } from "./services/deps.js";
import { createServices } from "./services/index.js";
import { createPaymentWorker } from "./services/payment-worker.js";
import { createPendingOrderSweeper } from "./services/pending-order-sweeper.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const ordersService = defineService({
  name: "orders",
  envShape: ordersEnvShape,
  createDatabase: (env: OrdersEnv) => createPrisma(env),
  build({ db, env, logger, clock, live }) {
    const events = ordersEvents;
    const deps: ServiceDeps = {
      prisma: db,
      outbox: createOutbox("orders"),
      events,
      logger,
      live,
      pricing: {
        taxRateBps: env.TAX_RATE_BPS,
        shipping: { STANDARD: env.SHIPPING_STANDARD_AMOUNT, EXPRESS: env.SHIPPING_EXPRESS_AMOUNT },
        defaultCurrency: "USD",
      },
    };
    const breaker = new CircuitBreaker("payment-provider", {
      failureThreshold: env.PAYMENT_BREAKER_FAILURES,
      resetTimeoutMs: env.PAYMENT_BREAKER_RESET_MS,
      isFailure: (error) => error instanceof PaymentProviderError,
      onStateChange: (from, to) => logger.warn({ from, to }, "payment provider circuit changed state"),
    });
    const paymentWorker = createPaymentWorker(deps, {
      provider: createHttpPaymentProvider({ baseUrl: env.PAYMENT_PROVIDER_URL, timeoutMs: env.PAYMENT_TIMEOUT_MS }),
      breaker,
      maxTries: env.PAYMENT_MAX_TRIES,
      listenConnection: pgConnection(env),
    });
    const sweeper = createPendingOrderSweeper(deps, { timeoutS: env.ORDER_PENDING_TIMEOUT_S });
    const services = { ...createServices(deps), events, breaker, paymentWorker, sweeper };
    // In development the simulated provider runs in-process, started before the worker calls it.
    const simulator =
      env.PAYMENT_SIMULATOR_START && env.NODE_ENV !== "production" ? [paymentSimulatorWorker(env, logger)] : [];
    return {
      typeDefs,
      resolvers,
      services,
      publishes: producedTopics(events),
      liveEvents: [events.orderPlaced, events.orderConfirmed, events.orderCancelled],
      consumers: {
        handlers: orderEventHandlers(events, services.saga),
        transaction: db.$transaction.bind(db),
        // Each saga reply and catalog change touches only its own order's or product's rows.
        eventsPerTransaction: 50,
      },
      workers: [...simulator, { name: "payment worker", start: paymentWorker.start, stop: paymentWorker.stop }],
      jobs: [
        {
          name: "pending-order sweeper",
          intervalMs: env.ORDER_SWEEP_INTERVAL_S * 1_000,
          run: () => sweeper.sweep(clock()),
        },
      ],
      context: (base: BaseRequestContext): OrdersContext => ({
        ...base,
        services,
        loaders: createLoaders(db),
        newLoaders: () => createLoaders(db),
      }),
    };
  },
});
