// The seed stock as plain data: three warehouses and, for every variant of the catalog's seed
// (its pure generator, imported: no cross-domain database read), deterministic quantities.
import { createHash } from "node:crypto";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import type { WarehouseRecord } from "../repositories/warehouse-repository.js";

export const seedWarehouses: WarehouseRecord[] = [
  { id: "wh-ams", code: "AMS", name: "Amsterdam fulfilment centre", priority: 10 },
  { id: "wh-ber", code: "BER", name: "Berlin warehouse", priority: 20 },
  { id: "wh-mad", code: "MAD", name: "Madrid warehouse", priority: 30 },
];

export interface SeedStock {
  variantId: string;
  warehouseId: string;
  quantity: number;
}

/** Four stable bytes per (variant, purpose), so quantities never change between runs. */
function hashInts(variantId: string): number[] {
  const digest = createHash("sha1").update(`shopstream:inventory:${variantId}`).digest();
  return [0, 4, 8, 12].map((offset) => digest.readUInt32BE(offset));
}

/**
 * Every variant is stocked in Amsterdam; ~70% also in Berlin and ~50% in Madrid. About 5% are
 * scarce (1-4 units, Amsterdam only) so LOW_STOCK shows up in the storefront.
 */
export function planStock(variantIds: string[]): SeedStock[] {
  const plan: SeedStock[] = [];
  for (const variantId of variantIds) {
    const [a, b, c, kind] = hashInts(variantId) as [number, number, number, number];
    if (kind % 100 < 5) {
      plan.push({ variantId, warehouseId: "wh-ams", quantity: 1 + (a % 4) });
      continue;
    }
    plan.push({ variantId, warehouseId: "wh-ams", quantity: 5 + (a % 60) });
    if (b % 10 < 7) plan.push({ variantId, warehouseId: "wh-ber", quantity: 1 + (b % 40) });
    if (c % 10 < 5) plan.push({ variantId, warehouseId: "wh-mad", quantity: 1 + (c % 30) });
  }
  return plan;
}

/** Variant ids of the catalog seed, in the catalog's order. */
export const seededVariantIds = (): string[] => generateSeedCatalog().variants.map((variant) => variant.id);
