// The whole checkout saga in one process, with the real services on the REAL topic names:
// identity (sign-up/sign-in, JWKS for the router), catalog (+ its outbox relay), inventory (consumers + relay), orders (consumers + relay + payment
// worker + the simulated payment provider), recommendations (consumers), and the router composed
// from them. Every consumer group is unique to this run and starts at the latest offset
// (fromBeginning: false), so nothing replays other runs' history; the groups have joined before
// start returns, so a caller creating its data afterwards misses none of its events.
// Call initTracing before startCheckoutStack if the spans matter: the first call in a process wins.
import path from "node:path";
import {
  createLifecycle,
  createLogger,
  createRedis,
  type Identity,
  signIdentityHeaders,
  startConsumers,
  startOutboxRelay,
  startSubgraphServer,
  topics,
} from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { startRouter } from "../../../router/src/index.js";
import { parseCatalogEnv } from "../../../subgraphs/catalog/src/env.js";
import { startHarness as startCatalog } from "../../../subgraphs/catalog/test/support/harness.js";
import { startIdentityFixture } from "../../../subgraphs/identity/test/support/identity-fixture.js";
import { createFixture as createInventoryFixture } from "../../../subgraphs/inventory/test/support/fixture.js";
import { createOrdersApp } from "../../../subgraphs/orders/src/app.js";
import { createPrisma as createOrdersPrisma } from "../../../subgraphs/orders/src/db.js";
import { parseOrdersEnv } from "../../../subgraphs/orders/src/env.js";
import { startPaymentSimulator } from "../../../subgraphs/orders/src/payments/simulator/server.js";
import { startOrdersRuntime } from "../../../subgraphs/orders/src/runtime.js";
import { createRecommendationsApp } from "../../../subgraphs/recommendations/src/app.js";
import { createPrisma as createRecommendationsPrisma } from "../../../subgraphs/recommendations/src/db.js";
import { parseRecommendationsEnv } from "../../../subgraphs/recommendations/src/env.js";
import { composeSubgraphs } from "./compose-subgraphs.js";

const root = path.resolve(import.meta.dirname, "../../..");
const _schemaFile = (name: string) => path.join(root, `subgraphs/${name}/src/schema.graphql`);

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

export async function startCheckoutStack() {
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

    // Catalog: the HTTP subgraph plus the relay that turns its outbox into catalog.products events.
    const catalog = await startCatalog();
    lifecycle.add("catalog", () => catalog.close());
    const catalogEnv = parseCatalogEnv(process.env);
    await startOutboxRelay({
      service: "catalog",
      env: catalogEnv,
      logger,
      lifecycle,
      topics: [topics.catalogProducts],
    });

    // Inventory: what its server.ts starts, with this run's consumer group.
    const inventory = await createInventoryFixture();
    lifecycle.add("inventory prisma", () => inventory.close());
    await startOutboxRelay({
      service: "inventory",
      env: inventory.env,
      logger,
      lifecycle,
      topics: [topics.inventoryStock],
    });
    await startConsumers({
      service: "inventory",
      groupId: groups.inventory,
      fromBeginning: false,
      brokers: inventory.env.KAFKA_BROKERS,
      logger,
      lifecycle,
      handlers: inventory.app.handlers,
      transaction: inventory.app.transaction,
    });
    const inventoryServer = await startSubgraphServer({
      ...inventory.app,
      port: 0,
      logger,
      identitySecret: inventory.env.IDENTITY_HMAC_SECRET,
    });
    lifecycle.add("inventory http", () => inventoryServer.close());

    // Orders: unprefixed topics (scope ""), the simulated provider on an ephemeral port, no sweeper.
    const simulator = await startPaymentSimulator();
    lifecycle.add("payment simulator", () => simulator.close());
    const ordersEnv = parseOrdersEnv({
      ...process.env,
      EVENT_TOPIC_PREFIX: "",
      PAYMENT_PROVIDER_URL: simulator.url,
      PAYMENT_TIMEOUT_MS: "5000",
    });
    const ordersPrisma = createOrdersPrisma(ordersEnv);
    lifecycle.add("orders prisma", () => ordersPrisma.$disconnect());
    const orders = createOrdersApp({ env: ordersEnv, prisma: ordersPrisma, logger });
    await startOrdersRuntime({
      app: orders,
      env: ordersEnv,
      prisma: ordersPrisma,
      logger,
      lifecycle,
      groupId: groups.orders,
      fromBeginning: false,
      sweep: false,
    });
    const ordersServer = await startSubgraphServer({
      name: orders.name,
      typeDefs: orders.typeDefs,
      resolvers: orders.resolvers as never,
      port: 0,
      logger,
      identitySecret: ordersEnv.IDENTITY_HMAC_SECRET,
      context: orders.context,
    });
    lifecycle.add("orders http", () => ordersServer.close());

    // Recommendations: learns from orders.order.confirmed and catalog.products.
    const recommendationsEnv = parseRecommendationsEnv(process.env);
    const recommendationsPrisma = createRecommendationsPrisma(recommendationsEnv);
    lifecycle.add("recommendations prisma", () => recommendationsPrisma.$disconnect());
    const redis = createRedis(recommendationsEnv, { name: "checkout-e2e" });
    lifecycle.add("recommendations redis", async () => void (await redis.quit()));
    const recommendations = createRecommendationsApp({
      prisma: recommendationsPrisma,
      redis,
      logger,
      cacheTtlSeconds: recommendationsEnv.RECS_CACHE_TTL_S,
      trendingTtlSeconds: recommendationsEnv.RECS_TRENDING_TTL_S,
    });
    await startConsumers({
      service: "recommendations",
      groupId: groups.recommendations,
      fromBeginning: false,
      brokers: recommendationsEnv.KAFKA_BROKERS,
      logger,
      lifecycle,
      handlers: recommendations.handlers,
      transaction: recommendations.transaction,
    });
    const recommendationsServer = await startSubgraphServer({
      ...recommendations.subgraph,
      port: 0,
      logger,
      identitySecret: recommendationsEnv.IDENTITY_HMAC_SECRET,
    });
    lifecycle.add("recommendations http", () => recommendationsServer.close());

    const urls = {
      identity: identity.server.url,
      catalog: catalog.url,
      inventory: inventoryServer.url,
      orders: ordersServer.url,
      recommendations: recommendationsServer.url,
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
    });
    lifecycle.add("router", () => router.close());

    return {
      catalog,
      inventory,
      ordersPrisma,
      simulator,
      groups,
      urls: { ...urls, router: router.url },
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
        post(ordersServer.url, query, variables, { identity, secret: ordersEnv.IDENTITY_HMAC_SECRET }),
      close: () => lifecycle.shutdown("checkout e2e done"),
    };
  } catch (error) {
    await lifecycle.shutdown("checkout e2e start-up failed");
    throw error;
  }
}

export type CheckoutStack = Awaited<ReturnType<typeof startCheckoutStack>>;
