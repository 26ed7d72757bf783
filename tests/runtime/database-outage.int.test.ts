// PostgreSQL stopped for 20 s under a service that is consuming and relaying (a restart or a
// managed fail-over), on a PostgreSQL of the test's own so no other suite loses its database:
// the process lives through it, nothing is dead-lettered, every event is applied once after
// recovery and every reply is published once.
import { inventoryService } from "@shopstream/inventory";
import { upsertWarehouse } from "@shopstream/inventory/src/repositories/warehouse-repository";
import { seedWarehouses } from "@shopstream/inventory/src/seed/plan";
import { orderLine, placedEvent, stockRows } from "@shopstream/inventory/testing/fixture";
import { createKafka, ensureTopics, metricsRegistry, namespacedTopic, topics } from "@shopstream/kernel";
import {
  observeTopic,
  type PrivatePostgres,
  signedGraphqlClient,
  startPrivatePostgres,
  startTestService,
  type TopicObserver,
  uniqueName,
  waitFor,
} from "@shopstream/testkit";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("PostgreSQL stopped for 20 s mid-saga", () => {
  let pg: PrivatePostgres;
  let inventory: Awaited<ReturnType<typeof startInventory>>;
  let observer: TopicObserver<{ orderId: string }>;
  let producer: Producer;
  // A namespace of its own: this inventory's relay publishes its private database into it.
  const namespace = `${process.env.KAFKA_TOPIC_PREFIX ?? ""}${uniqueName("pg-outage")}.`;
  const topicOf = (topic: string) => namespacedTopic(namespace, topic);
  const startInventory = () =>
    startTestService(inventoryService, {
      consumersStartAt: "beginning",
      env: { PGPORT: String(pg.port), KAFKA_TOPIC_PREFIX: namespace },
    });

  beforeAll(async () => {
    pg = await startPrivatePostgres("inventory");
    inventory = await startInventory();
    const kafka = createKafka({
      clientId: "pg-outage-test",
      brokers: inventory.env.KAFKA_BROKERS,
      logger: inventory.logger,
    });
    await ensureTopics(kafka, [topicOf(topics.ordersOrders)]);
    observer = await observeTopic(kafka, topicOf(topics.inventoryStock));
    producer = kafka.producer();
    await producer.connect();
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await observer?.stop();
    await inventory?.stop();
    pg?.destroy();
  });

  const order = async (variantId: string) => {
    const orderId = uniqueName("outage-order");
    const event = placedEvent(orderId, [orderLine(variantId, 1)]);
    await producer.send({
      topic: topicOf(topics.ordersOrders),
      messages: [{ key: orderId, value: JSON.stringify(event) }],
    });
    return orderId;
  };
  const repliesTo = (orderIds: string[]) => observer.events.filter((event) => orderIds.includes(event.data.orderId));

  it("keeps the process, waits the outage out, applies every event once and dead-letters nothing", async () => {
    const variantId = uniqueName("outage-variant");
    for (const warehouse of seedWarehouses) await upsertWarehouse(inventory.db, warehouse);
    await inventory.services.stock.receive({ variantId, warehouseId: "wh-ber", quantity: 100 });
    const before = await Promise.all([1, 2, 3].map(() => order(variantId)));
    await waitFor(() => repliesTo(before).length === 3, { timeoutMs: 30_000, what: "replies before the outage" });

    pg.stop();
    const during = await Promise.all([1, 2, 3, 4, 5].map(() => order(variantId)));
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    pg.start();

    await waitFor(() => repliesTo(during).length === 5, { timeoutMs: 60_000, what: "replies after recovery" });
    const all = [...before, ...during];
    // Each order answered exactly once (redeliveries after the outage were recognised as such).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(
      repliesTo(all)
        .map((event) => event.data.orderId)
        .sort(),
    ).toEqual([...all].sort());
    expect(repliesTo(all).map((event) => event.type)).toEqual(all.map(() => "inventory.stock.reserved"));
    const gql = signedGraphqlClient(inventory.url, inventory.env.IDENTITY_HMAC_SECRET);
    expect(await gql("{ __typename }")).toEqual({ data: { __typename: "Query" } });
    expect(await stockRows(inventory.db, variantId)).toMatchObject([{ onHand: 100, reserved: 8 }]);
    // The outage was met (and waited out as transient), not slept through.
    const retries = await metricsRegistry.getSingleMetric("handler_retries_total")?.get();
    const transient = retries?.values.filter((value) => value.labels.kind === "transient") ?? [];
    expect(transient.reduce((sum, value) => sum + value.value, 0)).toBeGreaterThan(0);
    const dlq = await dlqDepth(topicOf(topics.ordersOrders));
    expect(dlq).toBe(0);
  }, 180_000);

  async function dlqDepth(topic: string): Promise<number> {
    const admin = createKafka({
      clientId: "pg-outage-admin",
      brokers: inventory.env.KAFKA_BROKERS,
      logger: inventory.logger,
    }).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(`${topic}.dlq`);
      return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    } finally {
      await admin.disconnect();
    }
  }
});
