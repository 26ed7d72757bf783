// Runs the real recommendations service through the kernel runtime (HTTP with signed identity,
// PostgreSQL, Redis, its consumers with a unique group), fed by real Kafka topics. The
// service clock is pinned to a random future hour that no other run uses, so trending windows
// contain only this run's orders (and pruning of old buckets never touches them); events are
// bucketed by their own time, never the wall clock.
import { randomInt, randomUUID } from "node:crypto";
import {
  catalogEvents,
  createEventPublisher,
  createKafka,
  type EventEnvelope,
  ensureTopics,
  type Identity,
  metrics,
  namespacedTopic,
  orderEvents,
} from "@shopstream/kernel";
import { type GraphQLResponse, signedGraphqlClient, startTestService, uniqueName, waitFor } from "@shopstream/testkit";
import { recommendationsService } from "../../src/app.js";

export type { GraphQLResponse };

export async function startHarness() {
  const hour = Date.UTC(2100, 0, 1) + randomInt(0, 170_000) * 3_600_000;
  const now = new Date(hour + 30 * 60_000);
  const groupId = uniqueName("recommendations-test");
  const server = await startTestService(recommendationsService, {
    env: { RECS_CACHE_TTL_S: "600", RECS_TRENDING_TTL_S: "600" },
    clock: () => now,
    consumerGroup: groupId,
  });
  const { env, db: prisma, redis, logger } = server;
  const kafka = createKafka({ clientId: "recommendations-test", brokers: env.KAFKA_BROKERS, logger });
  const topicOf = (topic: string) => namespacedTopic(env.KAFKA_TOPIC_PREFIX, topic);
  await ensureTopics(kafka, [topicOf(orderEvents.orderConfirmed.topic), topicOf(catalogEvents.productChanged.topic)]);
  const publisher = await createEventPublisher(kafka);
  server.lifecycle.add("test publisher", () => publisher.close());
  const graphql = signedGraphqlClient(server.url, env.IDENTITY_HMAC_SECRET);

  async function publish(envelopes: EventEnvelope<unknown>[], topic: string) {
    await publisher.publish(
      envelopes.map((envelope) => ({ topic: topicOf(topic), key: envelope.subject, value: JSON.stringify(envelope) })),
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
    gql: <T = GraphQLResponse["data"]>(query: string, variables: Record<string, unknown> = {}, identity?: Identity) =>
      graphql<T>(query, variables, { identity }),

    close: () => server.stop("test done"),
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export const newId = (prefix: string) => `${prefix}-${randomUUID()}`;
