import type { Brand } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";

export type { Brand };

export function createBrandRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]) => db.brand.findMany({ where: { id: { in: [...ids] } } }),
  };
}

export type BrandRepository = ReturnType<typeof createBrandRepository>;
