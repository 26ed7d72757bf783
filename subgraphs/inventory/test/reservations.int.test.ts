import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture, orderLine, placedEvent } from "./support/fixture.js";

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});
afterAll(() => fx.close());

describe("reservations", () => {
  it("200 concurrent reservations for 50 units reserve exactly 50 and never go negative", async () => {
    const variantId = fx.newVariant();
    await fx.receive(variantId, "wh-ams", 30);
    await fx.receive(variantId, "wh-ber", 20);
    const orders = Array.from({ length: 200 }, () => fx.newOrder());

    const outcomes = await Promise.all(
      orders.map((orderId) => fx.services.reservations.reserve({ orderId, lines: [{ variantId, quantity: 1 }] })),
    );

    expect(outcomes.filter((o) => o.status === "RESERVED")).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === "REJECTED")).toHaveLength(150);
    const [sql] = await fx.prisma.$queryRawUnsafe<
      {
        reserved: number;
        available: number;
        negativeRows: number;
        reservedMovements: number;
        activeReservations: number;
      }[]
    >(
      `SELECT
         (SELECT sum(reserved)::int FROM stock_level WHERE variant_id = $1) AS reserved,
         (SELECT sum(on_hand - reserved - committed)::int FROM stock_level WHERE variant_id = $1) AS available,
         (SELECT count(*)::int FROM stock_level WHERE variant_id = $1
            AND (on_hand < 0 OR reserved < 0 OR committed < 0 OR on_hand - reserved - committed < 0)) AS "negativeRows",
         (SELECT coalesce(sum(quantity), 0)::int FROM stock_movement WHERE variant_id = $1 AND type = 'RESERVED')
           AS "reservedMovements",
         (SELECT count(*)::int FROM reservation WHERE order_id = ANY($2::text[]) AND status = 'ACTIVE')
           AS "activeReservations"`,
      variantId,
      orders,
    );
    expect(sql).toEqual({ reserved: 50, available: 0, negativeRows: 0, reservedMovements: 50, activeReservations: 50 });
  });

  it("a reservation expires and releases its stock", async () => {
    const variantId = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ams", 3);
    const placedAt = new Date("2026-01-01T10:00:00Z");
    const outcome = await fx.services.reservations.reserve({
      orderId,
      lines: [{ variantId, quantity: 2 }],
      now: placedAt,
    });
    expect(outcome.status).toBe("RESERVED");

    // Not yet expired at 14 minutes; released by a sweep after 15 (runs over every expired one).
    await fx.services.reservations.sweepExpired(new Date(placedAt.getTime() + 14 * 60_000));
    expect((await fx.stockRows(variantId))[0]).toMatchObject({ reserved: 2, available: 1 });
    const released = await fx.services.reservations.sweepExpired(new Date(placedAt.getTime() + 15 * 60_000));
    expect(released).toBeGreaterThanOrEqual(1);

    expect((await fx.stockRows(variantId))[0]).toMatchObject({ reserved: 0, available: 3 });
    const status = await fx.prisma.reservation.findUnique({ where: { orderId }, select: { status: true } });
    expect(status?.status).toBe("EXPIRED");
    expect(await fx.outboxEvents("inventory.stock.released", orderId)).toEqual([
      { orderId, reservationId: (outcome as { reservationId: string }).reservationId, reason: "EXPIRED" },
    ]);
  });

  it("a duplicate order.placed (new event id) reserves once", async () => {
    const variantId = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ams", 10);
    const handler = fx.app.consumers.handlers.find((h) => h.definition.type === "orders.order.placed")!;
    for (let i = 0; i < 2; i++) {
      const event = placedEvent(orderId, [orderLine(variantId, 4)]);
      await fx.app.consumers.transaction((tx) => handler.handle(event, tx));
    }
    expect((await fx.stockRows(variantId))[0]).toMatchObject({ reserved: 4, available: 6 });
    expect(await fx.outboxEvents("inventory.stock.reserved", orderId)).toHaveLength(1);
  });

  it("splits an order across two warehouses when none can fill it alone", async () => {
    const variantId = fx.newVariant();
    const other = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ams", 4);
    await fx.receive(variantId, "wh-ber", 6);
    await fx.receive(other, "wh-ams", 1);

    const outcome = await fx.services.reservations.reserve({
      orderId,
      lines: [
        { variantId, quantity: 8 },
        { variantId: other, quantity: 1 },
      ],
    });

    expect(outcome.status).toBe("RESERVED");
    const [reserved] = await fx.outboxEvents("inventory.stock.reserved", orderId);
    expect(reserved?.allocations).toEqual(
      [
        { variantId: other, warehouseId: "wh-ams", quantity: 1 },
        { variantId, warehouseId: "wh-ber", quantity: 6 },
        { variantId, warehouseId: "wh-ams", quantity: 2 },
      ].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0)),
    );
    expect(await fx.stockRows(variantId)).toMatchObject([
      { warehouseId: "wh-ams", reserved: 2, available: 2 },
      { warehouseId: "wh-ber", reserved: 6, available: 0 },
    ]);
  });

  it("rejects all lines when one is short, with a reason per line, and writes no movement", async () => {
    const variantId = fx.newVariant();
    const unknown = fx.newVariant();
    const orderId = fx.newOrder();
    await fx.receive(variantId, "wh-ams", 2);
    const outcome = await fx.services.reservations.reserve({
      orderId,
      lines: [
        { variantId, quantity: 3 },
        { variantId: unknown, quantity: 1 },
      ],
    });
    expect(outcome.status).toBe("REJECTED");
    expect(await fx.outboxEvents("inventory.stock.rejected", orderId)).toEqual([
      {
        orderId,
        lines: expect.arrayContaining([
          { variantId, requested: 3, available: 2, reason: "INSUFFICIENT_STOCK" },
          { variantId: unknown, requested: 1, available: 0, reason: "UNKNOWN_VARIANT" },
        ]),
      },
    ]);
    expect(await fx.prisma.stockMovement.count({ where: { orderId } })).toBe(0);
  });

  it("cancel releases; confirm commits and creates one shipment per warehouse that ships and returns", async () => {
    const variantId = fx.newVariant();
    await fx.receive(variantId, "wh-ams", 3);
    await fx.receive(variantId, "wh-mad", 3);

    const cancelled = fx.newOrder();
    await fx.services.reservations.reserve({ orderId: cancelled, lines: [{ variantId, quantity: 2 }] });
    expect(await fx.services.reservations.release(cancelled, "ORDER_CANCELLED")).toBe(true);
    expect(await fx.services.reservations.release(cancelled, "ORDER_CANCELLED")).toBe(false);

    const orderId = fx.newOrder();
    const lines = [orderLine(variantId, 5)];
    await fx.services.reservations.reserve({ orderId, lines });
    const shipmentIds = await fx.services.reservations.confirm(orderId, lines);
    expect(shipmentIds).toHaveLength(2);
    expect(await fx.services.reservations.confirm(orderId, lines)).toEqual([]);
    expect(await fx.stockRows(variantId)).toMatchObject([
      { warehouseId: "wh-ams", onHand: 3, reserved: 0, committed: 3, available: 0 },
      { warehouseId: "wh-mad", onHand: 3, reserved: 0, committed: 2, available: 1 },
    ]);

    const [first, second] = shipmentIds as [string, string];
    expect((await fx.services.shipments.deliver(first)).userErrors[0]?.code).toBe("INVALID_TRANSITION");
    expect((await fx.services.shipments.ship(first)).shipment?.status).toBe("SHIPPED");
    expect((await fx.services.shipments.deliver(first)).shipment?.status).toBe("DELIVERED");
    expect((await fx.services.shipments.ship(second)).userErrors).toEqual([]);
    expect((await fx.services.shipments.markReturned(first, "damaged")).shipment?.status).toBe("RETURNED");

    expect(await fx.stockRows(variantId)).toMatchObject([
      { warehouseId: "wh-ams", onHand: 3, reserved: 0, committed: 0, available: 3 },
      { warehouseId: "wh-mad", onHand: 1, reserved: 0, committed: 0, available: 1 },
    ]);
    const statuses = (await fx.outboxEvents("inventory.shipment.updated", orderId)).map((e) => e.status);
    expect(statuses).toEqual(["PENDING", "PENDING", "SHIPPED", "DELIVERED", "SHIPPED", "RETURNED"]);
    const movements = await fx.prisma.stockMovement.findMany({ where: { orderId }, orderBy: { id: "asc" } });
    expect(movements.map((m) => m.type)).toEqual([
      "RESERVED",
      "RESERVED",
      "COMMITTED",
      "COMMITTED",
      "SHIPPED",
      "SHIPPED",
      "RETURNED",
    ]);
  });

  it("cancelling a confirmed order gives back the stock of shipments that have not left, and only those", async () => {
    const variantId = fx.newVariant();
    await fx.receive(variantId, "wh-ams", 3);
    await fx.receive(variantId, "wh-mad", 3);
    const orderId = fx.newOrder();
    const lines = [orderLine(variantId, 5)];
    await fx.services.reservations.reserve({ orderId, lines });
    const [fromAmsterdam, fromMadrid] = (await fx.services.reservations.confirm(orderId, lines)) as [string, string];
    expect((await fx.services.shipments.ship(fromAmsterdam)).userErrors).toEqual([]);

    expect(await fx.services.reservations.release(orderId, "ORDER_CANCELLED")).toBe(true);
    expect(await fx.services.reservations.release(orderId, "ORDER_CANCELLED")).toBe(false); // nothing left to give back

    expect(await fx.stockRows(variantId)).toMatchObject([
      { warehouseId: "wh-ams", onHand: 0, reserved: 0, committed: 0, available: 0 }, // shipped: gone
      { warehouseId: "wh-mad", onHand: 3, reserved: 0, committed: 0, available: 3 }, // unshipped: back
    ]);
    const madrid = await fx.prisma.shipment.findUniqueOrThrow({ where: { id: fromMadrid } });
    expect(madrid.status).toBe("CANCELLED");
    expect(madrid.cancelledAt).toBeInstanceOf(Date);
    expect((await fx.services.shipments.ship(fromMadrid)).userErrors[0]?.code).toBe("INVALID_TRANSITION");
    const statuses = (await fx.outboxEvents("inventory.shipment.updated", orderId)).map((e) => e.status);
    expect(statuses).toEqual(["PENDING", "PENDING", "SHIPPED", "CANCELLED"]);
    const movements = await fx.prisma.stockMovement.findMany({ where: { orderId }, orderBy: { id: "asc" } });
    expect(movements.map((m) => `${m.type} ${m.warehouseId} ${m.quantity}`)).toEqual([
      "RESERVED wh-ams 3",
      "RESERVED wh-mad 2",
      "COMMITTED wh-ams 3",
      "COMMITTED wh-mad 2",
      "SHIPPED wh-ams 3",
      "UNCOMMITTED wh-mad 2",
    ]);
  });
});
