// The whole checkout saga in one process, with the real services on the REAL topic names:
// identity (sign-up/sign-in, JWKS for the router), catalog (+ its outbox relay), inventory (consumers + relay), orders (consumers + relay + payment
// worker + the simulated payment provider), recommendations (consumers), and the router composed
// from them. Every consumer group is unique to this run and starts at the latest offset
// (fromBeginning: false), so nothing replays other runs' history; the groups have joined before
// start returns, so a caller creating its data afterwards misses none of its events.
// Call initTracing before startCheckoutStack if the spans matter: the first call in a process wins.

import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { startIdentityFixture } from "@shopstream/identity/testing/identity-fixture";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventoryFixture } from "@shopstream/inventory/testing/fixture";
import { createLifecycle, createLogger, type Identity, signIdentityHeaders } from "@shopstream/kernel";
import { ordersService } from "@shopstream/orders";
import { startPaymentSimulator } from "@shopstream/orders/src/payments/simulator/server";
import { recommendationsService } from "@shopstream/recommendations";
import { type RouterOptions, startRouter } from "@shopstream/router";
import { startTestService, uniqueName } from "@shopstream/testkit";
import { composeSubgraphs } from "./compose-subgraphs.js";

export interface GraphQLBody {
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** POSTs a GraphQL operation; identity (when given) goes in kernel-signed headers as the router sends it. */
async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { identity?: Partial<Identity>; secret?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLBody> {
  const identity = options.identity
    ? signIdentityHeaders(
        {
          userId: options.identity.userId ?? null,
          sessionId: options.identity.sessionId ?? null,
          scopes: options.identity.scopes ?? [],
        },
        options.secret!,
      )
    : {};
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...identity, ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

/** `router`: settings on top of the stack's (e.g. subscription limits). */
export async function startCheckoutStack(options: { router?: Partial<RouterOptions> } = {}) {
  const logger = createLogger("checkout-e2e", "error");
  const lifecycle = createLifecycle(logger);
  const groups = {
    inventory: uniqueName("e2e-checkout-inventory"),
    orders: uniqueName("e2e-checkout-orders"),
    recommendations: uniqueName("e2e-checkout-recommendations"),
  };
  try {
    const identity = await startIdentityFixture();
    lifecycle.add("identity", () => identity.close());
    const catalog = await startCatalog();
    lifecycle.add("catalog", () => catalog.close());

    // Inventory: the running service, plus the fixture's helpers (stock, rows) on its database.
    const inventory = await createInventoryFixture();
    lifecycle.add("inventory fixture", () => inventory.close());
    const inventoryServer = await startTestService(inventoryService, { consumerGroup: groups.inventory });
    lifecycle.add("inventory", () => inventoryServer.stop());

    // Orders: the only suite on the shared orders test database, the simulated provider on an
    // ephemeral port, no sweeper.
    const simulator = await startPaymentSimulator();
    lifecycle.add("payment simulator", () => simulator.close());
    const ordersEnv = {
      PAYMENT_SIMULATOR_START: "false",
      PAYMENT_PROVIDER_URL: simulator.url,
      PAYMENT_TIMEOUT_MS: "5000",
    };
    let orders = await startTestService(ordersService, { consumerGroup: groups.orders, env: ordersEnv });
    lifecycle.add("orders", () => orders.stop());

    // Recommendations: learns from orders.order.confirmed and catalog.products.
    const recommendations = await startTestService(recommendationsService, { consumerGroup: groups.recommendations });
    lifecycle.add("recommendations", () => recommendations.stop());

    const urls = {
      identity: identity.server.url,
      catalog: catalog.url,
      inventory: inventoryServer.url,
      orders: orders.url,
      recommendations: recommendations.url,
    };
    const supergraphSdl = await composeSubgraphs(urls);
    const router = await startRouter({
      supergraphSdl: supergraphSdl,
      port: 0,
      identitySecret: identity.env.IDENTITY_HMAC_SECRET,
      auth: {
        jwksUrl: `${identity.server.baseUrl}/.well-known/jwks.json`,
        issuer: identity.env.JWT_ISSUER,
        audience: identity.env.JWT_AUDIENCE,
      },
      logger,
      ...options.router,
    });
    lifecycle.add("router", () => router.close());
    // Subscriptions stream events that happen after their services' live-event groups have joined.
    await Promise.all([inventoryServer.liveEventsJoined, orders.liveEventsJoined]);

    return {
      catalog,
      inventory,
      ordersPrisma: orders.db,
      simulator,
      groups,
      router,
      urls: { ...urls, router: router.url },
      /** Stops orders and starts it again on the same port, as a deploy or a crash-restart would. */
      restartOrders: async () => {
        await orders.stop("restart");
        orders = await startTestService(ordersService, {
          consumerGroup: groups.orders,
          env: { ...ordersEnv, PORT: String(orders.port) },
        });
      },
      /** Through the router: with an access token the router verifies it and signs the identity for subgraphs. */
      viaRouter: (
        query: string,
        variables: Record<string, unknown> = {},
        options: { token?: string; headers?: Record<string, string> } = {},
      ) =>
        post(router.url, query, variables, {
          headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
        }),
      /** Straight to a subgraph, as the router would sign this identity (ops-side reads and admin mutations). */
      inventoryGql: (query: string, variables: Record<string, unknown>, identity: Partial<Identity>) =>
        post(inventoryServer.url, query, variables, { identity, secret: inventory.env.IDENTITY_HMAC_SECRET }),
      ordersGql: (query: string, variables: Record<string, unknown>, identity: Partial<Identity>) =>
        post(orders.url, query, variables, { identity, secret: orders.env.IDENTITY_HMAC_SECRET }),
      close: () => lifecycle.shutdown("checkout e2e done"),
    };
  } catch (error) {
    await lifecycle.shutdown("checkout e2e start-up failed");
    throw error;
  }
}

export type CheckoutStack = Awaited<ReturnType<typeof startCheckoutStack>>;
