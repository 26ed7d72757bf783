// The Variant.availability migration as tests and benches run it: catalog, inventory and the
// legacy monolith subgraph from their harnesses in this process (each through the kernel runtime),
// composed into one supergraph, and products whose variants the two sides answer for:
// `disagreeing` (legacy_stock: 50 free → IN_STOCK; inventory: 2 received → LOW_STOCK) and
// `agreeing` (out of stock on both sides). Shared by the rollout e2e test and the shadow-read bench.
import { createBrand, createCategory, createProduct } from "@shopstream/catalog/testing/fixtures";
import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventory } from "@shopstream/inventory/testing/fixture";
import { startHarness as startLegacy } from "@shopstream/legacy/testing/harness";
import { startTestService, uniqueName } from "@shopstream/testkit";
import { composeSubgraphs } from "./compose-subgraphs.js";

export const AVAILABILITY_LABEL = "legacy:variant-availability";
export const LEGACY_ANSWER = "IN_STOCK";
export const NEW_ANSWER = "LOW_STOCK";

export async function startAvailabilityMigration() {
  const [catalog, inventory, legacy] = await Promise.all([startCatalog(), createInventory(), startLegacy()]);
  const inventoryServer = await startTestService(inventoryService);
  const supergraphSdl = await composeSubgraphs({
    catalog: catalog.url,
    inventory: inventoryServer.url,
    legacy: legacy.url,
  });
  const brand = await createBrand(catalog.prisma);
  const category = await createCategory(catalog.prisma);

  /** A product with one variant per side of the comparison; returns their SKUs. */
  async function migratingProduct(): Promise<{ disagreeing: string; agreeing: string }> {
    const product = await createProduct(catalog, {
      name: `Strangler ${uniqueName("fig")}`,
      brandId: brand.id,
      categoryIds: [category.id],
      variants: [
        { size: "M", colour: "Green", amount: 4_900 },
        { size: "L", colour: "Green", amount: 4_900 },
      ],
    });
    const [disagreeing, agreeing] = product.variants as [(typeof product.variants)[0], (typeof product.variants)[0]];
    await legacy.setStock({ skuId: disagreeing.id, qtyOnHand: 50, qtyAllocated: 0, discFlag: 0 });
    await inventory.receive(disagreeing.id, "wh-ams", 2);
    await legacy.setStock({ skuId: agreeing.id, qtyOnHand: 0, qtyAllocated: 0, discFlag: 0 });
    return { disagreeing: disagreeing.sku, agreeing: agreeing.sku };
  }

  return {
    catalog,
    supergraphSdl,
    migratingProduct,
    async close() {
      await Promise.all([catalog.close(), inventoryServer.stop(), legacy.close()]);
      await inventory.close();
    },
  };
}
