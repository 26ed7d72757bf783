// `npx tsx scripts/db.ts seed catalog`: loads the generated catalog. Rows are inserted with
// ON CONFLICT DO NOTHING under fixed ids, so a second run changes nothing (and never overwrites
// what admins edited since). Each product this run inserts also gets its full-state
// catalog.product.changed event in the same transaction, so read models elsewhere (orders' price
// list, recommendations' classification) learn the seeded catalog; a second run sends nothing.
import { createOutbox } from "@shopstream/kernel";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import { createPrisma } from "./db.js";
import { parseCatalogEnv } from "./env.js";
import { recordProductChanged } from "./events/catalog-events.js";
import type { Product } from "./repositories/product-repository.js";
import type { Variant } from "./repositories/variant-repository.js";

const catalog = generateSeedCatalog();
const prisma = createPrisma(parseCatalogEnv());
try {
  const inserted = await prisma.$transaction(
    async (tx) => {
      const roots = catalog.categories.filter((category) => category.parentId === null);
      const children = catalog.categories.filter((category) => category.parentId !== null);
      const options = { skipDuplicates: true } as const;
      const productIds = catalog.products.map((product) => product.id);
      const existing = new Set(
        (await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true } })).map((p) => p.id),
      );
      const counts = {
        brands: (await tx.brand.createMany({ data: catalog.brands, ...options })).count,
        categories:
          (await tx.category.createMany({ data: roots, ...options })).count +
          (await tx.category.createMany({ data: children, ...options })).count,
        products: (await tx.product.createMany({ data: catalog.products, ...options })).count,
        productCategories: (await tx.productCategory.createMany({ data: catalog.assignments, ...options })).count,
        images: (await tx.productImage.createMany({ data: catalog.images, ...options })).count,
        variants: (await tx.variant.createMany({ data: catalog.variants, ...options })).count,
        events: 0,
      };
      const outbox = createOutbox("catalog");
      for (const product of catalog.products.filter((p) => !existing.has(p.id))) {
        const state = {
          product: product as unknown as Product,
          variants: catalog.variants.filter((v) => v.productId === product.id) as unknown as Variant[],
          categoryIds: catalog.assignments.filter((a) => a.productId === product.id).map((a) => a.categoryId),
        };
        await recordProductChanged(outbox, tx, state, ["created"]);
        counts.events += 1;
      }
      return counts;
    },
    { timeout: 120_000 },
  );
  const sizes = Object.fromEntries(Object.entries(catalog).map(([key, rows]) => [key, rows.length]));
  console.log(`[seed] catalog: inserted ${JSON.stringify(inserted)} of ${JSON.stringify(sizes)}`);
} finally {
  await prisma.$disconnect();
}
