// The three subgraphs a product page touches (catalog, inventory, recommendations), from their test
// harnesses in this process, plus a private Redis for the router's cache (so "cold" really is
// empty). Shared by the cache e2e test and the cache bench.
import { type Logger, startSubgraphServer } from "@shopstream/kernel";
import { startPrivateRedis } from "../../../router/test/cache/support/private-redis.js";
import { startHarness as startCatalog } from "../../../subgraphs/catalog/test/support/harness.js";
import { createFixture as createInventory } from "../../../subgraphs/inventory/test/support/fixture.js";
import { startHarness as startRecommendations } from "../../../subgraphs/recommendations/test/support/harness.js";

export async function startProductPageSubgraphs(logger: Logger) {
  const [catalog, recommendations, inventory, redis] = await Promise.all([
    startCatalog(),
    startRecommendations(),
    createInventory(),
    startPrivateRedis(),
  ]);
  // The inventory fixture has no HTTP server of its own: serve its subgraph the way server.ts does.
  const inventoryServer = await startSubgraphServer({
    name: inventory.app.name,
    typeDefs: inventory.app.typeDefs,
    resolvers: inventory.app.resolvers,
    context: inventory.app.context,
    port: 0,
    logger,
    identitySecret: inventory.env.IDENTITY_HMAC_SECRET,
  });
  return { catalog, recommendations, inventory, inventoryServer, redis };
}
