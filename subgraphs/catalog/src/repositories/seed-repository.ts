// Bulk inserts of the deterministic seed catalog (packages/seed-catalog) under its fixed ids;
// rows that exist are skipped, never overwritten (admins may have edited them since).
import type { SeedCatalog } from "@shopstream/seed-catalog";
import type { CatalogTx } from "../db.js";

export const existingProductIds = async (tx: CatalogTx, ids: string[]) =>
  new Set((await tx.product.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));

export async function insertSeedCatalog(tx: CatalogTx, catalog: SeedCatalog) {
  const roots = catalog.categories.filter((category) => category.parentId === null);
  const children = catalog.categories.filter((category) => category.parentId !== null);
  const options = { skipDuplicates: true } as const;
  return {
    brands: (await tx.brand.createMany({ data: catalog.brands, ...options })).count,
    categories:
      (await tx.category.createMany({ data: roots, ...options })).count +
      (await tx.category.createMany({ data: children, ...options })).count,
    products: (await tx.product.createMany({ data: catalog.products, ...options })).count,
    productCategories: (await tx.productCategory.createMany({ data: catalog.assignments, ...options })).count,
    images: (await tx.productImage.createMany({ data: catalog.images, ...options })).count,
    variants: (await tx.variant.createMany({ data: catalog.variants, ...options })).count,
  };
}
