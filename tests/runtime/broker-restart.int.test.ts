// The Kafka broker restarted under a service that is consuming and relaying (a rolling broker
// upgrade), on a broker and a PostgreSQL of the test's own so no other suite loses its broker:
// the process lives through it, the relay publishes what was written while the broker was down,
// and consumers and relays are moving again soon after it is back, with nothing lost or doubled.
import { inventoryService } from "@shopstream/inventory";
import { upsertWarehouse } from "@shopstream/inventory/src/repositories/warehouse-repository";
import { seedWarehouses } from "@shopstream/inventory/src/seed/plan";
import { orderLine, placedEvent } from "@shopstream/inventory/testing/fixture";
import { createKafka, ensureTopics, namespacedTopic, topics } from "@shopstream/kernel";
import {
  observeTopic,
  type PrivateKafka,
  type PrivatePostgres,
  signedGraphqlClient,
  startPrivateKafka,
  startPrivatePostgres,
  startTestService,
  uniqueName,
  waitFor,
} from "@shopstream/testkit";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const topicPrefix = process.env.KAFKA_TOPIC_PREFIX;
const topicOf = (topic: string) => namespacedTopic(topicPrefix, topic);
type StockEvent = { orderId?: string; variantId?: string };

describe("Kafka broker restarted mid-saga", () => {
  let pg: PrivatePostgres;
  let broker: PrivateKafka;
  let inventory: Awaited<ReturnType<typeof startInventory>>;
  let producer: Producer;
  const startInventory = () =>
    startTestService(inventoryService, {
      consumersStartAt: "beginning",
      env: { PGPORT: String(pg.port), KAFKA_BROKERS: broker.brokers.join(",") },
    });
  const kafka = () =>
    createKafka({ clientId: "broker-restart-test", brokers: broker.brokers, logger: inventory.logger });

  beforeAll(async () => {
    [pg, broker] = await Promise.all([startPrivatePostgres("inventory"), startPrivateKafka()]);
    inventory = await startInventory();
    await ensureTopics(kafka(), [topicOf(topics.ordersOrders)]);
    producer = kafka().producer();
    await producer.connect();
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await inventory?.stop();
    await broker?.destroy();
    pg?.destroy();
  });

  const order = async (variantId: string) => {
    const orderId = uniqueName("restart-order");
    await producer.send({
      topic: topicOf(topics.ordersOrders),
      messages: [{ key: orderId, value: JSON.stringify(placedEvent(orderId, [orderLine(variantId, 1)])) }],
    });
    return orderId;
  };

  it("keeps the process and is moving again within seconds of the broker being back", async () => {
    const variantId = uniqueName("restart-variant");
    for (const warehouse of seedWarehouses) await upsertWarehouse(inventory.db, warehouse);
    await inventory.services.stock.receive({ variantId, warehouseId: "wh-ber", quantity: 100 });
    const before = await Promise.all([1, 2, 3].map(() => order(variantId)));
    const stock = await observeTopic<StockEvent>(kafka(), topicOf(topics.inventoryStock), { fromBeginning: true });
    await waitFor(() => before.every((id) => stock.events.some((event) => event.data.orderId === id)), {
      timeoutMs: 30_000,
      what: "replies before the restart",
    });
    await stock.stop();

    await broker.stop("SIGTERM");
    // Written while the broker is down: only the relay can get it out, once the broker is back.
    const writtenWhileDown = uniqueName("restart-variant");
    await inventory.services.stock.receive({ variantId: writtenWhileDown, warehouseId: "wh-ber", quantity: 5 });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await broker.start();
    const backAt = Date.now();

    const after = await Promise.all([1, 2, 3].map(() => order(variantId)));
    const all = await observeTopic<StockEvent>(kafka(), topicOf(topics.inventoryStock), { fromBeginning: true });
    try {
      const since = async (what: string, happened: () => boolean) => {
        await waitFor(happened, { timeoutMs: 60_000, intervalMs: 100, what });
        return Date.now() - backAt;
      };
      const [relayMs, consumerMs] = await Promise.all([
        since("the change written while the broker was down, relayed", () =>
          all.events.some((event) => event.data.variantId === writtenWhileDown),
        ),
        since("the replies to orders placed after the restart", () =>
          after.every((id) => all.events.some((event) => event.data.orderId === id)),
        ),
      ]);
      console.log(`broker back → relay moving after ${relayMs} ms, consumer after ${consumerMs} ms`);
      expect(Math.max(relayMs, consumerMs)).toBeLessThan(10_000);

      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const replies = all.events
        .filter((event) => event.type !== "inventory.stock.changed")
        .map((event) => event.data.orderId);
      expect(replies.sort()).toEqual([...before, ...after].sort()); // each order answered once
      expect(all.events.filter((event) => event.data.variantId === writtenWhileDown)).toHaveLength(1);
    } finally {
      await all.stop();
    }
    const gql = signedGraphqlClient(inventory.url, inventory.env.IDENTITY_HMAC_SECRET);
    expect(await gql("{ __typename }")).toEqual({ data: { __typename: "Query" } });
  }, 180_000);
});
