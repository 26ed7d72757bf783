// Wires the inventory's services over one Prisma client and one outbox.
import { createOutbox } from "@shopstream/kernel";
import type { InventoryPrisma } from "../db.js";
import { createInventoryQueries } from "./inventory-queries.js";
import { createMovementRecorder } from "./movement-recorder.js";
import { createReservationService } from "./reservation-service.js";
import { createShipmentService } from "./shipment-service.js";
import { createStockService } from "./stock-service.js";
import { createTransact } from "./transaction.js";

export interface InventoryConfig {
  lowStockThreshold: number;
  reservationTtlMs: number;
}

export function createServices(prisma: InventoryPrisma, config: InventoryConfig) {
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
  return { transact, recorder, shipments, reservations, stock, queries: createInventoryQueries(prisma) };
}

export type InventoryServices = ReturnType<typeof createServices>;
