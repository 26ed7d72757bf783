// Builds every service of the orders domain from the shared dependencies.
import { createCartService } from "./cart-service.js";
import { createCheckoutService } from "./checkout-service.js";
import type { ServiceDeps } from "./deps.js";
import { createOrderAdminService } from "./order-admin-service.js";
import { createOrderQueryService } from "./order-query-service.js";
import { createOrderSaga } from "./order-saga.js";
import { createOrderStatusFeed } from "./order-status-feed.js";

export function createServices(deps: ServiceDeps) {
  const queries = createOrderQueryService(deps);
  return {
    carts: createCartService(deps),
    checkout: createCheckoutService(deps),
    queries,
    statusFeed: createOrderStatusFeed(deps, queries),
    admin: createOrderAdminService(deps),
    saga: createOrderSaga(deps),
  };
}

export type OrdersServices = ReturnType<typeof createServices>;
