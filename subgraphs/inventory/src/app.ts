// The inventory service: warehouses, stock per variant per warehouse, movements, reservations and
// shipments. Consumes the orders' events (reserve, release, commit stock); publishes inventory.stock.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, defineService, inventoryEvents, topics } from "@shopstream/kernel";
import { parse } from "graphql";
import type { InventoryContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type InventoryEnv, inventoryEnvShape } from "./env.js";
import { orderEventHandlers } from "./events/order-handlers.js";
import { createLoaders } from "./loaders/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices } from "./services/index.js";
import { seedInventory } from "./services/inventory-seed.js";
import { reservationSweep } from "./services/reservation-sweep.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const inventoryService = defineService({
  name: "inventory",
  envShape: inventoryEnvShape,
  createDatabase: (env: InventoryEnv) => createPrisma(env),
  build({ db, env, logger, live }) {
    const config = { lowStockThreshold: env.LOW_STOCK_THRESHOLD, reservationTtlMs: env.RESERVATION_TTL_SECONDS * 1000 };
    const services = createServices(db, config, live);
    return {
      typeDefs,
      resolvers,
      services,
      publishes: [topics.inventoryStock],
      liveEvents: [inventoryEvents.stockChanged],
      consumers: {
        handlers: orderEventHandlers(services.reservations),
        /** Long waits, as for every inventory transaction. */
        transaction: services.transact,
      },
      jobs: [reservationSweep(services.reservations, env.RESERVATION_SWEEP_INTERVAL_MS, logger)],
      context: (base: BaseRequestContext): InventoryContext => ({
        ...base,
        services,
        loaders: createLoaders(db),
        newLoaders: () => createLoaders(db),
        lowStockThreshold: config.lowStockThreshold,
      }),
      seed: () => seedInventory(db, services),
    };
  },
});
