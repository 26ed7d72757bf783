// How each movement type changes a stock level. This one table drives both the live projection
// (repositories/stock-level-repository.ts) and the rebuild (services/projection-rebuild.ts), so
// the two can only agree.
import type { inventoryEvents } from "@shopstream/kernel";

export type MovementType = (typeof inventoryEvents.movementTypes)[number];

export interface StockCounts {
  onHand: number;
  reserved: number;
  committed: number;
}

export const zeroCounts = (): StockCounts => ({ onHand: 0, reserved: 0, committed: 0 });

/**
 * RECEIVED/RETURNED add to on hand; RESERVED holds stock for a placed order, RELEASED gives it
 * back; COMMITTED turns a hold into an allocation for a confirmed order, UNCOMMITTED gives an
 * unshipped allocation back when that order is cancelled; SHIPPED takes the
 * allocation out of the warehouse; ADJUSTED (signed) corrects on hand after a count or transfer.
 */
export function movementDelta(type: MovementType, quantity: number): StockCounts {
  switch (type) {
    case "RECEIVED":
    case "RETURNED":
    case "ADJUSTED":
      return { onHand: quantity, reserved: 0, committed: 0 };
    case "RESERVED":
      return { onHand: 0, reserved: quantity, committed: 0 };
    case "RELEASED":
      return { onHand: 0, reserved: -quantity, committed: 0 };
    case "COMMITTED":
      return { onHand: 0, reserved: -quantity, committed: quantity };
    case "UNCOMMITTED":
      return { onHand: 0, reserved: 0, committed: -quantity };
    case "SHIPPED":
      return { onHand: -quantity, reserved: 0, committed: -quantity };
  }
}

export function applyDelta(counts: StockCounts, delta: StockCounts): StockCounts {
  return {
    onHand: counts.onHand + delta.onHand,
    reserved: counts.reserved + delta.reserved,
    committed: counts.committed + delta.committed,
  };
}

export const availableOf = (counts: StockCounts) => counts.onHand - counts.reserved - counts.committed;
