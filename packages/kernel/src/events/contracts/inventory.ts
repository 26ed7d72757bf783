import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { topics } from "../topics.js";

export const availabilityLevels = ["IN_STOCK", "LOW_STOCK", "OUT_OF_STOCK"] as const;
export const movementTypes = [
  "RECEIVED",
  "RESERVED",
  "RELEASED",
  "COMMITTED",
  "UNCOMMITTED",
  "SHIPPED",
  "RETURNED",
  "ADJUSTED",
] as const;

/** Every stock movement (subject: variant id); caches drop the variant's availability on it. */
export const stockChanged = defineEvent({
  type: "inventory.stock.changed",
  topic: topics.inventoryStock,
  data: z.object({
    variantId: z.string(),
    warehouseId: z.string(),
    movement: z.enum(movementTypes),
    quantity: z.number().int(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    availability: z.enum(availabilityLevels),
  }),
});

// Saga replies; subject: the order id.
export const stockReserved = defineEvent({
  type: "inventory.stock.reserved",
  topic: topics.inventoryStock,
  data: z.object({
    orderId: z.string(),
    reservationId: z.string(),
    expiresAt: z.iso.datetime(),
    allocations: z.array(
      z.object({ variantId: z.string(), warehouseId: z.string(), quantity: z.number().int().positive() }),
    ),
  }),
});

export const stockRejected = defineEvent({
  type: "inventory.stock.rejected",
  topic: topics.inventoryStock,
  data: z.object({
    orderId: z.string(),
    lines: z.array(
      z.object({
        variantId: z.string(),
        requested: z.number().int(),
        available: z.number().int(),
        reason: z.enum(["INSUFFICIENT_STOCK", "UNKNOWN_VARIANT"]),
      }),
    ),
  }),
});

export const stockReleased = defineEvent({
  type: "inventory.stock.released",
  topic: topics.inventoryStock,
  data: z.object({ orderId: z.string(), reservationId: z.string(), reason: z.enum(["EXPIRED", "ORDER_CANCELLED"]) }),
});

export const shipmentUpdated = defineEvent({
  type: "inventory.shipment.updated",
  topic: topics.inventoryStock,
  data: z.object({
    shipmentId: z.string(),
    orderId: z.string(),
    status: z.enum(["PENDING", "SHIPPED", "DELIVERED", "RETURNED", "CANCELLED"]),
  }),
});
