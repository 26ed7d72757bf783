// The monolith's availability rule, kept verbatim so the legacy path answers what the monolith
// did: discontinued SKUs are out of stock, otherwise on hand minus allocated against a fixed limit.
// It differs from inventory's (per-warehouse reservations, configurable limit) — comparing the two
// during the rollout is the point of the metrics per label.
import type { LegacyStockRow } from "../repositories/legacy-stock-repository.js";

export type Availability = "IN_STOCK" | "LOW_STOCK" | "OUT_OF_STOCK";

export function legacyAvailability(row: LegacyStockRow | undefined, lowStockAt: number): Availability {
  if (!row || row.discFlag === 1) return "OUT_OF_STOCK";
  const free = row.qtyOnHand - row.qtyAllocated;
  if (free <= 0) return "OUT_OF_STOCK";
  return free <= lowStockAt ? "LOW_STOCK" : "IN_STOCK";
}
