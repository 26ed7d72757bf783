// Public availability of a variant, from its stock summed over all warehouses. The threshold
// is configuration (LOW_STOCK_THRESHOLD), not a constant, because it differs by business.
import type { inventoryEvents } from "@shopstream/kernel";

export type Availability = (typeof inventoryEvents.availabilityLevels)[number];

export function availabilityOf(available: number, lowStockThreshold: number): Availability {
  if (available <= 0) return "OUT_OF_STOCK";
  if (available <= lowStockThreshold) return "LOW_STOCK";
  return "IN_STOCK";
}
