// The development seed (`npm run db:seed`): the generated catalog under fixed ids, so a second
// run changes nothing. Each product this run inserts also gets its full-state
// catalog.product.changed event in the same transaction, so read models elsewhere (orders' price
// list, recommendations' classification) learn the seeded catalog; a second run sends nothing.
import type { Outbox } from "@shopstream/kernel";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import type { CatalogPrisma } from "../db.js";
import { recordProductChanged } from "../events/catalog-events.js";
import type { Product } from "../repositories/product-repository.js";
import { existingProductIds, insertSeedCatalog } from "../repositories/seed-repository.js";
import type { Variant } from "../repositories/variant-repository.js";

export async function seedCatalog(prisma: CatalogPrisma, outbox: Outbox): Promise<string> {
  const catalog = generateSeedCatalog();
  const inserted = await prisma.$transaction(
    async (tx) => {
      const existing = await existingProductIds(
        tx,
        catalog.products.map((product) => product.id),
      );
      const counts = { ...(await insertSeedCatalog(tx, catalog)), events: 0 };
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
  return `inserted ${JSON.stringify(inserted)} of ${JSON.stringify(sizes)}`;
}
