// Plays inventory's part of the saga over real Kafka (the real inventory subgraph is not built
// yet): consumes orders.order.placed/cancelled from this run's topic and answers with
// inventory.stock.reserved or .rejected per the stock it was given. Records releases.
import { ConsumerRunner, createEventPublisher, inventoryEvents, on } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import type { OrdersTx } from "../../src/db.js";
import type { Harness } from "./harness.js";

/** reserve normally, or reply twice (two event ids, one redelivery), or never reply. */
export type DoubleMode = "normal" | "duplicate" | "silent";

export async function startInventoryDouble(h: Harness) {
  const stock = new Map<string, number>();
  const modes = new Map<string, DoubleMode>();
  const released = new Set<string>();
  const confirmed = new Set<string>();
  /** Ids of the stock.reserved events sent per order (duplicates included). */
  const reservedEventIds = new Map<string, string[]>();
  const publisher = await createEventPublisher(h.kafka);
  const prefixed = <T>(definition: import("@shopstream/kernel").EventDefinition<T>) => ({
    ...definition,
    topic: h.topicOf(definition),
  });
  const send = async (envelope: { subject: string }, topic: string) =>
    publisher.publish([{ topic, key: envelope.subject, value: JSON.stringify(envelope) }]);

  const runner = new ConsumerRunner<OrdersTx>({
    kafka: h.kafka,
    groupId: uniqueName("inventory-double"),
    topicPrefix: h.env.KAFKA_TOPIC_PREFIX,
    logger: h.logger,
    transaction: (fn) => h.prisma.$transaction(fn),
    handlers: [
      on(h.app.events.orderPlaced, async (event) => {
        const { orderId, lines } = event.data;
        const mode = modes.get(lines[0]!.variantId) ?? "normal";
        if (mode === "silent") return;
        const short = lines.filter((l) => (stock.get(l.variantId) ?? 0) < l.quantity);
        const topic = prefixed(inventoryEvents.stockReserved).topic;
        if (short.length > 0) {
          const rejected = inventoryEvents.stockRejected.create({
            source: "inventory-double",
            subject: orderId,
            data: {
              orderId,
              lines: short.map((l) => ({
                variantId: l.variantId,
                requested: l.quantity,
                available: stock.get(l.variantId) ?? 0,
                reason: "INSUFFICIENT_STOCK" as const,
              })),
            },
          });
          return send(rejected, topic);
        }
        for (const l of lines) stock.set(l.variantId, stock.get(l.variantId)! - l.quantity);
        const data = {
          orderId,
          reservationId: `res-${orderId}`,
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
          allocations: lines.map((l) => ({ variantId: l.variantId, warehouseId: "wh-1", quantity: l.quantity })),
        };
        const reserved = inventoryEvents.stockReserved.create({ source: "inventory-double", subject: orderId, data });
        await send(reserved, topic);
        const ids = [reserved.id];
        if (mode === "duplicate") {
          await send(reserved, topic); // a redelivery: same event id
          const again = inventoryEvents.stockReserved.create({ source: "inventory-double", subject: orderId, data });
          await send(again, topic); // a re-emission: new event id, same reservation
          ids.push(again.id);
        }
        reservedEventIds.set(orderId, ids);
      }),
      on(h.app.events.orderCancelled, async (event) => void released.add(event.data.orderId)),
      on(h.app.events.orderConfirmed, async (event) => void confirmed.add(event.data.orderId)),
    ],
  });
  await runner.start();
  h.lifecycle.add("inventory double", async () => {
    await runner.stop();
    await publisher.close();
  });
  return { stock, modes, released, confirmed, reservedEventIds };
}
