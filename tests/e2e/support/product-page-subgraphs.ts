// The three subgraphs a product page touches (catalog, inventory, recommendations), from their test
// harnesses in this process (each through the kernel runtime), plus a private Redis for the router's cache (so "cold" really is
// empty). Shared by the cache e2e test and the cache bench.

import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventory } from "@shopstream/inventory/testing/fixture";
import { startHarness as startRecommendations } from "@shopstream/recommendations/testing/harness";
import { startPrivateRedis, startTestService } from "@shopstream/testkit";

export async function startProductPageSubgraphs() {
  const [catalog, recommendations, inventory, redis] = await Promise.all([
    startCatalog(),
    startRecommendations(),
    createInventory(),
    startPrivateRedis(),
  ]);
  // The fixture's helpers write stock; the running service (HTTP, relay, consumers) serves it.
  const inventoryServer = await startTestService(inventoryService);
  return { catalog, recommendations, inventory, inventoryServer, redis };
}
