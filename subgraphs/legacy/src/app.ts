// The legacy service: the monolith's view of the fields still being migrated away from it (stock
// availability, order history). It consumes no events; its relay publishes the monolith's order
// changes (legacy.orders), which a trigger in its database captures into the outbox while the
// orders domain takes over.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, defineService, topics } from "@shopstream/kernel";
import { parse } from "graphql";
import type { LegacyContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type LegacyEnv, legacyEnvShape } from "./env.js";
import { createLoaders } from "./loaders/index.js";
import { resolvers } from "./resolvers/index.js";
import { createLegacyOrderHistory } from "./services/legacy-order-history.js";
import { seedLegacy } from "./services/legacy-seed.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const legacyService = defineService({
  name: "legacy",
  envShape: legacyEnvShape,
  createDatabase: (env: LegacyEnv) => createPrisma(env),
  build({ db, env }) {
    const orderHistory = createLegacyOrderHistory(db);
    return {
      typeDefs,
      resolvers,
      services: { orderHistory },
      publishes: [topics.legacyOrders],
      context: (base: BaseRequestContext): LegacyContext => ({
        ...base,
        loaders: createLoaders(db),
        orderHistory,
        lowStockAt: env.LEGACY_LOW_STOCK_AT,
      }),
      seed: () => seedLegacy(db),
    };
  },
});
