// Reservations for the checkout saga: hold stock when an order is placed (all lines or none),
// release it when the order is cancelled or the hold expires, commit it when the order is
// confirmed; cancelling a confirmed order gives back what has not shipped yet. Every outcome is an outbox event in the same transaction as the stock change.
import { randomUUID } from "node:crypto";
import { inventoryEvents, type Outbox } from "@shopstream/kernel";
import type { InventoryTx } from "../db.js";
import { type Allocation, allocate, mergeLines, type OrderLine, type RejectedLine } from "../domain/allocation.js";
import { availableOf } from "../domain/movements.js";
import {
  allocationsOf,
  claimReservation,
  deleteAllocations,
  expiredReservationOrders,
  lockReservationByOrder,
  saveAllocations,
  setReservationStatus,
} from "../repositories/reservation-repository.js";
import { lockVariantStock } from "../repositories/stock-level-repository.js";
import type { MovementRecorder } from "./movement-recorder.js";
import type { ShipmentService } from "./shipment-service.js";
import type { Transact } from "./transaction.js";

export type ReserveOutcome =
  | { status: "RESERVED"; reservationId: string; expiresAt: Date; allocations: Allocation[] }
  | { status: "REJECTED"; lines: RejectedLine[] }
  | { status: "DUPLICATE" };

export type ReleaseReason = "EXPIRED" | "ORDER_CANCELLED";

export interface ReservationServiceDeps {
  transact: Transact;
  outbox: Outbox;
  recorder: MovementRecorder;
  shipments: ShipmentService;
  reservationTtlMs: number;
}

export function createReservationService(deps: ReservationServiceDeps) {
  const { outbox, recorder } = deps;

  /** Locks the stock of the lines' variants and allocates; writes nothing. */
  async function tryAllocate(tx: InventoryTx, lines: OrderLine[]) {
    const rows = await lockVariantStock(
      tx,
      lines.map((line) => line.variantId),
    );
    return allocate(
      lines,
      rows.map((row) => ({ ...row, available: availableOf(row) })),
    );
  }

  async function hold(tx: InventoryTx, orderId: string, reservationId: string, allocations: Allocation[]) {
    await saveAllocations(tx, reservationId, allocations);
    for (const allocation of allocations)
      await recorder.record(tx, { ...allocation, type: "RESERVED", orderId, reservationId, reason: "order placed" });
  }

  /** Releases or commits a reservation's held stock, locking the rows in the usual order first. */
  async function moveHeldStock(
    tx: InventoryTx,
    allocations: Allocation[],
    movement: { type: "RELEASED" | "COMMITTED"; orderId: string; reservationId: string; reason: string },
  ) {
    await lockVariantStock(
      tx,
      allocations.map((a) => a.variantId),
    );
    for (const allocation of allocations) await recorder.record(tx, { ...allocation, ...movement });
  }

  async function reserveIn(
    tx: InventoryTx,
    input: { orderId: string; lines: OrderLine[]; now?: Date },
  ): Promise<ReserveOutcome> {
    const reservationId = randomUUID();
    const expiresAt = new Date((input.now ?? new Date()).getTime() + deps.reservationTtlMs);
    const claimed = await claimReservation(tx, {
      id: reservationId,
      orderId: input.orderId,
      status: "ACTIVE",
      expiresAt,
    });
    if (!claimed) return { status: "DUPLICATE" };
    const result = await tryAllocate(tx, mergeLines(input.lines));
    if (!result.ok) {
      await setReservationStatus(tx, reservationId, "REJECTED");
      await outbox.enqueue(tx, inventoryEvents.stockRejected, {
        subject: input.orderId,
        data: { orderId: input.orderId, lines: result.rejected },
      });
      return { status: "REJECTED", lines: result.rejected };
    }
    await hold(tx, input.orderId, reservationId, result.allocations);
    await outbox.enqueue(tx, inventoryEvents.stockReserved, {
      subject: input.orderId,
      data: {
        orderId: input.orderId,
        reservationId,
        expiresAt: expiresAt.toISOString(),
        allocations: result.allocations,
      },
    });
    return { status: "RESERVED", reservationId, expiresAt, allocations: result.allocations };
  }

  /**
   * Releases the order's ACTIVE reservation, or for a confirmed (COMMITTED) order that is cancelled,
   * its shipments that have not left; false when there was nothing to give back.
   */
  async function releaseIn(tx: InventoryTx, orderId: string, reason: ReleaseReason, now = new Date()) {
    const reservation = await lockReservationByOrder(tx, orderId);
    if (!reservation) {
      // Cancelled before it was ever placed here: a tombstone makes a late order.placed a no-op.
      if (reason === "ORDER_CANCELLED")
        await claimReservation(tx, { id: randomUUID(), orderId, status: "RELEASED", expiresAt: null });
      return false;
    }
    if (reservation.status === "COMMITTED" && reason === "ORDER_CANCELLED")
      return (await deps.shipments.cancelUnshippedIn(tx, orderId, "order cancelled")) > 0;
    if (reservation.status !== "ACTIVE") return false;
    if (reason === "EXPIRED" && reservation.expiresAt && reservation.expiresAt > now) return false;
    const allocations = await allocationsOf(tx, reservation.id);
    await moveHeldStock(tx, allocations, {
      type: "RELEASED",
      orderId,
      reservationId: reservation.id,
      reason: reason === "EXPIRED" ? "reservation expired" : "order cancelled",
    });
    await setReservationStatus(tx, reservation.id, reason === "EXPIRED" ? "EXPIRED" : "RELEASED");
    await outbox.enqueue(tx, inventoryEvents.stockReleased, {
      subject: orderId,
      data: { orderId, reservationId: reservation.id, reason },
    });
    return true;
  }

  /**
   * Commits the order's held stock and creates its shipments (one per warehouse). A hold that
   * expired before payment came through is re-allocated if the stock is still there; otherwise
   * inventory.stock.rejected tells the saga. Returns the new shipments' ids.
   */
  async function confirmIn(tx: InventoryTx, orderId: string, lines: OrderLine[]): Promise<string[]> {
    let reservation = await lockReservationByOrder(tx, orderId);
    if (reservation?.status === "COMMITTED") return [];
    let allocations: Allocation[];
    if (reservation?.status === "ACTIVE") {
      allocations = await allocationsOf(tx, reservation.id);
    } else {
      const result = await tryAllocate(tx, mergeLines(lines));
      if (!result.ok) {
        await outbox.enqueue(tx, inventoryEvents.stockRejected, {
          subject: orderId,
          data: { orderId, lines: result.rejected },
        });
        return [];
      }
      if (reservation) await deleteAllocations(tx, reservation.id);
      else {
        reservation = { id: randomUUID(), orderId, status: "ACTIVE", expiresAt: null };
        await claimReservation(tx, reservation);
      }
      allocations = result.allocations;
      await hold(tx, orderId, reservation.id, allocations);
    }
    await moveHeldStock(tx, allocations, {
      type: "COMMITTED",
      orderId,
      reservationId: reservation.id,
      reason: "order confirmed",
    });
    await setReservationStatus(tx, reservation.id, "COMMITTED");
    return deps.shipments.createForAllocations(tx, orderId, allocations);
  }

  return {
    reserveIn,
    releaseIn,
    confirmIn,
    reserve: (input: { orderId: string; lines: OrderLine[]; now?: Date }) =>
      deps.transact((tx) => reserveIn(tx, input)),
    release: (orderId: string, reason: ReleaseReason, now?: Date) =>
      deps.transact((tx) => releaseIn(tx, orderId, reason, now)),
    confirm: (orderId: string, lines: OrderLine[]) => deps.transact((tx) => confirmIn(tx, orderId, lines)),
    /** Releases reservations expired at `now` (each in its own transaction); returns how many. */
    async sweepExpired(now = new Date(), limit = 200): Promise<number> {
      let released = 0;
      for (;;) {
        const orderIds = await deps.transact((tx) => expiredReservationOrders(tx, now, limit));
        for (const orderId of orderIds)
          if (await deps.transact((tx) => releaseIn(tx, orderId, "EXPIRED", now))) released += 1;
        if (orderIds.length < limit) return released;
      }
    },
  };
}

export type ReservationService = ReturnType<typeof createReservationService>;
