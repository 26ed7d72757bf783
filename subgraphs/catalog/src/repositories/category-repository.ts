import type { Category } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";

export type { Category };

export function createCategoryRepository(db: Db) {
  return {
    findAll: () => db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] }),

    findByIds: (ids: readonly string[]) => db.category.findMany({ where: { id: { in: [...ids] } } }),

    /** The (product, category) pairs with each category row, for the categoriesByProductId loader. */
    findAssignments: (productIds: readonly string[]) =>
      db.productCategory.findMany({
        where: { productId: { in: [...productIds] } },
        include: { category: true },
        orderBy: [{ category: { position: "asc" } }, { categoryId: "asc" }],
      }),
  };
}

export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
