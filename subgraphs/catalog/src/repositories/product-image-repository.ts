import type { ProductImage } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";

export type { ProductImage };

export function createProductImageRepository(db: Db) {
  return {
    findByProductIds: (productIds: readonly string[]) =>
      db.productImage.findMany({ where: { productId: { in: [...productIds] } }, orderBy: { position: "asc" } }),
  };
}

export type ProductImageRepository = ReturnType<typeof createProductImageRepository>;
