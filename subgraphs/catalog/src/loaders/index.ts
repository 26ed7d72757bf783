// Loaders live for one request (created in the context factory), so their cache never serves
// one caller's data to another or outlives a write. Each turns N loads in one tick into one query.
import DataLoader from "dataloader";
import type { Repositories } from "../repositories/index.js";
import { manyByKey, oneByKey } from "./batch.js";
import { createCategoryTreeLoader } from "./category-tree.js";

export function createLoaders(repositories: Repositories) {
  const { products, variants, brands, categories, images } = repositories;
  const productById = new DataLoader(async (ids: readonly string[]) =>
    oneByKey(ids, await products.findByIds(ids), (row) => row.id),
  );
  const productBySlug = new DataLoader(async (slugs: readonly string[]) => {
    const rows = await products.findBySlugs(slugs);
    for (const row of rows) productById.prime(row.id, row);
    return oneByKey(slugs, rows, (row) => row.slug);
  });
  const variantById = new DataLoader(async (ids: readonly string[]) =>
    oneByKey(ids, await variants.findByIds(ids), (row) => row.id),
  );
  const variantBySku = new DataLoader(async (skus: readonly string[]) =>
    oneByKey(skus, await variants.findBySkus(skus), (row) => row.sku),
  );
  const variantsByProductId = new DataLoader(async (productIds: readonly string[]) =>
    manyByKey(productIds, await variants.findByProductIds(productIds), (row) => row.productId),
  );
  const brandById = new DataLoader(async (ids: readonly string[]) =>
    oneByKey(ids, await brands.findByIds(ids), (row) => row.id),
  );
  const categoryById = new DataLoader(async (ids: readonly string[]) =>
    oneByKey(ids, await categories.findByIds(ids), (row) => row.id),
  );
  const categoriesByProductId = new DataLoader(async (productIds: readonly string[]) => {
    const assignments = await categories.findAssignments(productIds);
    return manyByKey(productIds, assignments, (row) => row.productId).map((rows) => rows.map((row) => row.category));
  });
  const imagesByProductId = new DataLoader(async (productIds: readonly string[]) =>
    manyByKey(productIds, await images.findByProductIds(productIds), (row) => row.productId),
  );
  return {
    productById,
    productBySlug,
    variantById,
    variantBySku,
    variantsByProductId,
    brandById,
    categoryById,
    categoriesByProductId,
    imagesByProductId,
    categoryTree: createCategoryTreeLoader(categories),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
