// The one way stock changes: append the movement, update the projection and enqueue
// inventory.stock.changed (subject: the variant) in the caller's transaction. Caches drop the
// variant's availability on that event.
import { inventoryEvents, type Outbox } from "@shopstream/kernel";
import type { InventoryTx } from "../db.js";
import { availabilityOf } from "../domain/availability.js";
import { availableOf } from "../domain/movements.js";
import { appendMovement, type LevelAfterMovement, type NewMovement } from "../repositories/stock-level-repository.js";

export interface MovementRecorder {
  record(tx: InventoryTx, movement: NewMovement): Promise<LevelAfterMovement>;
}

export function createMovementRecorder(deps: { outbox: Outbox; lowStockThreshold: number }): MovementRecorder {
  return {
    async record(tx, movement) {
      const level = await appendMovement(tx, movement);
      await deps.outbox.enqueue(tx, inventoryEvents.stockChanged, {
        subject: movement.variantId,
        data: {
          variantId: movement.variantId,
          warehouseId: movement.warehouseId,
          movement: movement.type,
          quantity: movement.quantity,
          onHand: level.onHand,
          reserved: level.reserved,
          available: availableOf(level),
          availability: availabilityOf(level.variantAvailable, deps.lowStockThreshold),
        },
      });
      return level;
    },
  };
}
