import type { Variant } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";

export type { Variant };

export function createVariantRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]) => db.variant.findMany({ where: { id: { in: [...ids] } } }),

    findBySkus: (skus: readonly string[]) => db.variant.findMany({ where: { sku: { in: [...skus] } } }),

    findByProductIds: (productIds: readonly string[]) =>
      db.variant.findMany({
        where: { productId: { in: [...productIds] } },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      }),

    setPrice: (id: string, price: { amount: number; currency: string }, compareAtAmount: number | null) =>
      db.variant.update({
        where: { id },
        data: { priceAmount: price.amount, currency: price.currency, compareAtAmount },
      }),
  };
}

export type VariantRepository = ReturnType<typeof createVariantRepository>;
