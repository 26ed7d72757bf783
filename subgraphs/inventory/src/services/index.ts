// Wires the inventory's services over one Prisma client, one outbox and the live stock events.
import { createOutbox, type LiveEvents } from "@shopstream/kernel";
import type { InventoryPrisma } from "../db.js";
import { createInventoryQueries } from "./inventory-queries.js";
import { createMovementRecorder } from "./movement-recorder.js";
import { createReservationService } from "./reservation-service.js";
import { createShipmentService } from "./shipment-service.js";
import { createStockFeed } from "./stock-feed.js";
import { createStockService } from "./stock-service.js";
import { createTransact } from "./transaction.js";

export interface InventoryConfig {
  lowStockThreshold: number;
  reservationTtlMs: number;
}

export function createServices(prisma: InventoryPrisma, config: InventoryConfig, live: LiveEvents) {
  const transact = createTransact(prisma);
  const outbox = createOutbox("inventory");
  const recorder = createMovementRecorder({ outbox, lowStockThreshold: config.lowStockThreshold });
  const shipments = createShipmentService({ transact, outbox, recorder });
  const reservations = createReservationService({
    transact,
    outbox,
    recorder,
    shipments,
    reservationTtlMs: config.reservationTtlMs,
  });
  const stock = createStockService({ transact, recorder });
  const queries = createInventoryQueries(prisma);
  const stockFeed = createStockFeed(prisma, live, config.lowStockThreshold);
  return { transact, recorder, shipments, reservations, stock, queries, stockFeed };
}

export type InventoryServices = ReturnType<typeof createServices>;
