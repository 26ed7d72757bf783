// The checkout saga over real Kafka: order events go onto orders.orders, the inventory service
// (started by the kernel runtime, with a consumer group of its own) reserves, its outbox relay
// publishes the replies on inventory.stock, and an observer consumer sees them.
import { type EventEnvelope, ensureTopics, namespacedTopic, type RunningServiceOf, topics } from "@shopstream/kernel";
import { observeTopic, startTestService, type TopicObserver, uniqueName, waitFor } from "@shopstream/testkit";
import { Kafka, logLevel, type Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryService } from "../src/app.js";
import { createFixture, type Fixture, orderLine, placedEvent } from "./support/fixture.js";

const kafka = new Kafka({ clientId: "inventory-saga-test", brokers: ["127.0.0.1:9092"], logLevel: logLevel.NOTHING });
let fx: Fixture;
const topicOf = (topic: string) => namespacedTopic(fx.env.KAFKA_TOPIC_PREFIX, topic);
let service: RunningServiceOf<typeof inventoryService>;
let groupId: string;
let producer: Producer;
let observer: TopicObserver;

beforeAll(async () => {
  fx = await createFixture();
  await ensureTopics(kafka, [topicOf(topics.ordersOrders), topicOf(topics.inventoryStock)]);
  observer = await observeTopic(kafka, topicOf(topics.inventoryStock));

  groupId = uniqueName("inventory-saga");
  service = await startTestService(inventoryService, { consumerGroup: groupId });
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await observer?.stop();
  await producer?.disconnect();
  await fx?.close();
});

const publish = (event: EventEnvelope) =>
  producer.send({
    topic: topicOf(topics.ordersOrders),
    messages: [{ key: event.subject, value: JSON.stringify(event) }],
  });

/**
 * Publishes until the consumer has handled the event: a new consumer group may start reading
 * just after the first send. Re-sends keep the event id, so they are no-ops once handled.
 */
async function publishUntilHandled(event: EventEnvelope, orderId: string) {
  await waitFor(
    async () => {
      await publish(event);
      return waitFor(() => fx.prisma.reservation.findUnique({ where: { orderId } }), { timeoutMs: 3_000 }).catch(
        () => null,
      );
    },
    { timeoutMs: 30_000, what: `reservation of ${orderId}` },
  );
}

const reply = (type: string, orderId: string) =>
  waitFor(() => observer.events.find((e) => e.type === type && e.subject === orderId), {
    timeoutMs: 90_000,
    what: type,
  });

describe("checkout saga over Kafka", () => {
  it("order.placed with stock → inventory.stock.reserved with the allocation", { timeout: 120_000 }, async () => {
    const variantId = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ber", 5);

    const event = placedEvent(orderId, [orderLine(variantId, 2)]);
    await publishUntilHandled(event, orderId);
    await publish(event); // a redelivery
    const resent = placedEvent(orderId, [orderLine(variantId, 2)]); // the order re-sent with a new event id
    await publish(resent);

    const reserved = await reply("inventory.stock.reserved", orderId);
    expect(reserved.data).toMatchObject({ orderId, allocations: [{ variantId, warehouseId: "wh-ber", quantity: 2 }] });
    const handled = { consumer: groupId, eventId: { in: [event.id, resent.id] } };
    await waitFor(async () => (await fx.prisma.processedEvent.count({ where: handled })) === 2, {
      timeoutMs: 30_000,
      what: "both order.placed events handled",
    });
    expect((await fx.stockRows(variantId))[0]).toMatchObject({ reserved: 2, available: 3 });
    expect(observer.events.filter((e) => e.type === "inventory.stock.reserved" && e.subject === orderId)).toHaveLength(
      1,
    );
  });

  it("order.placed without stock → inventory.stock.rejected with per-line reasons", { timeout: 120_000 }, async () => {
    const variantId = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ams", 1);

    await publishUntilHandled(placedEvent(orderId, [orderLine(variantId, 3)]), orderId);

    const rejected = await reply("inventory.stock.rejected", orderId);
    expect(rejected.data).toEqual({
      orderId,
      lines: [{ variantId, requested: 3, available: 1, reason: "INSUFFICIENT_STOCK" }],
    });
  });
});
