// `npx tsx scripts/db.ts seed catalog`: loads the generated catalog. Rows are inserted with
// ON CONFLICT DO NOTHING under fixed ids, so a second run changes nothing (and never overwrites
// what admins edited since). No outbox events: this is bootstrap data, not a domain change.
import { createPrisma } from "./db.js";
import { parseCatalogEnv } from "./env.js";
import { generateSeedCatalog } from "./seed/generate.js";

const catalog = generateSeedCatalog();
const prisma = createPrisma(parseCatalogEnv());
try {
  const inserted = await prisma.$transaction(
    async (tx) => {
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
    },
    { timeout: 120_000 },
  );
  const sizes = Object.fromEntries(Object.entries(catalog).map(([key, rows]) => [key, rows.length]));
  console.log(`[seed] catalog: inserted ${JSON.stringify(inserted)} of ${JSON.stringify(sizes)}`);
} finally {
  await prisma.$disconnect();
}
