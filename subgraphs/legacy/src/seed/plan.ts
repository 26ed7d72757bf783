// The monolith's stock snapshot as plain data: one row per seeded catalog variant (the catalog's
// pure generator, imported: no cross-domain database read), deterministic figures that drift
// from inventory's the way a stale nightly sync does (~3 % discontinued, ~10 % fully allocated).
import { createHash } from "node:crypto";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import type { LegacyStockRow } from "../repositories/legacy-stock-repository.js";

function hashInts(skuId: string): [number, number, number] {
  const digest = createHash("sha1").update(`shopstream:legacy:${skuId}`).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8)];
}

export function planLegacyStock(skuIds: readonly string[]): LegacyStockRow[] {
  return skuIds.map((skuId) => {
    const [onHand, kind, allocated] = hashInts(skuId);
    const qtyOnHand = onHand % 120;
    const fullyAllocated = kind % 100 < 10;
    return {
      skuId,
      qtyOnHand,
      qtyAllocated: fullyAllocated ? qtyOnHand : allocated % Math.max(1, Math.floor(qtyOnHand / 4)),
      discFlag: kind % 100 >= 97 ? 1 : 0,
    };
  });
}

export const seededSkuIds = (): string[] => generateSeedCatalog().variants.map((variant) => variant.id);
