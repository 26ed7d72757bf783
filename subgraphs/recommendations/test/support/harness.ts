// Runs the real recommendations subgraph (HTTP with signed identity, PostgreSQL, Redis) and its
// event handlers in a real ConsumerRunner with a unique group, fed by real Kafka topics. The
// service clock is pinned to a random future hour that no other run uses, so trending windows
// contain only this run's orders (and pruning of old buckets never touches them); events are
// bucketed by their own time, never the wall clock.
import { randomInt, randomUUID } from "node:crypto";
import {
  ConsumerRunner,
  catalogEvents,
  createEventPublisher,
  createKafka,
  createLogger,
  createRedis,
  type EventEnvelope,
  ensureTopics,
  type Identity,
  metrics,
  orderEvents,
  signIdentityHeaders,
  startSubgraphServer,
} from "@shopstream/kernel";
import { uniqueName, waitFor } from "@shopstream/kernel/testing";
import { createRecommendationsApp } from "../../src/app.js";
import { createPrisma } from "../../src/db.js";
import { parseRecommendationsEnv } from "../../src/env.js";
import type { EventTx } from "../../src/events/event-transaction.js";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function startHarness() {
  const env = parseRecommendationsEnv({ ...process.env, LOG_LEVEL: "warn" });
  const logger = createLogger("recommendations-test", "error");
  const prisma = createPrisma(env);
  const redis = createRedis(env, { name: "recommendations-test" });
  const hour = Date.UTC(2100, 0, 1) + randomInt(0, 170_000) * 3_600_000;
  const now = new Date(hour + 30 * 60_000);
  const app = createRecommendationsApp({
    prisma,
    redis,
    logger,
    cacheTtlSeconds: 600,
    trendingTtlSeconds: 600,
    now: () => now,
  });
  const kafka = createKafka({ clientId: "recommendations-test", brokers: env.KAFKA_BROKERS, logger });
  await ensureTopics(kafka, [orderEvents.orderConfirmed.topic, catalogEvents.productChanged.topic]);
  const publisher = await createEventPublisher(kafka);
  const groupId = uniqueName("recommendations-test");
  const runner = new ConsumerRunner<EventTx>({
    kafka,
    groupId,
    handlers: app.handlers,
    transaction: app.transaction,
    logger,
    retryInitialMs: 10,
    // The topics are the real, shared ones: start at their end instead of replaying every earlier
    // run's history (this run's events all come after start()).
    fromBeginning: false,
  });
  await runner.start();
  const server = await startSubgraphServer({
    ...app.subgraph,
    port: 0,
    logger,
    identitySecret: env.IDENTITY_HMAC_SECRET,
  });

  async function publish(envelopes: EventEnvelope<unknown>[], topic: string) {
    await publisher.publish(
      envelopes.map((envelope) => ({ topic, key: envelope.subject, value: JSON.stringify(envelope) })),
    );
  }

  async function duplicatesSeen(): Promise<number> {
    const { values } = await metrics.eventsConsumed.get();
    return values
      .filter((v) => v.labels.consumer === groupId && v.labels.outcome === "duplicate")
      .reduce((sum, v) => sum + v.value, 0);
  }

  return {
    url: server.url,
    secret: env.IDENTITY_HMAC_SECRET,
    prisma,
    redis,
    now,
    groupId,
    duplicatesSeen,

    /** Catalog classifies products (full-state product events); waits until they are applied. */
    async classify(
      products: Array<{ id: string; brandId: string; categoryIds: string[]; status?: "ACTIVE" | "ARCHIVED" }>,
    ) {
      const envelopes = products.map((p) =>
        catalogEvents.productChanged.create({
          source: "catalog",
          subject: p.id,
          data: {
            productId: p.id,
            slug: p.id,
            status: p.status ?? "ACTIVE",
            brandId: p.brandId,
            categoryIds: p.categoryIds,
            variantIds: [`${p.id}-v1`],
            changedFields: ["status"],
          },
        }),
      );
      await publish(envelopes, catalogEvents.productChanged.topic);
      await waitFor(
        async () =>
          (await prisma.productAttribute.count({
            where: { OR: products.map((p) => ({ productId: p.id, status: p.status ?? "ACTIVE" })) },
          })) === products.length,
        { what: "product classification applied" },
      );
      return envelopes;
    },

    /** Orders confirmed (at the pinned clock unless told); waits until every one is applied. */
    async confirmOrders(
      orders: Array<{ userId: string | null; lines: Array<[productId: string, quantity: number]>; at?: Date }>,
    ) {
      const envelopes = orders.map(({ userId, lines, at = now }) => {
        const orderId = uniqueName("order");
        return orderEvents.orderConfirmed.create({
          source: "orders",
          subject: orderId,
          time: at,
          data: {
            orderId,
            userId,
            confirmedAt: at.toISOString(),
            lines: lines.map(([productId, quantity]) => ({
              productId,
              variantId: `${productId}-v1`,
              sku: `${productId}-sku`,
              quantity,
              unitPrice: { amount: 1000, currency: "EUR" },
            })),
          },
        });
      });
      await publish(envelopes, orderEvents.orderConfirmed.topic);
      const orderIds = envelopes.map((e) => e.data.orderId);
      await waitFor(
        async () => (await prisma.appliedOrder.count({ where: { orderId: { in: orderIds } } })) === orderIds.length,
        { what: "orders applied" },
      );
      return envelopes;
    },

    publish,

    /** A GraphQL request signed like the router signs it. */
    async gql<T = any>(query: string, variables: Record<string, unknown> = {}, identity?: Identity) {
      const caller = identity ?? { userId: null, sessionId: null, scopes: [] };
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...signIdentityHeaders(caller, env.IDENTITY_HMAC_SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },

    async close() {
      await server.close();
      await runner.stop();
      await publisher.close();
      await redis.quit();
      await prisma.$disconnect();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export const newId = (prefix: string) => `${prefix}-${randomUUID()}`;
