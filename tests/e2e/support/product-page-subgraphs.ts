// The three subgraphs a product page touches (catalog, inventory, recommendations), from their test
// harnesses in this process (each through the kernel runtime), plus a private Redis for the router's cache (so "cold" really is
// empty). Shared by the cache e2e test and the cache bench.
import { startTestService } from "@shopstream/testkit";
import { startPrivateRedis } from "../../../router/test/cache/support/private-redis.js";
import { startHarness as startCatalog } from "../../../subgraphs/catalog/test/support/harness.js";
import { inventoryService } from "../../../subgraphs/inventory/src/app.js";
import { createFixture as createInventory } from "../../../subgraphs/inventory/test/support/fixture.js";
import { startHarness as startRecommendations } from "../../../subgraphs/recommendations/test/support/harness.js";

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
